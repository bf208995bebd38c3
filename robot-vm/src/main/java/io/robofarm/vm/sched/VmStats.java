package io.robofarm.vm.sched;

/**
 * What an observer sees of a robot at one moment, read without stopping it: the fields are
 * published by the robot's worker at every fuel slice end and state change.
 *
 * @param state         the robot's state
 * @param parkReason    what a PARKED robot waits for ("time.sleep"), else null
 * @param line          the source line it was at (at the last slice end), -1 before it ran or outside Lua code
 * @param callDepth     calls in progress, over all its coroutines
 * @param fuelUsed      fuel units used so far
 * @param memoryBytes   estimated bytes of live Lua data (see {@code Vm.memoryInUse})
 * @param peakMemoryBytes the highest estimate seen so far
 * @param runningNanos  time spent on a worker thread
 * @param parkedNanos   time spent parked
 */
public record VmStats(RobotState state, String parkReason, int line, int callDepth, long fuelUsed,
        long memoryBytes, long peakMemoryBytes, long runningNanos, long parkedNanos) {
}
