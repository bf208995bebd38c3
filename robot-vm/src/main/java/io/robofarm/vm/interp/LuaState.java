package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.util.Arrays;

/**
 * The execution state of one coroutine (the main one included): its value stack, its heap-allocated
 * call frames, its open upvalues and to-be-closed variables. It is also the API through which a
 * {@link JavaFunction} sees its arguments (1-based, like Lua's C API), pushes results and calls back
 * into Lua.
 */
public final class LuaState {
    /**
     * Initial stack and frame capacity, both grown by doubling: small, because a farm keeps very
     * many VMs and coroutines alive, most of them shallow (a robot parked in a sleep uses a handful
     * of frames).
     */
    private static final int INITIAL_SLOTS = 32;
    private static final int INITIAL_FRAMES = 4;
    /** Estimated bytes of one stack slot (a reference and a long). */
    private static final long SLOT_BYTES = 12;
    /** Estimated bytes of one call frame and its reference in the frame array. */
    private static final long FRAME_BYTES = 68;
    private static final long UPVALUE_BYTES = 40;
    /** Estimated bytes of a fresh coroutine: its state, initial stack and frames. */
    static final long INITIAL_BYTES = 32 + 64 + INITIAL_SLOTS * SLOT_BYTES + INITIAL_FRAMES * FRAME_BYTES + 64;

    final Vm vm;
    final Coroutine coroutine;

    /** Register stack: see {@link Slots} for the two-array encoding. */
    Object[] refs = new Object[INITIAL_SLOTS];
    long[] nums = new long[INITIAL_SLOTS];
    /** First free slot. */
    int top;

    CallFrame[] frames = new CallFrame[INITIAL_FRAMES];
    /** Index of the running frame in {@link #frames}; frame 0 is the BASE frame. */
    int depth;

    /** Open upvalues, highest stack index first. */
    UpValue openUpvalues;
    /** Stack indices of the live to-be-closed variables, in creation order. */
    int[] tbc = new int[4];
    int tbcCount;
    /** Nested runs started from Java on this coroutine: while positive, it cannot yield. */
    int nonYieldable;
    /** Nested Java-to-Lua calls and pending metamethod frames on this coroutine (Lua's C calls). */
    int cCalls;
    /** C calls of the coroutines that resumed this one, inherited at each resume. */
    int cBase;

    LuaState(Vm vm, Coroutine coroutine) {
        this.vm = vm;
        this.coroutine = coroutine;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new CallFrame();
        }
        CallFrame base = frames[0];
        base.kind = CallFrame.BASE;
        base.nResults = -1;
    }

    /** The VM this coroutine belongs to. */
    public Vm vm() {
        return vm;
    }

    // ------------------------------------------------------------------ stack management

    /** Makes room for {@code n} more slots above {@link #top}. */
    void ensure(int n) {
        int need = top + n;
        if (need > refs.length) {
            grow(need);
        }
    }

    void grow(int need) {
        if (need > vm.maxStackSlots) {
            throw new LuaError(where(0) + "stack overflow");
        }
        int size = Math.min(Math.max(need, refs.length * 2), vm.maxStackSlots + 64);
        vm.memory().allocate((long) size * SLOT_BYTES);
        Object[] newRefs = Arrays.copyOf(refs, size);
        long[] newNums = Arrays.copyOf(nums, size);
        for (UpValue u = openUpvalues; u != null; u = u.nextOpen) {
            u.refs = newRefs;
            u.nums = newNums;
        }
        refs = newRefs;
        nums = newNums;
    }

    /**
     * Forgets the values left in the slots above {@link #top} (registers of calls that have
     * returned): the JVM would keep them alive, and the memory limit would count them.
     */
    void clearAboveTop() {
        Arrays.fill(refs, top, refs.length, null);
    }

    /** The frame slot above the current one, allocated on first use. */
    CallFrame nextFrame() {
        int d = depth + 1;
        if (d == frames.length) {
            if (d >= vm.maxFrames) {
                throw vm.callDepthLimited ? vm.callDepthExceeded() : new LuaError(where(0) + "stack overflow");
            }
            // Capped at the limit, so that reaching the end of the array is the depth check.
            int size = Math.min(d * 2, Math.max(vm.maxFrames, d + 1));
            vm.memory().allocate((long) (size - d) * FRAME_BYTES);
            CallFrame[] bigger = Arrays.copyOf(frames, size);
            for (int i = d; i < bigger.length; i++) {
                bigger[i] = new CallFrame();
            }
            frames = bigger;
        }
        return frames[d];
    }

    /** The open upvalue for stack slot {@code index}, created on first capture. */
    UpValue findUpvalue(int index) {
        UpValue prev = null;
        UpValue u = openUpvalues;
        while (u != null && u.index > index) {
            prev = u;
            u = u.nextOpen;
        }
        if (u != null && u.index == index) {
            return u;
        }
        vm.memory().allocate(UPVALUE_BYTES);
        UpValue created = new UpValue(refs, nums, index);
        created.nextOpen = u;
        if (prev == null) {
            openUpvalues = created;
        } else {
            prev.nextOpen = created;
        }
        return created;
    }

    /** Closes the open upvalues at or above {@code level}: they keep their current values. */
    void closeUpvalues(int level) {
        UpValue u = openUpvalues;
        while (u != null && u.index >= level) {
            u.close();
            UpValue next = u.nextOpen;
            u.nextOpen = null;
            u = next;
        }
        openUpvalues = u;
    }

    void pushTbc(int index) {
        if (tbcCount == tbc.length) {
            tbc = Arrays.copyOf(tbc, tbcCount * 2);
        }
        tbc[tbcCount++] = index;
    }

    // ------------------------------------------------------------------ arguments

    private int argBase() {
        return frames[depth].base;
    }

    /** Number of arguments (and values pushed since) of the running Java function. */
    public int getTop() {
        return top - argBase();
    }

    /** Truncates or extends (with nils) the values of the running Java function to {@code n}. */
    public void setTop(int n) {
        int newTop = argBase() + n;
        if (newTop > top) {
            ensure(newTop - top);
            Arrays.fill(refs, top, newTop, null);
        }
        top = newTop;
    }

    /** Argument or pushed value {@code i} (1-based); nil when absent. */
    public Object arg(int i) {
        int idx = argBase() + i - 1;
        return idx < top ? Slots.get(refs, nums, idx) : null;
    }

    public boolean isNone(int i) {
        return argBase() + i - 1 >= top;
    }

    public boolean isNoneOrNil(int i) {
        int idx = argBase() + i - 1;
        return idx >= top || refs[idx] == null;
    }

    /** {@link LuaType} code of argument {@code i} ({@link LuaType#NONE} when absent). */
    public int type(int i) {
        return isNone(i) ? LuaType.NONE : LuaType.of(arg(i));
    }

    public String typeName(int i) {
        return LuaType.name(type(i));
    }

    /** True when argument {@code i} is an integer (not a float, not a string). */
    public boolean isInteger(int i) {
        int idx = argBase() + i - 1;
        return idx < top && refs[idx] == Slots.INT;
    }

    /** True for numbers and strings convertible to numbers. */
    public boolean isNumber(int i) {
        Object v = arg(i);
        return v instanceof Long || v instanceof Double || v instanceof String s && LuaNumbers.parse(s) != null;
    }

    /** True for strings and numbers (numbers convert to strings). */
    public boolean isString(int i) {
        Object v = arg(i);
        return v instanceof String || v instanceof Long || v instanceof Double;
    }

    public boolean toBoolean(int i) {
        Object v = arg(i);
        return v != null && v != Boolean.FALSE;
    }

    public void checkAny(int i) {
        if (isNone(i)) {
            throw argError(i, "value expected");
        }
    }

    public long checkInteger(int i) {
        Object v = arg(i);
        if (v instanceof Long l) {
            return l;
        }
        Object n = v instanceof String s ? LuaNumbers.parse(s) : v;
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof Double d) {
            Long exact = LuaNumbers.toIntegerExact(d);
            if (exact != null) {
                return exact;
            }
            throw argError(i, "number has no integer representation");
        }
        throw typeError(i, "number");
    }

    public long optInteger(int i, long d) {
        return isNoneOrNil(i) ? d : checkInteger(i);
    }

    public double checkNumber(int i) {
        Object n = checkNumberValue(i);
        return n instanceof Long l ? (double) l : (Double) n;
    }

    public double optNumber(int i, double d) {
        return isNoneOrNil(i) ? d : checkNumber(i);
    }

    /** Argument {@code i} as a Long or Double; numeric strings are converted. */
    public Object checkNumberValue(int i) {
        Object v = arg(i);
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof String s) {
            Object n = LuaNumbers.parse(s);
            if (n != null) {
                return n;
            }
        }
        throw typeError(i, "number");
    }

    /** Argument {@code i} as a string; numbers are converted as Lua prints them. */
    public String checkString(int i) {
        Object v = arg(i);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return LuaNumbers.toString(l);
        }
        if (v instanceof Double d) {
            return LuaNumbers.toString(d);
        }
        throw typeError(i, "string");
    }

    public String optString(int i, String d) {
        return isNoneOrNil(i) ? d : checkString(i);
    }

    public LuaTable checkTable(int i) {
        if (arg(i) instanceof LuaTable t) {
            return t;
        }
        throw typeError(i, "table");
    }

    public LuaFunction checkFunction(int i) {
        if (arg(i) instanceof LuaFunction f) {
            return f;
        }
        throw typeError(i, "function");
    }

    // ------------------------------------------------------------------ errors

    /**
     * "bad argument #i to 'name' (extramsg)", naming the function as its caller called it, like
     * luaL_argerror. Use as {@code throw L.argError(...)}.
     */
    public LuaError argError(int i, String extramsg) {
        CallFrame f = frames[depth];
        String[] name = DebugInfo.calledName(this, depth);
        if (name != null && "method".equals(name[0])) {
            i--;
            if (i == 0) {
                return error("calling '" + name[1] + "' on bad self (" + extramsg + ")");
            }
        }
        String fname = name != null ? name[1] : null;
        if (fname == null) {
            Object fn = f.javaFunction != null ? f.javaFunction : f.closure;
            fname = DebugInfo.globalFunctionName(vm, fn);
        }
        if (fname == null) {
            fname = "?";
        }
        return error("bad argument #" + i + " to '" + fname + "' (" + extramsg + ")");
    }

    /** "bad argument #i to 'name' (T expected, got U)", like luaL_typeerror (honours __name). */
    public LuaError typeError(int i, String expectedType) {
        Object v = arg(i);
        String actual;
        Object name = Metatables.metafield(this, v, "__name");
        if (name instanceof String s) {
            actual = s;
        } else {
            actual = typeName(i);
        }
        return argError(i, expectedType + " expected, got " + actual);
    }

    /** An error whose message is prefixed with the position of the calling Lua code, like luaL_error. */
    public LuaError error(String msg) {
        return new LuaError(where(1) + msg);
    }

    /** "chunk:line: " of the function {@code level} levels up the stack (0 = running), or "" if not Lua code. */
    public String where(int level) {
        return DebugInfo.where(this, level);
    }

    // ------------------------------------------------------------------ pushing results

    public void push(Object v) {
        if (top == refs.length) {
            grow(top + 1);
        }
        Slots.set(refs, nums, top++, v);
    }

    public void pushNil() {
        push(null);
    }

    public void pushBoolean(boolean b) {
        push(b ? Boolean.TRUE : Boolean.FALSE);
    }

    public void pushInteger(long v) {
        if (top == refs.length) {
            grow(top + 1);
        }
        refs[top] = Slots.INT;
        nums[top++] = v;
    }

    public void pushNumber(double v) {
        if (top == refs.length) {
            grow(top + 1);
        }
        refs[top] = Slots.FLT;
        nums[top++] = Double.doubleToRawLongBits(v);
    }

    /** Pushes a string the caller has just made: it is charged to the VM's memory limit (after the fact). */
    public void pushString(String s) {
        vm.memory().allocate(MemoryMeter.stringBytes(s.length()));
        push(s);
    }

    /**
     * Charges {@code bytes} that library code is about to allocate for Lua data (a string being built,
     * say) to the VM's memory limit; ends the VM, before anything is allocated, when they do not fit.
     */
    public void allocate(long bytes) {
        vm.memory().allocate(bytes);
    }

    /**
     * Makes the VM's memory measurements count {@code buffer}, a string that library code is
     * assembling while it charges its growth with {@link #allocate} and may run Lua code: no Lua
     * value references the buffer yet, so a measurement would miss it. Pair with
     * {@link #untrackBuffer} in a finally block.
     */
    public void trackBuffer(StringBuilder buffer) {
        vm.memory().track(buffer);
    }

    /** Ends what {@link #trackBuffer} started. */
    public void untrackBuffer(StringBuilder buffer) {
        vm.memory().untrack(buffer);
    }

    /**
     * Ends the VM, as {@link #allocate} would, when {@code bytes} could never fit under its memory
     * limit, but counts nothing: for requests refused anyway, which must name the memory limit when
     * there is one.
     */
    public void checkMemoryFits(long bytes) {
        vm.memory().checkFits(bytes);
    }

    /** A new table of this VM, charged to its memory limit. */
    public LuaTable newTable(int narr, int nhash) {
        return vm.newTable(narr, nhash);
    }

    // ------------------------------------------------------------------ calling back into Lua

    /** Calls {@code fn} with {@code args} and returns its first result (nil if none). Not yieldable. */
    public Object call(Object fn, Object... args) {
        int func = pushCall(fn, args);
        Interpreter.callNested(this, func, 1);
        Object result = Slots.get(refs, nums, func);
        top = func;
        return result;
    }

    /** Calls {@code fn} with {@code args} and returns all its results. Not yieldable. */
    public Object[] callMulti(Object fn, Object... args) {
        int func = pushCall(fn, args);
        Interpreter.callNested(this, func, -1);
        Object[] results = new Object[top - func];
        for (int i = 0; i < results.length; i++) {
            results[i] = Slots.get(refs, nums, func + i);
        }
        top = func;
        return results;
    }

    private int pushCall(Object fn, Object[] args) {
        ensure(args.length + 1);
        int func = top;
        Slots.set(refs, nums, top++, fn);
        for (Object a : args) {
            Slots.set(refs, nums, top++, a);
        }
        return func;
    }

    // ------------------------------------------------------------------ operations with metamethods

    /** {@code tostring(v)} as luaL_tolstring: __tostring, __name, numbers as Lua prints them. */
    public String toDisplayString(Object v) {
        return Metatables.toDisplayString(this, v);
    }

    /** {@code t[k]} with __index. */
    public Object index(Object t, Object k) {
        return Metatables.index(this, t, k);
    }

    /** {@code t[k] = v} with __newindex. */
    public void setIndex(Object t, Object k, Object v) {
        Metatables.setIndex(this, t, k, v);
    }

    /** {@code a < b} with __lt. */
    public boolean lessThan(Object a, Object b) {
        return Metatables.lessThan(this, a, b);
    }

    /** {@code a <= b} with __le (or, as lua5.4 allows, not {@code b < a} with __lt). */
    public boolean lessEqual(Object a, Object b) {
        return Metatables.lessEqual(this, a, b);
    }

    /** {@code a == b} with __eq. */
    public boolean equalsMeta(Object a, Object b) {
        return Metatables.equals(this, a, b);
    }

    /** {@code #v} with __len. */
    public Object len(Object v) {
        return Metatables.len(this, v);
    }

    /** The metatable of any value (the VM's string metatable for strings), or null. */
    public LuaTable getMetatable(Object v) {
        return Metatables.metatable(vm, v);
    }

    /**
     * Charges {@code work} units of fuel for a long-running library loop and stops the VM if it is out
     * of fuel or interrupted. Cheap enough to call once per loop iteration.
     */
    public void checkInterrupt(long work) {
        vm.charge(work);
    }

    /** True when the running code may yield: inside a coroutine and not under a nested call from Java. */
    public boolean isYieldable() {
        return !coroutine.isMain() && nonYieldable == 0;
    }

    /** The coroutine this state executes. */
    public Coroutine coroutine() {
        return coroutine;
    }
}
