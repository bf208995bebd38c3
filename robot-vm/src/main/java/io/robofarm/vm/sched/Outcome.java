package io.robofarm.vm.sched;

import java.util.List;

/**
 * How a robot ended. {@link Kind#SUCCEEDED}: its chunk returned {@link #values} (JSON-friendly Java
 * values, see {@code LuaValues}). {@link Kind#FAILED}: a Lua error nothing caught, with
 * {@link #message} ("robot.lua:3: boom"), {@link #traceback} and {@link #line}.
 * {@link Kind#CANCELLED}: the host cancelled it. {@link Kind#LIMIT}: it hit a limit, named in
 * {@link #message} ("fuel exhausted", "timeout after 5 s").
 *
 * @param line -1 when unknown or not a failure
 */
public record Outcome(Kind kind, List<Object> values, String message, String traceback, int line, long fuelUsed) {
    /** The four ways a robot ends. */
    public enum Kind {
        SUCCEEDED, FAILED, CANCELLED, LIMIT
    }

    static Outcome succeeded(List<Object> values, long fuelUsed) {
        return new Outcome(Kind.SUCCEEDED, values, null, null, -1, fuelUsed);
    }

    static Outcome failed(String message, String traceback, int line, long fuelUsed) {
        return new Outcome(Kind.FAILED, List.of(), message, traceback, line, fuelUsed);
    }

    static Outcome cancelled(long fuelUsed) {
        return new Outcome(Kind.CANCELLED, List.of(), "cancelled", null, -1, fuelUsed);
    }

    static Outcome limit(String reason, long fuelUsed) {
        return new Outcome(Kind.LIMIT, List.of(), reason, null, -1, fuelUsed);
    }
}
