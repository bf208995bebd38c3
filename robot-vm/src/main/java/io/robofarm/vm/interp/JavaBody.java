package io.robofarm.vm.interp;

/** The body of a {@link JavaFunction} written as a lambda; see {@link JavaFunction#of}. */
@FunctionalInterface
public interface JavaBody {
    /** Reads the arguments from {@code L} (1-based), pushes its results and returns how many it pushed. */
    int call(LuaState L);
}
