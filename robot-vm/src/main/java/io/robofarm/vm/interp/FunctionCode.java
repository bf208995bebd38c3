package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A {@link Prototype} prepared for execution: its constants pre-split into register form (tag or
 * reference plus number bits) so LOADK and the K-operand instructions never unbox, and its nested
 * functions prepared likewise. Shared by every VM running the chunk: apart from the slot hints and
 * the {@link Jit}'s bookkeeping, whose races are harmless, it does not change.
 */
final class FunctionCode {
    final Prototype proto;
    final int[] code;
    final Object[] kRefs;
    final long[] kNums;
    /** The constants as Lua values, numbers boxed once: what a table store of a constant stores. */
    final Object[] kValues;
    final FunctionCode[] children;
    /**
     * Per instruction, the hash slot at which the last table it indexed held its constant string
     * key: a hint for {@link io.robofarm.vm.value.LuaTable#slotOf}. Every hint is verified before
     * use, so updates racing between VMs that share this code are harmless.
     */
    final int[] slotHints;
    /** Copies of the prototype's frame parameters, read on every call. */
    final int maxStackSize;
    final int numParams;
    final boolean isVararg;
    /** JVM code for this function once {@link Jit} found it hot, else null. */
    CompiledCode compiled;
    /** How hot the function has run in the interpreter; updated without locks, so only roughly counted. */
    int heat;
    /** Set when the function cannot be compiled (too large), so it is not tried again. */
    boolean jitRejected;

    /**
     * Code already prepared, by prototype, so that the robots of a farm running one compiled chunk
     * share its code instead of each preparing (and interning) it again. Weak both ways: an entry
     * lives while its prototype is reachable, its code while some VM runs it.
     */
    private static final Map<Prototype, WeakReference<FunctionCode>> PREPARED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The code of a main chunk, prepared once per prototype. */
    static FunctionCode of(Prototype chunk) {
        WeakReference<FunctionCode> ref = PREPARED.get(chunk);
        FunctionCode code = ref != null ? ref.get() : null;
        if (code == null) {
            code = new FunctionCode(chunk);
            PREPARED.put(chunk, new WeakReference<>(code));
        }
        return code;
    }

    FunctionCode(Prototype proto) {
        this.proto = proto;
        this.code = proto.code;
        this.slotHints = new int[code.length];
        this.maxStackSize = proto.maxStackSize;
        this.numParams = proto.numParams;
        this.isVararg = proto.isVararg;
        Object[] k = proto.constants;
        kRefs = new Object[k.length];
        kNums = new long[k.length];
        kValues = new Object[k.length];
        for (int i = 0; i < k.length; i++) {
            // Interned, so a key stored by one function is the identical object another one looks up.
            kValues[i] = k[i] instanceof String str ? str.intern() : k[i];
            Slots.set(kRefs, kNums, i, kValues[i]);
        }
        children = new FunctionCode[proto.protos.length];
        for (int i = 0; i < children.length; i++) {
            children[i] = new FunctionCode(proto.protos[i]);
        }
    }
}
