package io.robofarm.vm.golden;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden script on lua5.4 (when installed) and on our VM and requires byte-identical
 * stdout, stderr and exit status. Unlike {@link GoldenScriptsTest} it does not trust the recorded
 * files, so a stale {@code .out} cannot hide a difference. The lua5.4 processes are started ahead
 * on a small pool while the VM runs, which keeps the whole suite to a few seconds.
 */
class DifferentialTest {

    private static final ExecutorService REFERENCE_POOL = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "lua5.4-reference");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stopPool() {
        REFERENCE_POOL.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> sameResultsAsLua54() {
        Optional<ReferenceLua> reference = ReferenceLua.find();
        assumeTrue(reference.isPresent(), "lua5.4 (and bash) not on PATH: differential test skipped");
        ReferenceLua lua = reference.get();
        List<GoldenScript> scripts = GoldenScript.all(GoldenScript.locateRoot());
        Map<GoldenScript, CompletableFuture<ScriptRun>> referenceRuns = scripts.stream().collect(Collectors.toMap(
                Function.identity(), script -> CompletableFuture.supplyAsync(() -> lua.run(script), REFERENCE_POOL)));
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.id(), () -> {
            ScriptRun ours = assertTimeoutPreemptively(GoldenScriptsTest.SCRIPT_TIMEOUT, () -> VmRunner.run(script), script.id());
            ours.assertSameAs(referenceRuns.get(script).join(), script.id() + " (lua5.4 vs RoboFarm)");
        }));
    }
}
