package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;

/**
 * A Lua function value: compiled code plus the upvalues it captured. Calling one never recurses on
 * the Java stack: the interpreter pushes a heap frame for it.
 */
public final class LuaClosure extends LuaFunction {
    final FunctionCode code;
    final UpValue[] upvalues;

    LuaClosure(FunctionCode code, UpValue[] upvalues) {
        this.code = code;
        this.upvalues = upvalues;
    }

    /** The compiled function this closure runs. */
    public Prototype prototype() {
        return code.proto;
    }

    @Override
    public String toString() {
        return "function: " + code.proto.source + ":" + code.proto.lineDefined;
    }
}
