package io.robofarm.vm.interp;

/**
 * Stops a script for a reason outside the language (interrupt, exhausted limit). It is not a
 * {@link LuaError}, so {@code pcall} cannot catch it and no Lua handler runs.
 */
public final class VmInterrupted extends RuntimeException {
    public VmInterrupted(String reason) {
        super(reason, null, false, false);
    }
}
