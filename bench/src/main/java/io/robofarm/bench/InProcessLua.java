package io.robofarm.bench;

import io.robofarm.vm.cli.LuaCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark on our VM inside this JVM through the CLI entry point, so repeated runs
 * measure the warmed-up interpreter rather than JVM start-up.
 */
final class InProcessLua {

    private final Path directory;
    private final List<String> hostOptions;

    /** {@code hostOptions} ({@code --max-fuel N} and so on) come before each script's name. */
    InProcessLua(Path directory, List<String> hostOptions) {
        this.directory = directory;
        this.hostOptions = List.copyOf(hostOptions);
    }

    Timed run(Path script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        long start = System.nanoTime();
        try (PrintStream stdout = new PrintStream(out, false); PrintStream stderr = new PrintStream(err, false)) {
            List<String> argv = new ArrayList<>(hostOptions);
            argv.add(script.getFileName().toString());
            status = LuaCommand.run(argv, directory,
                    new ByteArrayInputStream(new byte[0]), stdout, stderr);
        }
        long nanos = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException("RoboFarm VM failed on " + script.getFileName() + " with status " + status
                    + ":\n" + err.toString(StandardCharsets.ISO_8859_1));
        }
        return new Timed(out.toString(StandardCharsets.ISO_8859_1), nanos);
    }
}
