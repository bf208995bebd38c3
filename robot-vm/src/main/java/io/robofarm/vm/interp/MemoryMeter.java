package io.robofarm.vm.interp;

import io.robofarm.vm.value.MemoryAccount;

import java.util.ArrayList;

/**
 * A VM's memory limit, enforced without hooks into the JVM's collector. Allocation sites charge
 * the estimated bytes of what they are about to create (tables and their growth, strings,
 * closures, coroutines and stack growth); the running count only grows, so it over-estimates what
 * is live. When it would pass the limit, {@link LiveData} measures what is really reachable from
 * the VM's roots, the count restarts from that, and only if live data plus the request is still
 * over the limit does the VM stop. A request larger than the limit on its own fails at once. So a
 * script cannot hold more than its limit, even with {@code collectgarbage("stop")}, and nothing
 * large is allocated before it is checked.
 *
 * <p>Without a limit the count is never corrected by a walk (so nothing but the additions is paid),
 * and {@link #inUse} is then the total allocated since the last measurement.
 */
public final class MemoryMeter implements MemoryAccount {
    /** Bytes of a String object plus its byte array header; each Lua char is one byte (Latin-1). */
    private static final long STRING_OVERHEAD = 40;

    private final Vm vm;
    private long limit = Long.MAX_VALUE;
    /** Live bytes at the last measurement plus every charge since. */
    private long inUse;
    /** Highest live estimate seen at a measurement. */
    private long peak;
    /**
     * Buffers that library functions are filling right now (the line print is assembling, say):
     * live, but not reachable from the roots, so every measurement adds their capacity. Null until
     * the first one.
     */
    private ArrayList<StringBuilder> buffers;

    MemoryMeter(Vm vm) {
        this.vm = vm;
    }

    /** Estimated bytes of a Lua string of {@code length} chars. */
    public static long stringBytes(long length) {
        return (STRING_OVERHEAD + length + 7) & ~7L;
    }

    @Override
    public void allocate(long bytes) {
        long total = inUse + bytes;
        inUse = total;
        if (total > limit) {
            exceeded(bytes);
        }
    }

    /** Counts {@code buffer} in every measurement until {@link #untrack}. */
    void track(StringBuilder buffer) {
        if (buffers == null) {
            buffers = new ArrayList<>(4);
        }
        buffers.add(buffer);
    }

    void untrack(StringBuilder buffer) {
        for (int i = buffers.size() - 1; i >= 0; i--) {
            if (buffers.get(i) == buffer) {
                buffers.remove(i);
                return;
            }
        }
    }

    /** Stops the VM when {@code bytes} alone exceed the limit; counts nothing. */
    void checkFits(long bytes) {
        if (bytes > limit) {
            throw exceededError();
        }
    }

    private VmInterrupted exceededError() {
        return vm.stop("memory limit of " + describe(limit) + " exceeded");
    }

    /** The count would pass the limit: measure what is live, and stop the VM if the request still does not fit. */
    private void exceeded(long request) {
        inUse -= request;
        if (request <= limit) {
            measure();
            if (inUse <= limit - request) {
                inUse += request;
                return;
            }
        }
        throw exceededError();
    }

    /** Replaces the running count by the bytes reachable from the VM's roots now. */
    void measure() {
        long live = LiveData.measure(vm);
        if (buffers != null) {
            for (StringBuilder b : buffers) {
                live += b.capacity();
            }
        }
        inUse = live;
        peak = Math.max(peak, inUse);
    }

    void setLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative memory limit: " + bytes);
        }
        limit = bytes;
    }

    long inUse() {
        return inUse;
    }

    long peak() {
        return Math.max(peak, inUse);
    }

    /** "64 MiB", "1 GiB", "512 KiB" or "1000 bytes", as a memory limit is named to the user. */
    static String describe(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (30 - 10 * i);
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + units[i];
            }
        }
        return bytes + " bytes";
    }
}
