package io.robofarm.vm.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One golden Lua script under {@code src/test/lua/<group>/<name>.lua} and its expectations,
 * as written by {@code regenerate.sh}: {@code .out} (stdout), {@code .err} (stderr, present
 * exactly when the script fails), {@code .status} (an exit status other than 0 or 1) and an
 * optional {@code .in} fed as stdin.
 */
record GoldenScript(Path root, String group, String name) {

    private static final String ROOT_PROPERTY = "robofarm.golden.dir";

    /** The directory holding the groups: the system property, else src/test/lua of the module. */
    static Path locateRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path candidate : List.of(Path.of("src/test/lua"), Path.of("robot-vm/src/test/lua"))) {
            if (Files.isRegularFile(candidate.resolve("regenerate.sh"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("golden scripts not found; run from the robot-vm module or set -D" + ROOT_PROPERTY);
    }

    /** Every script directly inside a group directory, sorted; deeper folders hold helper chunks. */
    static List<GoldenScript> all(Path root) {
        try (Stream<Path> groups = Files.list(root)) {
            return groups.filter(Files::isDirectory)
                    .sorted()
                    .flatMap(group -> scriptsIn(root, group))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<GoldenScript> scriptsIn(Path root, Path group) {
        try (Stream<Path> files = Files.list(group)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".lua"))
                    .sorted()
                    .map(file -> new GoldenScript(root, group.getFileName().toString(), file.substring(0, file.length() - 4)))
                    .toList()
                    .stream(); // collected first: the directory listing must be closed before returning
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "group/name", used as the test's display name. */
    String id() {
        return group + "/" + name;
    }

    /** The script path as passed to the interpreter, relative to {@link #root()}. */
    String scriptArgument() {
        return id() + ".lua";
    }

    byte[] stdin() {
        return readOrEmpty(".in");
    }

    ScriptRun expected() {
        boolean failed = Files.exists(sibling(".err"));
        int status = failed ? 1 : 0;
        if (Files.exists(sibling(".status"))) {
            status = Integer.parseInt(new String(readOrEmpty(".status"), StandardCharsets.US_ASCII).trim());
        }
        return new ScriptRun(readOrEmpty(".out"), readOrEmpty(".err"), status);
    }

    private Path sibling(String extension) {
        return root.resolve(group).resolve(name + extension);
    }

    private byte[] readOrEmpty(String extension) {
        Path file = sibling(extension);
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
