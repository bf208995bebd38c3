package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.value.LuaTable;

/**
 * The mark phase of {@link MemoryMeter}: the estimated bytes of everything a VM can still reach
 * from its roots (globals, registry, string metatable, main coroutine), following tables (keys,
 * values, metatables), closures and their upvalues and code, coroutines with their stacks and
 * frames, and what library functions hold. Each object counts once however it is reached; numbers
 * in tables count as the boxes they are. The walk keeps its own work list, so deep structures do
 * not recurse on the Java stack.
 *
 * <p>Whole arrays are counted, including the slots above a stack's top: the JVM keeps what they
 * reference alive, so a limit on this measure is a limit on what the script makes the JVM hold.
 */
final class LiveData {
    private static final long OBJECT_BYTES = 16;
    private static final long ARRAY_HEADER_BYTES = 16;
    private static final long REFERENCE_BYTES = 4;
    private static final long BOX_BYTES = 16;
    private static final long CLOSURE_BYTES = 16;
    private static final long UPVALUE_BYTES = 40;
    private static final long COROUTINE_BYTES = 32;
    private static final long STATE_BYTES = 64;
    private static final long FRAME_BYTES = 64;
    private static final long CODE_BYTES = 48;
    private static final long PROTOTYPE_BYTES = 72;
    private static final long LOCAL_VAR_BYTES = 32;

    private final IdentitySet seen = new IdentitySet();
    private Object[] work = new Object[64];
    private int pending;
    private long bytes;
    private long visited;

    private LiveData() {
    }

    /** Bytes of Lua data reachable from {@code vm}'s roots; the walk's work is charged as fuel. */
    static long measure(Vm vm) {
        LiveData walk = new LiveData();
        walk.push(vm.globals());
        walk.push(vm.registry());
        walk.push(vm.getStringMetatable());
        walk.push(vm.mainCoroutine());
        walk.drain();
        vm.fuel -= walk.visited;
        return walk.bytes;
    }

    private void push(Object o) {
        if (o == null || o == Slots.INT || o == Slots.FLT || o instanceof Boolean) {
            return;
        }
        if (o instanceof Long || o instanceof Double) {
            bytes += BOX_BYTES;
            return;
        }
        if (!seen.add(o)) {
            return;
        }
        if (pending == work.length) {
            work = java.util.Arrays.copyOf(work, pending * 2);
        }
        work[pending++] = o;
    }

    private void drain() {
        while (pending > 0) {
            Object o = work[--pending];
            work[pending] = null;
            visited++;
            visit(o);
        }
    }

    private void visit(Object o) {
        if (o instanceof String s) {
            bytes += MemoryMeter.stringBytes(s.length());
        } else if (o instanceof LuaTable t) {
            table(t);
        } else if (o instanceof LuaClosure c) {
            bytes += CLOSURE_BYTES + array(c.upvalues.length, REFERENCE_BYTES);
            push(c.code);
            for (UpValue u : c.upvalues) {
                push(u);
            }
        } else if (o instanceof UpValue u) {
            bytes += UPVALUE_BYTES;
            if (u.refs != null) {
                push(u.refs);
                push(u.nums);
            } else {
                push(u.ref);
            }
        } else if (o instanceof Coroutine co) {
            bytes += COROUTINE_BYTES;
            push(co.state);
            push(co.error);
        } else if (o instanceof LuaState L) {
            state(L);
        } else if (o instanceof Object[] refs) {
            bytes += array(refs.length, REFERENCE_BYTES);
            for (Object v : refs) {
                push(v);
            }
        } else if (o instanceof long[] nums) {
            bytes += array(nums.length, Long.BYTES);
        } else if (o instanceof FunctionCode fc) {
            code(fc);
        } else if (o instanceof Control c) {
            bytes += OBJECT_BYTES;
            push(c.coroutine);
        } else if (o instanceof JavaFunction f) {
            bytes += OBJECT_BYTES;
            for (Object v : f.heldValues()) {
                push(v);
            }
        } else {
            bytes += OBJECT_BYTES;
        }
    }

    /** A table's own parts and what they hold; arrays it shares copy-on-write (library tables) are not its VM's. */
    private void table(LuaTable t) {
        int arrayCap = t.arrayCapacity();
        int hashCap = t.hashCapacity();
        boolean ownKeys = hashCap != 0 && !t.sharesHashKeys();
        boolean ownValues = hashCap != 0 && !t.sharesHashValues();
        bytes += LuaTable.OBJECT_BYTES + (arrayCap == 0 ? 0 : array(arrayCap, REFERENCE_BYTES))
                + (ownKeys ? array(hashCap, REFERENCE_BYTES) : 0) + (ownValues ? array(hashCap, REFERENCE_BYTES) : 0);
        for (int slot = 0; slot < arrayCap; slot++) {
            push(t.valueAt(slot));
        }
        for (int slot = arrayCap, end = arrayCap + hashCap; slot < end; slot++) {
            if (ownKeys) {
                push(t.keyAt(slot));
            }
            if (ownValues) {
                push(t.valueAt(slot));
            }
        }
        push(t.getMetatable());
    }

    private void state(LuaState L) {
        bytes += STATE_BYTES + array(L.frames.length, REFERENCE_BYTES + FRAME_BYTES) + array(L.tbc.length, Integer.BYTES);
        push(L.refs);
        push(L.nums);
        for (CallFrame f : L.frames) {
            push(f.closure);
            push(f.javaFunction);
            push(f.handler);
        }
        for (UpValue u = L.openUpvalues; u != null; u = u.nextOpen) {
            push(u);
        }
        push(L.coroutine);
        if (L.coroutine.resumer != null) {
            push(L.coroutine.resumer);
        }
    }

    private void code(FunctionCode fc) {
        Prototype p = fc.proto;
        bytes += CODE_BYTES + PROTOTYPE_BYTES
                + 2 * array(fc.code.length, Integer.BYTES)
                + array(fc.kRefs.length, REFERENCE_BYTES) + array(fc.kNums.length, Long.BYTES)
                + array(p.constants.length, REFERENCE_BYTES)
                + array(p.lineInfo.length, Integer.BYTES)
                + array(p.localVars.length, REFERENCE_BYTES + LOCAL_VAR_BYTES)
                + array(p.upvalues.length, REFERENCE_BYTES + OBJECT_BYTES);
        for (Object k : fc.kRefs) {
            push(k);
        }
        for (FunctionCode child : fc.children) {
            push(child);
        }
    }

    private static long array(long length, long elementBytes) {
        return (ARRAY_HEADER_BYTES + length * elementBytes + 7) & ~7L;
    }
}
