package io.robofarm.vm.interp;

/**
 * A Lua function value: either a closure over compiled Lua code ({@link LuaClosure}) or a function
 * written in Java ({@link JavaFunction}). The interpreter tells them apart to decide whether a call
 * pushes a heap frame or runs Java code.
 */
public abstract sealed class LuaFunction permits LuaClosure, JavaFunction {
    LuaFunction() {
    }
}
