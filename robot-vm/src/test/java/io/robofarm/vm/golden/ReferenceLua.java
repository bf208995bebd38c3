package io.robofarm.vm.golden;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference interpreter, {@code lua5.4} from PATH, run as a process. It is started through
 * bash's {@code exec -a lua} so its messages carry Lua's default program name "lua", the same
 * bytes the in-process CLI prints; environment variables that would alter Lua are removed.
 */
final class ReferenceLua {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path bash;

    private ReferenceLua(Path executable, Path bash) {
        this.executable = executable;
        this.bash = bash;
    }

    /** The reference interpreter if both lua5.4 and bash are on PATH. */
    static Optional<ReferenceLua> find() {
        Optional<Path> lua = onPath("lua5.4");
        Optional<Path> bash = onPath("bash");
        if (lua.isEmpty() || bash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceLua(lua.get(), bash.get()));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    ScriptRun run(GoldenScript script) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("golden-ref", ".out");
            err = Files.createTempFile("golden-ref", ".err");
            ProcessBuilder builder = new ProcessBuilder(bash.toString(), "-c", "exec -a lua \"$0\" \"$@\"",
                    executable.toString(), script.scriptArgument())
                    .directory(script.root().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("LUA_"));
            env.put("LC_ALL", "C");
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.stdin());
            } catch (IOException closedEarly) {
                // a script that exits without reading stdin closes the pipe early
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("lua5.4 timed out on " + script.id());
            }
            return new ScriptRun(Files.readAllBytes(out), Files.readAllBytes(err), process.exitValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running lua5.4", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
