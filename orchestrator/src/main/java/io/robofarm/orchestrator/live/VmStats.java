package io.robofarm.orchestrator.live;

/**
 * A sample of a live VM: its state (and what it waits for when parked), the Lua line it is on, its
 * call depth and the fuel it used. The farm samples each VM a few times a second and only when
 * something changed, so these never flood the bus however busy a VM is.
 */
public record VmStats(long runId, String state, String parkReason, int line, int callDepth, long fuelUsed)
        implements LiveEvent {
    @Override
    public String type() {
        return "vm-stats";
    }
}
