package io.robofarm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line settings of {@link LuaBenchmarks}, with defaults that finish in a few minutes.
 * {@code limits} runs our VM under limits that are never reached, to measure what metering costs;
 * {@code jit} (a threshold or {@code off}, null for the VM's default) says when functions get JVM code.
 */
record BenchOptions(int runs, int warmups, Path directory, String luaProgram, boolean limits, String jit,
                    List<String> names) {
    /** Host options of {@code --limits}: fuel, memory and time checked as for a robot, high enough never to stop a benchmark. */
    private static final List<String> HIGH_LIMITS =
            List.of("--max-fuel", "100000000000000000", "--max-memory", "1g", "--timeout", "3600s");

    static BenchOptions parse(String[] args) {
        int runs = 5;
        int warmups = 3;
        Path directory = defaultDirectory();
        String lua = "lua5.4";
        boolean limits = false;
        String jit = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-r" -> runs = positive(args, ++i);
                case "-w" -> warmups = Integer.parseInt(value(args, ++i));
                case "--dir" -> directory = Path.of(value(args, ++i));
                case "--lua" -> lua = value(args, ++i);
                case "--limits" -> limits = true;
                case "--jit" -> jit = value(args, ++i);
                default -> names.add(args[i]);
            }
        }
        return new BenchOptions(runs, warmups, directory.toAbsolutePath(), lua, limits, jit, List.copyOf(names));
    }

    /** The robot-vm options our VM runs each script with. */
    List<String> hostOptions() {
        List<String> options = new ArrayList<>(limits ? HIGH_LIMITS : List.of());
        if (jit != null) {
            options.add("--jit");
            options.add(jit);
        }
        return options;
    }

    private static Path defaultDirectory() {
        Path fromRoot = Path.of("bench", "lua");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("lua");
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw new IllegalArgumentException(args[i - 1] + " needs a positive count");
        }
        return n;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
