package io.robofarm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs a benchmark on the reference interpreter as a fresh process, timing the whole process. */
final class ReferenceLua {

    private final String program;
    private final Path directory;

    ReferenceLua(String program, Path directory) {
        this.program = program;
        this.directory = directory;
    }

    Timed run(Path script) {
        ProcessBuilder builder = new ProcessBuilder(program, script.getFileName().toString())
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            int status = process.waitFor();
            long nanos = System.nanoTime() - start;
            if (status != 0) {
                throw new IllegalStateException(program + " " + script.getFileName() + " exited with " + status);
            }
            return new Timed(new String(out, StandardCharsets.ISO_8859_1), nanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
