package io.robofarm.vm.cli;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The robot-vm options that come before lua5.4's own: {@code --sandbox}, {@code --max-fuel N} and
 * {@code --timeout 5s|250ms}. They choose the library profile and the limits the script runs under.
 *
 * @param sandbox  open the robot sandbox instead of the full standard library
 * @param maxFuel  the fuel budget, or -1 for none
 * @param timeout  the wall-clock limit, or null for none
 * @param consumed how many leading arguments these options took
 */
record HostOptions(boolean sandbox, long maxFuel, Duration timeout, int consumed) {
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");

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
        int i = 0;
        while (i < argv.size()) {
            switch (argv.get(i)) {
                case "--sandbox" -> sandbox = true;
                case "--max-fuel" -> maxFuel = fuel(value(argv, i++));
                case "--timeout" -> timeout = duration(value(argv, i++));
                default -> {
                    return new HostOptions(sandbox, maxFuel, timeout, i);
                }
            }
            i++;
        }
        return new HostOptions(sandbox, maxFuel, timeout, i);
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

    private static Duration duration(String text) throws BadOption {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new BadOption("bad --timeout '" + text + "' (e.g. 5s or 250ms expected)");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }
}
