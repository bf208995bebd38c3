package io.robofarm.vm.cli;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code robot-vm.jar}: runs {@link LuaCommand} on the process's streams, under the
 * program name lua5.4, and exits with its status.
 */
public final class Main {
    /** Java stack for the interpreter thread: nested Java-to-Lua calls (sort comparators, __tostring...) use it. */
    private static final long STACK_BYTES = 64L << 20;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int[] status = new int[1];
        Thread runner = new Thread(null, () -> status[0] = LuaCommand.run("lua5.4", Arrays.asList(args),
                Path.of("").toAbsolutePath(), System.in, System.out, System.err, System.console() != null), "lua",
                STACK_BYTES);
        runner.start();
        runner.join();
        System.out.flush();
        System.exit(status[0]);
    }
}
