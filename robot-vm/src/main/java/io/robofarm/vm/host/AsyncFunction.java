package io.robofarm.vm.host;

import java.util.concurrent.CompletionStage;

/**
 * A host function whose result comes later, e.g. {@code time.sleep} or an HTTP request. It checks
 * its arguments and starts the work on the VM's thread, then returns at once; the VM parks, its
 * thread goes back to the scheduler, and the script continues when the stage completes: its value
 * is the function's result, its exception a Lua error at the call site.
 */
@FunctionalInterface
public interface AsyncFunction {
    /** Starts the work; the stage's value is converted with {@link LuaValues#toLua} (null: no result). */
    CompletionStage<?> call(HostCall call);
}
