package io.robofarm.orchestrator.live;

/**
 * A sample of a running VM: its state, the Lua line it is on, fuel used and memory held. The farm
 * samples each VM a few times a second, so these never flood the bus however busy a VM is.
 */
public record VmStats(long runId, String state, int line, long fuelUsed, long memoryBytes) implements LiveEvent {
    @Override
    public String type() {
        return "vm-stats";
    }
}
