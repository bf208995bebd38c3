package io.robofarm.vm.interp;

/**
 * A Lua function translated to JVM code by {@link JitCompiler}. {@link #run} continues the Lua frame
 * {@code f} on top of {@code L} at its saved pc, and returns, with the pc saved again, as soon as
 * another frame must run or an instruction needs its general case: it returns the state whose top
 * frame runs next, as {@link Interpreter}'s loop expects.
 */
interface CompiledCode {
    LuaState run(LuaState L, CallFrame f);
}
