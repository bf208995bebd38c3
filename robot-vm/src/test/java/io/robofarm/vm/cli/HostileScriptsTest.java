package io.robofarm.vm.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile scripts, as a new user would try them: each file in {@code src/test/hostile} attacks the
 * host (memory, CPU, stack, output, files, environment, processes, binary code, Java) and names in
 * its first line ({@code -- stopped by: ...}) the limit or missing capability that must stop it.
 * All run one after the other in this JVM, whose heap is larger than the scripts' limit (see the
 * surefire configuration), with {@code --sandbox --max-memory 64m --timeout 5s}; each must be
 * stopped promptly with that message, no Java exception, and the JVM must go on to the next.
 */
class HostileScriptsTest {
    private static final Path FOLDER = Path.of("src", "test", "hostile");
    private static final String EXPECTATION = "-- stopped by: ";
    private static final long PROMPT_NANOS = 15_000_000_000L;

    /** The script's stdout: counted and dropped, so a flood of output costs the test nothing. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    @Test
    void everyHostileScriptIsStoppedAndTheJvmCarriesOn() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(FOLDER)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        assertTrue(scripts.size() >= 20, "scripts: " + scripts.size());
        for (Path script : scripts) {
            String expected = Files.readAllLines(script, StandardCharsets.ISO_8859_1).get(0);
            assertTrue(expected.startsWith(EXPECTATION), script + " names what stops it");
            expected = expected.substring(EXPECTATION.length());

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int status = LuaCommand.run("robot", List.of("--sandbox", "--max-memory", "64m", "--timeout", "5s",
                            script.getFileName().toString()), FOLDER, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new CountingSink()), new PrintStream(err));
            long elapsed = System.nanoTime() - start;
            String stderr = err.toString(StandardCharsets.ISO_8859_1);

            boolean limit = expected.contains("limit of") || expected.startsWith("timeout");
            assertEquals(limit ? LuaCommand.LIMIT_STATUS : 1, status, script + ": " + stderr);
            assertTrue(stderr.startsWith("robot: ") && stderr.contains(expected), script + ": " + stderr);
            assertFalse(stderr.contains("Exception") || stderr.contains("internal error") || stderr.contains("\tat "),
                    script + ": " + stderr);
            assertTrue(elapsed < PROMPT_NANOS, script + " took " + elapsed / 1_000_000 + " ms");
        }
        assertTrue(Runtime.getRuntime().maxMemory() > 4 * (64L << 20), "the test JVM's heap must be larger than the limit");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LuaCommand.run("robot", List.of("--sandbox", "--max-memory", "64m", "-e",
                        "local t = {} for i = 1, 1e6 do t[i] = i end print(#t, #('x'):rep(32 << 20))"), FOLDER,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        assertEquals("1000000\t33554432\n", out.toString(StandardCharsets.ISO_8859_1));
    }
}
