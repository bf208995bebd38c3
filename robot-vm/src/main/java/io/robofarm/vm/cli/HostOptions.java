package io.robofarm.vm.cli;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The robot-vm options that come before lua5.4's own: {@code --sandbox}, {@code --max-fuel N},
 * {@code --timeout 5s|250ms}, {@code --max-memory 64m}, {@code --max-depth N},
 * {@code --max-output 1m} and {@code --jit N|off}. They choose the library profile, the limits the
 * script runs under and when its functions get JVM code.
 *
 * @param sandbox   open the robot sandbox instead of the full standard library
 * @param maxFuel   the fuel budget, or -1 for none
 * @param timeout   the wall-clock limit, or null for none
 * @param maxMemory the memory limit in bytes, or -1 for none
 * @param maxDepth  the call depth limit, or -1 for none
 * @param maxOutput the output limit in bytes, or -1 for none
 * @param jitThreshold how hot a function runs before it gets JVM code, -1 for never, or null for the default
 * @param consumed  how many leading arguments these options took
 */
record HostOptions(boolean sandbox, long maxFuel, Duration timeout, long maxMemory, int maxDepth, long maxOutput,
                   Integer jitThreshold, int consumed) {
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})([kKmMgG]?)");

    /** Thrown for a malformed option; its message says which and why. */
    static final class BadOption extends Exception {
        BadOption(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the host options at the start of {@code argv}, stopping at the first other argument. */
    static HostOptions parse(List<String> argv) throws BadOption {
        boolean sandbox = false;
        long maxFuel = -1;
        Duration timeout = null;
        long maxMemory = -1;
        int maxDepth = -1;
        long maxOutput = -1;
        Integer jitThreshold = null;
        int i = 0;
        scan:
        while (i < argv.size()) {
            switch (argv.get(i)) {
                case "--sandbox" -> sandbox = true;
                case "--max-fuel" -> maxFuel = fuel(value(argv, i++));
                case "--timeout" -> timeout = duration(value(argv, i++));
                case "--max-memory" -> maxMemory = size("--max-memory", value(argv, i++));
                case "--max-depth" -> maxDepth = depth(value(argv, i++));
                case "--max-output" -> maxOutput = size("--max-output", value(argv, i++));
                case "--jit" -> jitThreshold = jit(value(argv, i++));
                default -> {
                    break scan;
                }
            }
            i++;
        }
        return new HostOptions(sandbox, maxFuel, timeout, maxMemory, maxDepth, maxOutput, jitThreshold, i);
    }

    private static String value(List<String> argv, int option) throws BadOption {
        if (option + 1 >= argv.size()) {
            throw new BadOption("'" + argv.get(option) + "' needs argument");
        }
        return argv.get(option + 1);
    }

    private static long fuel(String text) throws BadOption {
        if (!COUNT.matcher(text).matches()) {
            throw new BadOption("bad --max-fuel '" + text + "' (a count of instructions expected)");
        }
        return Long.parseLong(text);
    }

    /** A byte count with an optional binary suffix: 4096, 512k, 64m, 1g. */
    private static long size(String option, String text) throws BadOption {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new BadOption("bad " + option + " '" + text + "' (e.g. 64m, 512k or 1g expected)");
        }
        int shift = switch (Character.toLowerCase(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n > Long.MAX_VALUE >> shift) {
            throw new BadOption("bad " + option + " '" + text + "' (too large)");
        }
        return n << shift;
    }

    private static int depth(String text) throws BadOption {
        if (!COUNT.matcher(text).matches() || Long.parseLong(text) < 1 || Long.parseLong(text) > Integer.MAX_VALUE - 1) {
            throw new BadOption("bad --max-depth '" + text + "' (a positive count of nested calls expected)");
        }
        return Integer.parseInt(text);
    }

    private static int jit(String text) throws BadOption {
        if (text.equals("off")) {
            return -1;
        }
        if (!COUNT.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new BadOption("bad --jit '" + text + "' (a count of calls or 'off' expected)");
        }
        return Integer.parseInt(text);
    }

    private static Duration duration(String text) throws BadOption {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new BadOption("bad --timeout '" + text + "' (e.g. 5s or 250ms expected)");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }
}
