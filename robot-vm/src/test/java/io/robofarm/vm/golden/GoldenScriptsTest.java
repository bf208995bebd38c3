package io.robofarm.vm.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden script on our VM through the CLI entry point and compares stdout, stderr
 * and exit status with the files recorded from lua5.4 by {@code src/test/lua/regenerate.sh}:
 * once interpreted, once with every function compiled to JVM code when it first runs.
 */
class GoldenScriptsTest {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> goldenScripts() {
        return goldenScripts(List.of("--jit", "off"));
    }

    @TestFactory
    Stream<DynamicTest> goldenScriptsCompiled() {
        return goldenScripts(List.of("--jit", "0"));
    }

    private static Stream<DynamicTest> goldenScripts(List<String> options) {
        Path root = GoldenScript.locateRoot();
        List<GoldenScript> scripts = GoldenScript.all(root);
        assertFalse(scripts.isEmpty(), "no golden scripts under " + root);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.id(), () -> {
            ScriptRun actual = assertTimeoutPreemptively(SCRIPT_TIMEOUT, () -> VmRunner.run(script, options), script.id());
            actual.assertSameAs(script.expected(), script.id());
        }));
    }
}
