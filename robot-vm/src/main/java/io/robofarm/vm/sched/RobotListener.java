package io.robofarm.vm.sched;

import io.robofarm.vm.host.OutputLevel;

/**
 * Receives what happens to a robot as it happens: state changes and output lines. Calls come from
 * worker and timer threads while the robot is held, so a listener must be quick and must not
 * block (hand the event to a queue); it may call the handle's methods.
 */
public interface RobotListener {
    /** A listener that ignores everything. */
    RobotListener NONE = new RobotListener() {
    };

    /** The robot moved from {@code from} to {@code to}; {@code parkReason} names what a PARKED robot waits for, else null. */
    default void onState(RobotHandle robot, RobotState from, RobotState to, String parkReason) {
    }

    /** The robot wrote a line: {@code print} (level PRINT) or a {@code log} function. */
    default void onOutput(RobotHandle robot, long epochMillis, OutputLevel level, String line) {
    }
}
