package io.robofarm.vm.stdlib.string;

/**
 * A malformed pattern or misuse of captures found by {@link PatternMatcher}. The library turns it into
 * a Lua error carrying the caller's position; the engine itself stays free of interpreter types.
 */
final class PatternError extends RuntimeException {
    PatternError(String message) {
        super(message, null, false, false);
    }
}
