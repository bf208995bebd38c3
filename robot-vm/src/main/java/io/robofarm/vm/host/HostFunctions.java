package io.robofarm.vm.host;

import io.robofarm.vm.interp.Execution;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Adapts host functions to Lua functions of one VM: arguments in, results or a parked call out,
 * and any failure as a Lua error whose message names the function, never a Java class.
 */
final class HostFunctions {
    private HostFunctions() {
    }

    static JavaFunction sync(String qualified, String name, SyncFunction fn, HostContext context) {
        return JavaFunction.of(name, L -> {
            Object result;
            try {
                result = fn.call(new HostCall(L, context));
            } catch (LuaError e) {
                throw e;
            } catch (RuntimeException e) {
                throw L.error(failureMessage(qualified, e));
            }
            return push(L, qualified, result);
        });
    }

    static JavaFunction async(String qualified, String name, AsyncFunction fn, HostContext context) {
        return JavaFunction.of(name, L -> {
            CompletableFuture<?> future;
            try {
                future = fn.call(new HostCall(L, context)).toCompletableFuture();
            } catch (LuaError e) {
                throw e;
            } catch (RuntimeException e) {
                throw L.error(failureMessage(qualified, e));
            }
            PendingCall pending = new PendingCall(qualified, future);
            if (!future.isDone()) {
                return Execution.park(L, pending);
            }
            Object value;
            try {
                value = pending.luaResult(L.vm());
            } catch (HostError e) {
                throw L.error(e.getMessage());
            }
            if (value == null) {
                return 0;
            }
            L.push(value);
            return 1;
        });
    }

    private static int push(LuaState L, String qualified, Object result) {
        if (result == null) {
            return 0;
        }
        try {
            L.push(LuaValues.toLua(L.vm(), result));
        } catch (IllegalArgumentException e) {
            throw L.error(qualified + " returned a value Lua cannot hold: " + e.getMessage());
        }
        return 1;
    }

    /** The message a script sees for a failed host call: a {@link HostError}'s own text, else the function named with the failure's text. */
    static String failureMessage(String qualified, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HostError) {
            return cause.getMessage();
        }
        String text = cause == null ? null : cause.getMessage();
        return text == null || text.isBlank() ? qualified + " failed" : qualified + " failed: " + text;
    }
}
