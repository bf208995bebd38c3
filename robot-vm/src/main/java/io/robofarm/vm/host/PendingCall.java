package io.robofarm.vm.host;

import io.robofarm.vm.interp.Execution;
import io.robofarm.vm.interp.Vm;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What a parked VM waits for: the future of an async host function call, named after the function
 * ("time.sleep"). The scheduler waits for {@link #future()}, then {@link #deliver delivers} the
 * outcome to the execution on the thread that runs it next.
 */
public final class PendingCall {
    private final String function;
    private final CompletableFuture<?> future;

    PendingCall(String function, CompletableFuture<?> future) {
        this.function = function;
        this.future = future;
    }

    /** The qualified name of the function waited for, e.g. "time.sleep"; observers show it as the park reason. */
    public String function() {
        return function;
    }

    /** Completes when the VM can continue. */
    public CompletableFuture<?> future() {
        return future;
    }

    /**
     * Hands the completed future's outcome to {@code execution}: its value (converted to Lua) as the
     * function's result, or its failure as a Lua error with the failure's message.
     */
    public void deliver(Execution execution) {
        Object value;
        try {
            value = luaResult(execution.vm());
        } catch (HostError e) {
            execution.resumeWithError(e.getMessage());
            return;
        }
        if (value == null) {
            execution.resume();
        } else {
            execution.resume(value);
        }
    }

    /**
     * The completed future's value as a Lua value (null for none).
     *
     * @throws HostError with the message the script sees when the call failed
     */
    Object luaResult(Vm vm) {
        Object value;
        try {
            value = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the call has not completed", e);
        } catch (CancellationException e) {
            throw new HostError(function + " was cancelled");
        } catch (ExecutionException e) {
            throw new HostError(HostFunctions.failureMessage(function, e.getCause()));
        }
        try {
            return LuaValues.toLua(vm, value);
        } catch (IllegalArgumentException e) {
            throw new HostError(function + " returned a value Lua cannot hold: " + e.getMessage());
        }
    }
}
