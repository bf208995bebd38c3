package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.parse.LuaCompiler;
import io.robofarm.vm.value.LuaTable;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Lua virtual machine: the global state its coroutines share (globals, registry, string
 * metatable, standard streams, limits). Everything a script can reach belongs to one instance, so
 * any number of VMs can live in one JVM without seeing each other.
 */
public final class Vm {
    /** Default stack limit in slots, Lua's LUAI_MAXSTACK: deep recursion fails where lua5.4 does. */
    public static final int DEFAULT_MAX_STACK_SLOTS = 1_000_000;
    /** Estimated bytes the compiler allocates per char of source: its tables while it works, then the code. */
    private static final long COMPILED_BYTES_PER_CHAR = 8;
    /** Nested Java-to-Lua calls allowed, Lua's LUAI_MAXCCALLS. */
    static final int MAX_JAVA_CALLS = 200;

    /** Counts this VM's allocations; every table the VM makes charges it. Declared first: the tables below need it. */
    private final MemoryMeter memory = new MemoryMeter(this);
    private final LuaTable globals = new LuaTable(0, 0, memory);
    private final LuaTable registry = new LuaTable(0, 0, memory);
    private LuaTable stringMetatable;
    private OutputStream stdout = System.out;
    private InputStream stdin = InputStream.nullInputStream();
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private final Coroutine main;

    int maxStackSlots = DEFAULT_MAX_STACK_SLOTS;
    int maxFrames = DEFAULT_MAX_STACK_SLOTS / 2;
    /** Nesting of Java-to-Lua calls (and metamethod calls), as Lua counts C calls. */
    int javaCalls;
    /**
     * Work units between two looks at the limits. The interpreter counts {@link #fuel} down at
     * backward jumps and calls (one decrement and branch on the hot path), library loops by the work
     * they do. The volatile flag, the fuel budget and the clock are only read when a slice runs out:
     * a slice is short enough (well under a millisecond of straight-line work) that an interrupt or a
     * deadline is seen within a few milliseconds, and long enough that the check costs nothing.
     */
    private static final int FUEL_SLICE = 1 << 14;

    /** Work left in the current slice. */
    long fuel = FUEL_SLICE;
    /** Heat at which a Lua function gets JVM code ({@link Jit}); negative: never. */
    int jitThreshold = Jit.DEFAULT_THRESHOLD;
    /** Length of the current slice: the work done in it is {@code slice - fuel}. */
    private long slice = FUEL_SLICE;
    /** Work done in slices that have ended. */
    private long fuelUsed;
    private long maxFuel = Long.MAX_VALUE;
    /** {@link System#nanoTime()} at which the script times out; meaningful only when {@link #timeout} is set. */
    private long deadline;
    private Duration timeout;
    /** Why the VM was stopped, once a limit was hit: every later trap stops it again. */
    private String stopReason;
    private volatile boolean interrupted;
    /** The stepped run in progress when the host drives this VM through an {@link Execution}, else null. */
    Execution execution;
    /** Whether running past {@link #maxFrames} ends the VM (a call depth limit) instead of raising "stack overflow". */
    boolean callDepthLimited;
    private long maxOutputBytes = Long.MAX_VALUE;
    private long outputBytes;
    /**
     * Runs nested on the Java stack (Java code calling Lua), on any of the VM's coroutines: while
     * positive, an {@link Execution} cannot stop the VM.
     */
    int nestedRuns;

    public Vm() {
        main = new Coroutine(this);
        main.status = Coroutine.Status.RUNNING;
        main.fresh = false;
    }

    /** The global table (_G, the default _ENV of loaded chunks). */
    public LuaTable globals() {
        return globals;
    }

    /** Per-VM storage for libraries (e.g. package.loaded under "_LOADED"), invisible to scripts. */
    public LuaTable registry() {
        return registry;
    }

    /** The metatable shared by all strings of this VM (set up by the string library). */
    public LuaTable getStringMetatable() {
        return stringMetatable;
    }

    public void setStringMetatable(LuaTable mt) {
        stringMetatable = mt;
    }

    /** Where {@code print} and {@code io.write} write bytes (one byte per char of a Lua string). */
    public OutputStream stdout() {
        return stdout;
    }

    public void setStdout(OutputStream out) {
        stdout = out;
    }

    /** Where {@code io.read} reads from. */
    public InputStream stdin() {
        return stdin;
    }

    public void setStdin(InputStream in) {
        stdin = in;
    }

    /** Directory against which script-visible relative paths resolve. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    public void setWorkingDirectory(Path dir) {
        workingDirectory = dir.toAbsolutePath();
    }

    /** A path named by a script, resolved against {@link #workingDirectory()}. */
    public Path resolvePath(String name) {
        return workingDirectory.resolve(name);
    }

    /** Limits the value stack of each coroutine to {@code slots} (deep recursion then fails with "stack overflow"). */
    public void setMaxStackSlots(int slots) {
        maxStackSlots = slots;
        maxFrames = Math.max(slots / 2, 16);
    }

    /**
     * Ends the script with "call depth limit of N exceeded" when a coroutine's calls (Lua, library
     * and metamethod calls alike) nest deeper than {@code depth}. Without it, deep recursion raises
     * Lua's catchable "stack overflow" error at the stack-slot limit, as lua5.4 does.
     */
    public void setMaxCallDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("call depth limit must be positive: " + depth);
        }
        maxFrames = depth + 1;
        callDepthLimited = true;
    }

    /** The error that ends the VM when a coroutine's calls nest deeper than the limit. */
    VmInterrupted callDepthExceeded() {
        return stop("call depth limit of " + (maxFrames - 1) + " exceeded");
    }

    /**
     * Ends the script with "memory limit of 64 MiB exceeded" when its live data (strings, tables,
     * closures, coroutines with their stacks) would pass {@code bytes}; see {@link MemoryMeter}.
     */
    public void setMaxMemory(long bytes) {
        memory.setLimit(bytes);
    }

    /**
     * Estimated bytes of this VM's live Lua data: what the last measurement found plus everything
     * allocated since (without a memory limit, measurements happen only on
     * {@code collectgarbage("collect")} and {@link #measureMemory()}).
     */
    public long memoryInUse() {
        return memory.inUse();
    }

    /** The highest {@link #memoryInUse()} seen at a measurement or now. */
    public long memoryPeak() {
        return memory.peak();
    }

    /** Measures the VM's live data now (a walk from its roots); call it on the thread running the VM. */
    public long measureMemory() {
        memory.measure();
        return memory.inUse();
    }

    /** What this VM's tables charge their allocations to. */
    MemoryMeter memory() {
        return memory;
    }

    /** A new table of this VM, charged to its memory limit. */
    public LuaTable newTable(int narr, int nhash) {
        return new LuaTable(narr, nhash, memory);
    }

    /** Ends the script with "output limit of 1 MiB exceeded" once print and io.write have written {@code bytes}. */
    public void setMaxOutputBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative output limit: " + bytes);
        }
        maxOutputBytes = bytes;
    }

    /**
     * Counts a write of {@code bytes} bytes of script output and returns how many of them may be
     * written: all of them, or what is left under the output limit. When fewer are allowed, the
     * caller writes those and then throws {@link #outputLimitExceeded()}.
     */
    public long admitOutput(long bytes) {
        long allowed = Math.min(bytes, maxOutputBytes - outputBytes);
        outputBytes += allowed;
        return allowed;
    }

    /** The error that ends the VM when its output passes the limit; see {@link #admitOutput}. */
    public VmInterrupted outputLimitExceeded() {
        return stop("output limit of " + MemoryMeter.describe(maxOutputBytes) + " exceeded");
    }

    /** Bytes of output written so far by print and io.write. */
    public long outputBytes() {
        return outputBytes;
    }

    /** The main coroutine's state, used to call Lua from the host. */
    public LuaState mainState() {
        return main.state;
    }

    /** The main coroutine. */
    public Coroutine mainCoroutine() {
        return main;
    }

    /**
     * Compiles {@code source} and returns the main-chunk closure with {@code env} as its _ENV.
     *
     * <p>The compiler's work and the code it makes are charged to the memory limit first, at an
     * estimated {@value #COMPILED_BYTES_PER_CHAR} bytes per source char.
     *
     * @throws io.robofarm.vm.parse.LuaSyntaxError when the chunk does not compile
     */
    public LuaClosure load(String source, String chunkName, Object env) {
        memory.allocate(COMPILED_BYTES_PER_CHAR * source.length());
        return load(LuaCompiler.compile(source, chunkName), env);
    }

    /** A closure over an already compiled main chunk (shareable between VMs) with {@code env} as its _ENV. */
    public LuaClosure load(Prototype chunk, Object env) {
        FunctionCode code = FunctionCode.of(chunk);
        UpValue[] ups = new UpValue[chunk.upvalues.length];
        for (int i = 0; i < ups.length; i++) {
            ups[i] = UpValue.closed(i == 0 ? env : null);
        }
        return new LuaClosure(code, ups);
    }

    /**
     * Calls {@code fn} on the main coroutine and returns all its results. An uncaught error comes out
     * as a {@link LuaError} carrying the Lua traceback. When the outermost call ends, the stack
     * slots it used are cleared, so that what the script left there is garbage to the JVM and to
     * the memory limit.
     */
    public Object[] call(Object fn, Object... args) {
        try {
            return main.state.callMulti(fn, args);
        } finally {
            if (main.state.depth == 0) {
                main.state.clearAboveTop();
            }
        }
    }

    /**
     * Sets how hot a Lua function must run before it is translated to JVM code: 0 translates every
     * function when it first runs, a negative value never (the interpreter runs everything). The
     * default is 256, or the system property
     * {@code robofarm.vm.jit.threshold}. Results are the same either way; only the speed differs.
     */
    public void setJitThreshold(int threshold) {
        jitThreshold = threshold;
    }

    /**
     * Stops the script with "fuel exhausted" once it has done more than {@code maxFuel} units of work
     * (backward jumps, calls and library work, as the fuel countdown counts them).
     */
    public void setMaxFuel(long maxFuel) {
        if (maxFuel < 0) {
            throw new IllegalArgumentException("negative fuel: " + maxFuel);
        }
        fuelUsed += slice - fuel;
        this.maxFuel = maxFuel;
        startSlice();
    }

    /** Work done so far, in fuel units. */
    public long fuelUsed() {
        return fuelUsed + slice - fuel;
    }

    /**
     * Stops the script with "timeout after ..." once {@code timeout} has passed from now. The clock is
     * read at the end of each fuel slice, so no thread watches the VM.
     */
    public void setTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        this.timeout = timeout;
        deadline = System.nanoTime() + timeout.toNanos();
    }

    /** Asks the running script to stop at its next trap check; thread-safe. */
    public void interrupt() {
        interrupted = true;
    }

    /** Charges library work against the fuel budget; a library function cannot be preempted, so a slice ending here only checks the limits. */
    void charge(long work) {
        fuel -= work;
        if (fuel < 0) {
            endSlice();
            if (execution != null) {
                execution.sliceEnded(Execution.IN_LIBRARY);
            }
        }
    }

    /** End of a fuel slice at an instruction boundary of the interpreter: limits, then a possible preemption. */
    void trap() {
        endSlice();
        if (execution != null) {
            execution.sliceEnded(Execution.AT_INSTRUCTION);
        }
    }

    /** {@link #trap()} before a call instruction: a preempted call instruction runs again when the VM resumes. */
    void trapAtCall() {
        endSlice();
        if (execution != null) {
            execution.sliceEnded(Execution.BEFORE_CALL);
        }
    }

    /** Ends the current slice now, so that the interpreter's next fuel check traps. */
    void expireSlice() {
        fuelUsed += slice - fuel;
        slice = 0;
        fuel = 0;
    }

    /** End of a fuel slice: stops the script if it was interrupted or is out of a limit, else starts the next slice. */
    void endSlice() {
        fuelUsed += slice - fuel;
        if (stopReason == null) {
            stopReason = limitReached();
        }
        if (stopReason != null) {
            slice = 0;
            fuel = 0;
            throw new VmInterrupted(stopReason);
        }
        startSlice();
        if (interrupted) {
            interrupted = false;
            throw new VmInterrupted("interrupted");
        }
    }

    /**
     * Ends the VM for {@code reason} (a limit it hit): returns the error to throw, and every later
     * trap throws it again, so no handler can continue the script.
     */
    VmInterrupted stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        fuelUsed += slice - fuel;
        slice = 0;
        fuel = 0;
        return new VmInterrupted(stopReason);
    }

    private String limitReached() {
        if (fuelUsed > maxFuel) {
            return "fuel exhausted";
        }
        if (timeout != null && System.nanoTime() - deadline >= 0) {
            return "timeout after " + describe(timeout);
        }
        return null;
    }

    /** "5 s" or "250 ms", as a limit is named to the user. */
    private static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The next slice ends at the fuel budget at the latest, so the budget is exact. */
    private void startSlice() {
        slice = Math.min(FUEL_SLICE, Math.max(0, maxFuel - fuelUsed));
        fuel = slice;
    }
}
