package io.robofarm.vm.host;

/** A host function that computes its result on the VM's thread, e.g. {@code log.info}. */
@FunctionalInterface
public interface SyncFunction {
    /**
     * Returns the result as a Java value ({@link LuaValues#toLua} converts it), or null for none.
     *
     * @throws HostError to raise a Lua error in the script
     */
    Object call(HostCall call);
}
