package io.robofarm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares our VM with lua5.4 on the project's benchmark scripts in {@code bench/lua} and prints
 * a Markdown table of median wall times and their ratios.
 *
 * <p>Usage: {@code LuaBenchmarks [-r RUNS] [-w WARMUPS] [--dir DIR] [--lua PROGRAM] [--limits] [--jit N|off] [names...]}.
 * lua5.4 runs each script as a fresh process {@code RUNS} times; our VM runs it in-process
 * {@code WARMUPS} times to let the JIT settle, then {@code RUNS} measured times. Both must print
 * the same checksum, otherwise the benchmark is reported as failed and the exit status is 1.
 * With {@code --limits} our VM runs under fuel, memory and time limits it never reaches, so that
 * comparing with a run without them gives the cost of metering.
 */
public final class LuaBenchmarks {

    private LuaBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        List<Path> scripts = select(options);
        ReferenceLua reference = new ReferenceLua(options.luaProgram(), options.directory());
        InProcessLua ours = new InProcessLua(options.directory(), options.hostOptions());
        List<Measurement> measurements = new ArrayList<>();
        for (Path script : scripts) {
            Measurement m = Measurement.of(script, reference, ours, options.warmups(), options.runs());
            System.err.println(m.progressLine());
            measurements.add(m);
        }
        System.out.print(MarkdownReport.render(measurements, options));
        if (measurements.stream().anyMatch(m -> !m.checksumsMatch())) {
            System.exit(1);
        }
    }

    private static List<Path> select(BenchOptions options) throws IOException {
        if (!options.names().isEmpty()) {
            List<Path> chosen = new ArrayList<>();
            for (String name : options.names()) {
                Path script = options.directory().resolve(name.endsWith(".lua") ? name : name + ".lua");
                if (!Files.isRegularFile(script)) {
                    throw new IllegalArgumentException("no benchmark script " + script);
                }
                chosen.add(script);
            }
            return chosen;
        }
        try (Stream<Path> files = Files.list(options.directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".lua")).sorted().toList();
        }
    }
}
