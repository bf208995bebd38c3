package io.robofarm.vm.interp;

import io.robofarm.vm.classfile.ClassTooLargeException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides when a Lua function runs often enough to be worth JVM code, and installs that code
 * ({@link JitCompiler}) on the function's shared {@link FunctionCode}, so every VM running the
 * chunk uses it. A function heats up by one each time the interpreter's loop enters one of its
 * frames, and by {@link #SLICE_HEAT} when a fuel slice ends in it (a long loop); past the VM's
 * threshold it is compiled once, on the thread that runs it.
 *
 * <p>The generated classes are hidden classes, unloaded with the code that holds them. They depend
 * only on a function's instructions and number constants, so functions alike in those (the same
 * script loaded again, or the same helper in two tasks) share one class, kept while memory allows:
 * the JVM then profiles and compiles that class once, not again for every load of the script.
 */
final class Jit {
    /** Heat at which a function is compiled, unless the VM sets another threshold. */
    static final int DEFAULT_THRESHOLD = Integer.getInteger("robofarm.vm.jit.threshold", 256);
    static final int SLICE_HEAT = 64;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final AtomicInteger REJECTED = new AtomicInteger();
    private static final Map<Shape, Shared> SHARED = new ConcurrentHashMap<>();
    private static final ReferenceQueue<CompiledCode> CLEARED = new ReferenceQueue<>();

    private Jit() {
    }

    /** Adds {@code heat} to {@code fc}; returns its compiled code when it has some or has just got it. */
    static CompiledCode warm(FunctionCode fc, Vm vm, int heat) {
        int threshold = vm.jitThreshold;
        if (threshold < 0 || fc.jitRejected || (fc.heat += heat) <= threshold) {
            return null;
        }
        return compile(fc);
    }

    /** Ends a fuel slice at a back edge of an interpreted loop; the loop counts as hot. */
    static void sliceEnded(Vm vm, CallFrame f, int pc) {
        f.pc = pc;
        f.closure.code.heat += SLICE_HEAT;
        vm.trap();
    }

    /** Functions whose generated class the JVM refused (a compiler bug: they stay interpreted). */
    static int rejected() {
        return REJECTED.get();
    }

    private static CompiledCode compile(FunctionCode fc) {
        synchronized (fc) {
            if (fc.compiled == null && !fc.jitRejected) {
                fc.compiled = generate(fc);
                fc.jitRejected = fc.compiled == null;
            }
            return fc.compiled;
        }
    }

    private static CompiledCode generate(FunctionCode fc) {
        expungeCleared();
        Shape shape = new Shape(fc);
        Shared known = SHARED.get(shape);
        CompiledCode code = known != null ? known.get() : null;
        if (code == null) {
            code = define(fc);
            if (code != null) {
                SHARED.put(shape, new Shared(shape, code));
            }
        }
        return code;
    }

    private static void expungeCleared() {
        for (Object ref; (ref = CLEARED.poll()) != null; ) {
            Shared cleared = (Shared) ref;
            SHARED.remove(cleared.shape, cleared);
        }
    }

    private static CompiledCode define(FunctionCode fc) {
        byte[] classFile;
        try {
            classFile = JitCompiler.compile(fc, "io/robofarm/vm/interp/CompiledLua");
        } catch (ClassTooLargeException e) {
            return null;
        }
        if (classFile == null) {
            return null;
        }
        try {
            Class<?> type = LOOKUP.defineHiddenClass(classFile, true).lookupClass();
            return (CompiledCode) LOOKUP.findConstructor(type, MethodType.methodType(void.class)).invoke();
        } catch (LinkageError e) {
            REJECTED.incrementAndGet();
            return null;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot instantiate compiled Lua code", e);
        }
    }

    /** What a function's generated class depends on: its instructions and its number constants. */
    private static final class Shape {
        private final int[] code;
        private final long[] numbers;
        private final int hash;

        Shape(FunctionCode fc) {
            code = fc.code;
            numbers = new long[fc.kRefs.length * 2];
            for (int j = 0; j < fc.kRefs.length; j++) {
                Object tag = fc.kRefs[j];
                numbers[2 * j] = tag == Slots.INT ? 1 : tag == Slots.FLT ? 2 : 0;
                numbers[2 * j + 1] = tag == Slots.INT || tag == Slots.FLT ? fc.kNums[j] : 0;
            }
            hash = 31 * Arrays.hashCode(code) + Arrays.hashCode(numbers);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape other && hash == other.hash && Arrays.equals(code, other.code)
                    && Arrays.equals(numbers, other.numbers);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A generated class's instance, given up when memory runs short. */
    private static final class Shared extends SoftReference<CompiledCode> {
        final Shape shape;

        Shared(Shape shape, CompiledCode code) {
            super(code, CLEARED);
            this.shape = shape;
        }
    }
}
