package io.robofarm.vm.host;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code time} module: {@code time.sleep(ms)} parks the robot for {@code ms} milliseconds
 * (integer or float; 0 or less returns at once). Sleepers hold no thread: each is one entry in the
 * timer given here, which completes its future when due.
 */
public final class TimeModule {
    /** The name scripts require. */
    public static final String NAME = "time";

    private TimeModule() {
    }

    /** The module, with sleeps timed by {@code timer} (one thread serves any number of sleepers). */
    public static HostModule create(ScheduledExecutorService timer) {
        return HostModule.named(NAME)
                .asyncFunction("sleep", call -> {
                    double ms = call.checkNumber(1);
                    CompletableFuture<Void> woken = new CompletableFuture<>();
                    if (!(ms > 0)) {
                        woken.complete(null);
                    } else {
                        long nanos = (long) Math.min(ms * 1e6, Long.MAX_VALUE / 2);
                        timer.schedule(() -> woken.complete(null), nanos, TimeUnit.NANOSECONDS);
                    }
                    return woken;
                })
                .build();
    }
}
