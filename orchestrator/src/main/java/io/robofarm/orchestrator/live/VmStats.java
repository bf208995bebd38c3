package io.robofarm.orchestrator.live;

/**
 * A sample of a live VM: its state (and what it waits for when parked), the Lua line it is on, its
 * call depth, the fuel it used and the bytes of Lua data it holds. The farm samples each VM a few times a second and only when
 * something changed, so these never flood the bus however busy a VM is.
 */
public record VmStats(long runId, String state, String parkReason, int line, int callDepth, long fuelUsed,
                      long memoryBytes)
        implements LiveEvent {
    @Override
    public String type() {
        return "vm-stats";
    }
}
