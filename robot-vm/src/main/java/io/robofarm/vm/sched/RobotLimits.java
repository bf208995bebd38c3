package io.robofarm.vm.sched;

import java.time.Duration;

/**
 * The limits a robot runs under; hitting one ends it with {@link Outcome.Kind#LIMIT}.
 *
 * @param maxFuel        fuel units (backward jumps, calls, library work), {@link Long#MAX_VALUE} for none
 * @param timeout        wall-clock time from submission, queueing and parking included; null for none
 * @param maxMemoryBytes bytes of live Lua data, 0 for none
 */
public record RobotLimits(long maxFuel, Duration timeout, long maxMemoryBytes) {
    /** No limits. */
    public static final RobotLimits NONE = new RobotLimits(Long.MAX_VALUE, null, 0);

    public RobotLimits {
        if (maxFuel < 0 || maxMemoryBytes < 0 || timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }

    public RobotLimits withMaxFuel(long maxFuel) {
        return new RobotLimits(maxFuel, timeout, maxMemoryBytes);
    }

    public RobotLimits withTimeout(Duration timeout) {
        return new RobotLimits(maxFuel, timeout, maxMemoryBytes);
    }

    public RobotLimits withMaxMemoryBytes(long maxMemoryBytes) {
        return new RobotLimits(maxFuel, timeout, maxMemoryBytes);
    }
}
