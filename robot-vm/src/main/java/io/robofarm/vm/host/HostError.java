package io.robofarm.vm.host;

/**
 * Thrown by a host function (or used to fail the future of an async one) to raise a Lua error at
 * the script's call site: the script sees "chunk:line: message", catchable with pcall.
 */
public class HostError extends RuntimeException {
    public HostError(String message) {
        super(message, null, false, false);
    }
}
