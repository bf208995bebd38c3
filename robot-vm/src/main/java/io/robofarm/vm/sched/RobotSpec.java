package io.robofarm.vm.sched;

import io.robofarm.vm.code.Prototype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What to run as a robot: a compiled chunk (shared, read-only, by every robot running it), the
 * parameters it receives as a table in {@code ...} ({@code local params = ...}), its limits, the
 * host modules it may {@code require}, and whether it runs in the sandbox profile.
 *
 * @param chunk          the compiled main chunk; its source name appears in messages and stacks
 * @param parameters     JSON-friendly values (nulls allowed) (see {@code LuaValues}) given to the chunk as one table
 * @param limits         fuel, timeout, memory
 * @param grantedModules names of host modules the robot may require ("time", "log", or configured ones)
 * @param sandboxed      true for the robot sandbox (StandardLibraries.openSandboxed), false for the full library
 */
public record RobotSpec(Prototype chunk, Map<String, Object> parameters, RobotLimits limits,
        Set<String> grantedModules, boolean sandboxed) {
    public RobotSpec {
        if (chunk == null) {
            throw new IllegalArgumentException("a robot needs a chunk");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        grantedModules = Set.copyOf(grantedModules);
    }

    /** {@code chunk} sandboxed, with no parameters, no limits and no modules. */
    public static RobotSpec of(Prototype chunk) {
        return new RobotSpec(chunk, Map.of(), RobotLimits.NONE, Set.of(), true);
    }

    public RobotSpec withParameters(Map<String, Object> parameters) {
        return new RobotSpec(chunk, parameters, limits, grantedModules, sandboxed);
    }

    public RobotSpec withLimits(RobotLimits limits) {
        return new RobotSpec(chunk, parameters, limits, grantedModules, sandboxed);
    }

    public RobotSpec withModules(Set<String> grantedModules) {
        return new RobotSpec(chunk, parameters, limits, grantedModules, sandboxed);
    }

    public RobotSpec withSandboxed(boolean sandboxed) {
        return new RobotSpec(chunk, parameters, limits, grantedModules, sandboxed);
    }
}
