package io.robofarm.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** The median times of one benchmark on both interpreters and whether their checksums agree. */
record Measurement(String name, long luaNanos, long vmNanos, String luaOutput, String vmOutput, String failure) {

    static Measurement of(Path script, ReferenceLua reference, InProcessLua ours, int warmups, int runs) {
        String name = script.getFileName().toString().replaceFirst("\\.lua$", "");
        long[] luaTimes = new long[runs];
        long[] vmTimes = new long[runs];
        String luaOutput = null;
        String vmOutput = null;
        try {
            for (int i = 0; i < runs; i++) {
                Timed t = reference.run(script);
                luaTimes[i] = t.nanos();
                luaOutput = sameOutput(luaOutput, t.output(), "lua5.4");
            }
            for (int i = 0; i < warmups; i++) {
                vmOutput = sameOutput(vmOutput, ours.run(script).output(), "RoboFarm");
            }
            for (int i = 0; i < runs; i++) {
                Timed t = ours.run(script);
                vmTimes[i] = t.nanos();
                vmOutput = sameOutput(vmOutput, t.output(), "RoboFarm");
            }
        } catch (RuntimeException e) {
            return new Measurement(name, 0, 0, luaOutput, vmOutput, e.getMessage());
        }
        return new Measurement(name, median(luaTimes), median(vmTimes), luaOutput, vmOutput, null);
    }

    private static String sameOutput(String previous, String current, String who) {
        if (previous != null && !previous.equals(current)) {
            throw new IllegalStateException(who + " printed different checksums on repeated runs");
        }
        return current;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    boolean checksumsMatch() {
        return failure == null && luaOutput.equals(vmOutput);
    }

    double ratio() {
        return (double) vmNanos / luaNanos;
    }

    String progressLine() {
        if (failure != null) {
            return name + ": FAILED: " + failure;
        }
        if (!checksumsMatch()) {
            return name + ": CHECKSUM MISMATCH: lua5.4 printed " + luaOutput.strip() + ", RoboFarm printed " + vmOutput.strip();
        }
        return String.format("%s: lua5.4 %.0f ms, RoboFarm %.0f ms (%s)", name, luaNanos / 1e6, vmNanos / 1e6, luaOutput.strip());
    }
}
