package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;

/**
 * The stackless bytecode interpreter. {@link #execute} is Cobalt's {@code newFrame: while (true)}
 * loop: it runs whatever frame is on top of the current coroutine, where a Lua-to-Lua call has
 * pushed a heap frame, a return has popped one, and a resume or yield has switched to another
 * coroutine's state; {@link #run} itself moves between Lua frames of one coroutine, and hands
 * marker frames, coroutine switches and errors back to it. So the Java stack does not grow with
 * Lua recursion, and all execution state is on the heap between two instructions.
 *
 * <p>{@link #run} holds the dispatch loop with only the fast paths (integer and float arithmetic,
 * raw table access, Lua-to-Lua calls and returns, most in {@link FastPaths}); everything else is in
 * {@link ColdOps}, which defers to {@link Meta}, {@link Calls} and {@link Errors} for metamethods,
 * coercions and errors. A function that runs hot gets JVM code ({@link Jit}); {@link #run} then
 * hands its frames to that code instead of dispatching their instructions itself.
 * {@code InterpreterSizeTest} keeps its bytecode far below HotSpot's 8000-byte limit. Any path that
 * can fail or call out first saves {@code pc} in the frame: that is how error positions, variable
 * names and tracebacks find the current instruction. Integer division by zero deliberately does
 * not, so it reports the line of the last saved instruction as lua5.4 does. A conditional test
 * only skips or falls through to the JMP after it, so every backward jump passes the fuel check
 * in JMP, FORLOOP or TFORLOOP. Every fuel check is an instruction boundary where an
 * {@link Execution} may preempt the VM; the check of a call comes before the call and rewinds to
 * it ({@link Vm#trapAtCall}), so a preempted call runs once, on resume.
 */
final class Interpreter {
    static final int OP_MOVE = 0, OP_LOADI = 1, OP_LOADF = 2, OP_LOADK = 3, OP_LOADKX = 4, OP_LOADFALSE = 5,
            OP_LFALSESKIP = 6, OP_LOADTRUE = 7, OP_LOADNIL = 8, OP_GETUPVAL = 9, OP_SETUPVAL = 10,
            OP_GETTABUP = 11, OP_GETTABLE = 12, OP_GETI = 13, OP_GETFIELD = 14, OP_SETTABUP = 15,
            OP_SETTABLE = 16, OP_SETI = 17, OP_SETFIELD = 18, OP_NEWTABLE = 19, OP_SELF = 20, OP_ADDI = 21,
            OP_ADDK = 22, OP_SUBK = 23, OP_MULK = 24, OP_MODK = 25, OP_POWK = 26, OP_DIVK = 27, OP_IDIVK = 28,
            OP_BANDK = 29, OP_BORK = 30, OP_BXORK = 31, OP_SHRI = 32, OP_SHLI = 33, OP_ADD = 34, OP_SUB = 35,
            OP_MUL = 36, OP_MOD = 37, OP_POW = 38, OP_DIV = 39, OP_IDIV = 40, OP_BAND = 41, OP_BOR = 42,
            OP_BXOR = 43, OP_SHL = 44, OP_SHR = 45, OP_MMBIN = 46, OP_MMBINI = 47, OP_MMBINK = 48, OP_UNM = 49,
            OP_BNOT = 50, OP_NOT = 51, OP_LEN = 52, OP_CONCAT = 53, OP_CLOSE = 54, OP_TBC = 55, OP_JMP = 56,
            OP_EQ = 57, OP_LT = 58, OP_LE = 59, OP_EQK = 60, OP_EQI = 61, OP_LTI = 62, OP_LEI = 63, OP_GTI = 64,
            OP_GEI = 65, OP_TEST = 66, OP_TESTSET = 67, OP_CALL = 68, OP_TAILCALL = 69, OP_RETURN = 70,
            OP_RETURN0 = 71, OP_RETURN1 = 72, OP_FORLOOP = 73, OP_FORPREP = 74, OP_TFORPREP = 75,
            OP_TFORCALL = 76, OP_TFORLOOP = 77, OP_SETLIST = 78, OP_CLOSURE = 79, OP_VARARG = 80,
            OP_VARARGPREP = 81, OP_EXTRAARG = 82;

    /** Excess-K offsets of the signed operands (lopcodes.h). */
    static final int OFFSET_SC = 127, OFFSET_SBX = 65535, OFFSET_SJ = 16777215;

    private static final Object INT = Slots.INT;
    private static final Object FLT = Slots.FLT;

    private Interpreter() {
    }

    /**
     * Calls the value at {@code L.refs[func]} with the arguments up to {@code L.top}, from Java code:
     * runs until it returns, leaves {@code nResults} results (all if -1) at {@code func}. The call
     * nests on the Java stack, so it is counted against Lua's C-call limit and cannot yield. When a
     * Lua frame is on top (a message handler called at the error point), a Java frame is pushed
     * first so the nested run knows where to stop.
     */
    static void callNested(LuaState L, int func, int nResults) {
        Errors.checkJavaCalls(L);
        boolean fromLua = L.frames[L.depth].kind == CallFrame.LUA;
        if (fromLua) {
            Calls.pushJava(L, null, func, 0, CallFrame.JAVA);
        }
        int depth0 = L.depth;
        L.cCalls++;
        L.nonYieldable++;
        L.vm.nestedRuns++;
        try {
            LuaState next = Calls.precall(L, func, nResults);
            if (next != null) {
                execute(next, L, depth0);
            }
        } catch (LuaError e) {
            throw Errors.unwindNested(L, depth0, e);
        } catch (StackOverflowError e) {
            throw Errors.unwindNested(L, depth0, new LuaError(L.where(0) + "stack overflow"));
        } catch (RuntimeException e) {
            Errors.discard(L, depth0);
            throw e;
        } finally {
            L.cCalls--;
            L.nonYieldable--;
            L.vm.nestedRuns--;
            if (fromLua) {
                L.depth--;
            }
        }
    }

    /**
     * Runs frames, starting with the top frame of {@code start}, until frame {@code stopDepth} of
     * {@code stopState} is on top again. Errors not handled above that frame are rethrown.
     */
    static void execute(LuaState start, LuaState stopState, int stopDepth) {
        LuaState L = start;
        while (true) {
            CallFrame f = L.frames[L.depth];
            if (f.kind == CallFrame.LUA) {
                try {
                    L = run(L, f);
                } catch (LuaError e) {
                    L = Errors.handle(L, e, stopState, stopDepth);
                }
            } else if (L == stopState && L.depth == stopDepth) {
                return;
            } else {
                try {
                    L = Calls.finishMarker(L, f);
                } catch (LuaError e) {
                    L = Errors.handle(L, e, stopState, stopDepth);
                }
            }
        }
    }

    /**
     * Runs Lua frames of {@code L}, starting with {@code frame}, until a non-Lua frame is on top or
     * control passes to another coroutine; returns the state whose top frame runs next.
     *
     * <p>A Lua-to-Lua call or return only switches the frame-derived locals (the outer loop) and
     * keeps dispatching, so calls cost a frame push and a few field reads, not a Java return and
     * re-entry. Every opcode body that does more than its common case ends with
     * {@code break dispatch}, after {@code f.pc} has been saved and {@code next} set: the frame
     * on top, which may be the same one with a changed pc, is then reloaded from the heap.
     * Rare opcodes and slow paths live in {@link ColdOps}, so this method stays small: C2 inlines
     * callees only while the caller plus its inlined code stay under DesiredMethodLimit (8000
     * bytes of bytecode), and each byte of dispatch loop uses up that budget.
     */
    private static LuaState run(LuaState L, CallFrame frame) {
        final Vm vm = L.vm;
        CallFrame f = frame;
        Object[] R = L.refs;
        long[] N = L.nums;
        while (true) {
            final LuaClosure cl = f.closure;
            final FunctionCode fc = cl.code;
            LuaState next;
            CompiledCode compiled = fc.compiled;
            if (compiled == null) {
                compiled = Jit.warm(fc, vm, 1);
            }
            if (compiled != null) {
                next = compiled.run(L, f);
            } else {
                final int[] code = fc.code;
                final Object[] kR = fc.kRefs;
                final long[] kN = fc.kNums;
                final UpValue[] up = cl.upvalues;
                final int[] hints = fc.slotHints;
                final int base = f.base;
                int pc = f.pc;
                dispatch:
                while (true) {
                    final int i = code[pc++];
                    final int ra = base + ((i >>> 7) & 0xFF);
                    final int op = i & 0x7F;
                    // The most frequent opcodes (by profiling the benchmarks) are tested one by one before the
                    // switch, most frequent first: C2 compiles these as well-predicted compare-and-branches
                    // instead of one indirect jump through the switch's table, which mispredicts often.
                    if (op == OP_GETFIELD) {
                        if (FastPaths.getField(R, N, ra, base + ((i >>> 16) & 0xFF), (String) kR[i >>> 24], hints, pc - 1)) {
                            continue;
                        }
                        f.pc = pc;
                        next = ColdOps.execute(L, f, i);
                        break dispatch;
                    }
                    // ADD, SUB and MUL each keep their own copy of the two-integer and two-float paths,
                    // so the common case costs one tag test and no second switch on the operation;
                    // everything else goes to Arith, whose rules are LuaNumbers'.
                    if (op == OP_ADD) {
                        int rb = base + ((i >>> 16) & 0xFF);
                        int rc = base + (i >>> 24);
                        Object tb = R[rb];
                        Object tc = R[rc];
                        if (tb == INT && tc == INT) {
                            N[ra] = N[rb] + N[rc];
                            R[ra] = INT;
                        } else if (Arith.isNumber(tb) && Arith.isNumber(tc)) {
                            N[ra] = Double.doubleToRawLongBits(Arith.toDouble(tb, N[rb]) + Arith.toDouble(tc, N[rc]));
                            R[ra] = FLT;
                        } else {
                            f.pc = pc;
                            next = ColdOps.execute(L, f, i);
                            break dispatch;
                        }
                        pc++;
                        continue;
                    }
                    if (op == OP_ADDI) {
                        int rb = base + ((i >>> 16) & 0xFF);
                        Object tb = R[rb];
                        if (tb == INT) {
                            N[ra] = N[rb] + ((i >>> 24) - OFFSET_SC);
                            R[ra] = INT;
                            pc++;
                        } else if (tb == FLT) {
                            N[ra] = Double.doubleToRawLongBits(Double.longBitsToDouble(N[rb]) + ((i >>> 24) - OFFSET_SC));
                            R[ra] = FLT;
                            pc++;
                        }
                        continue;
                    }
                    if (op == OP_MOVE) {
                        int rb = base + ((i >>> 16) & 0xFF);
                        R[ra] = R[rb];
                        N[ra] = N[rb];
                        continue;
                    }
                    if (op == OP_GETUPVAL) {
                        FastPaths.getUpvalue(R, N, ra, up[(i >>> 16) & 0xFF]);
                        continue;
                    }
                    if (op == OP_JMP) {
                        int off = (i >>> 7) - OFFSET_SJ;
                        pc += off;
                        if (off < 0 && --vm.fuel < 0) {
                            Jit.sliceEnded(vm, f, pc);
                            next = L;
                            break dispatch;
                        }
                        continue;
                    }
                    if (op == OP_MUL) {
                        int rb = base + ((i >>> 16) & 0xFF);
                        int rc = base + (i >>> 24);
                        Object tb = R[rb];
                        Object tc = R[rc];
                        if (tb == INT && tc == INT) {
                            N[ra] = N[rb] * N[rc];
                            R[ra] = INT;
                        } else if (Arith.isNumber(tb) && Arith.isNumber(tc)) {
                            N[ra] = Double.doubleToRawLongBits(Arith.toDouble(tb, N[rb]) * Arith.toDouble(tc, N[rc]));
                            R[ra] = FLT;
                        } else {
                            f.pc = pc;
                            next = ColdOps.execute(L, f, i);
                            break dispatch;
                        }
                        pc++;
                        continue;
                    }
                    if (op == OP_FORLOOP) {
                        if (R[ra + 2] == INT) {
                            long count = N[ra + 1];
                            if (count != 0) {
                                N[ra + 1] = count - 1;
                                long idx = N[ra] + N[ra + 2];
                                N[ra] = idx;
                                N[ra + 3] = idx;
                                R[ra + 3] = INT;
                                pc -= i >>> 15;
                                if (--vm.fuel < 0) {
                                    Jit.sliceEnded(vm, f, pc);
                                    next = L;
                                    break dispatch;
                                }
                            }
                        } else if (FastPaths.floatLoop(N, R, ra)) {
                            pc -= i >>> 15;
                            if (--vm.fuel < 0) {
                                Jit.sliceEnded(vm, f, pc);
                                next = L;
                                break dispatch;
                            }
                        }
                        continue;
                    }
                    if (op == OP_SETFIELD) {
                        int c = i >>> 24;
                        Object v = (i & 0x8000) != 0 ? fc.kValues[c] : Slots.get(R, N, base + c);
                        if (FastPaths.setField(R, ra, (String) kR[(i >>> 16) & 0xFF], v, hints, pc - 1)) {
                            continue;
                        }
                        f.pc = pc;
                        next = ColdOps.execute(L, f, i);
                        break dispatch;
                    }
                    if (op == OP_GETTABLE) {
                        if (FastPaths.getTable(R, N, ra, base + ((i >>> 16) & 0xFF), base + (i >>> 24))) {
                            continue;
                        }
                        f.pc = pc;
                        next = ColdOps.execute(L, f, i);
                        break dispatch;
                    }
                    if (op == OP_SETTABLE) {
                        int c = i >>> 24;
                        Object v = (i & 0x8000) != 0 ? fc.kValues[c] : Slots.get(R, N, base + c);
                        if (FastPaths.setTable(R, N, ra, base + ((i >>> 16) & 0xFF), v)) {
                            continue;
                        }
                        f.pc = pc;
                        next = ColdOps.execute(L, f, i);
                        break dispatch;
                    }
                    if (op == OP_LT || op == OP_LE) {
                        int cond = FastPaths.less(R, N, ra, base + ((i >>> 16) & 0xFF), op == OP_LE);
                        if (cond == FastPaths.SLOW) {
                            f.pc = pc;
                            next = ColdOps.execute(L, f, i);
                            break dispatch;
                        }
                        if ((cond == 1) != ((i & 0x8000) != 0)) {
                            pc++;
                        }
                        continue;
                    }
                    if (op == OP_SUB) {
                        int rb = base + ((i >>> 16) & 0xFF);
                        int rc = base + (i >>> 24);
                        Object tb = R[rb];
                        Object tc = R[rc];
                        if (tb == INT && tc == INT) {
                            N[ra] = N[rb] - N[rc];
                            R[ra] = INT;
                        } else if (Arith.isNumber(tb) && Arith.isNumber(tc)) {
                            N[ra] = Double.doubleToRawLongBits(Arith.toDouble(tb, N[rb]) - Arith.toDouble(tc, N[rc]));
                            R[ra] = FLT;
                        } else {
                            f.pc = pc;
                            next = ColdOps.execute(L, f, i);
                            break dispatch;
                        }
                        pc++;
                        continue;
                    }
                    if (op >= OP_EQI && op <= OP_GEI) {
                        int cond = FastPaths.compareImmediate(R, N, ra, ((i >>> 16) & 0xFF) - OFFSET_SC, op);
                        if (cond == FastPaths.SLOW) {
                            f.pc = pc;
                            next = ColdOps.execute(L, f, i);
                            break dispatch;
                        }
                        if ((cond == 1) != ((i & 0x8000) != 0)) {
                            pc++;
                        }
                        continue;
                    }
                    if (op == OP_LOADK) {
                        int bx = i >>> 15;
                        R[ra] = kR[bx];
                        N[ra] = kN[bx];
                        continue;
                    }
                    switch (op) {
                        case OP_LOADI:
                            R[ra] = INT;
                            N[ra] = (i >>> 15) - OFFSET_SBX;
                            continue;
                        case OP_LOADF:
                            R[ra] = FLT;
                            N[ra] = Double.doubleToRawLongBits((i >>> 15) - OFFSET_SBX);
                            continue;
                        case OP_LOADFALSE:
                            R[ra] = Boolean.FALSE;
                            continue;
                        case OP_LFALSESKIP:
                            R[ra] = Boolean.FALSE;
                            pc++;
                            continue;
                        case OP_LOADTRUE:
                            R[ra] = Boolean.TRUE;
                            continue;
                        case OP_LOADNIL: {
                            int b = (i >>> 16) & 0xFF;
                            for (int j = 0; j <= b; j++) {
                                R[ra + j] = null;
                            }
                            continue;
                        }
                        case OP_SETUPVAL:
                            FastPaths.setUpvalue(R, N, ra, up[(i >>> 16) & 0xFF]);
                            continue;
                        case OP_GETTABUP:
                            if (FastPaths.getTabUp(R, N, ra, up[(i >>> 16) & 0xFF], (String) kR[i >>> 24], hints, pc - 1)) {
                                continue;
                            }
                            break;
                        case OP_GETI:
                            if (FastPaths.getIndex(R, N, ra, base + ((i >>> 16) & 0xFF), i >>> 24)) {
                                continue;
                            }
                            break;
                        case OP_SETI: {
                            int c = i >>> 24;
                            Object v = (i & 0x8000) != 0 ? fc.kValues[c] : Slots.get(R, N, base + c);
                            if (FastPaths.setIndex(R, ra, (i >>> 16) & 0xFF, v)) {
                                continue;
                            }
                            break;
                        }
                        case OP_SELF:
                            if ((i & 0x8000) != 0
                                    && FastPaths.self(R, N, ra, base + ((i >>> 16) & 0xFF), (String) kR[i >>> 24], hints, pc - 1)) {
                                continue;
                            }
                            break;
                        case OP_ADDK: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            int c = i >>> 24;
                            Object tb = R[rb];
                            Object tc = kR[c];
                            if (tb == INT && tc == INT) {
                                N[ra] = N[rb] + kN[c];
                                R[ra] = INT;
                            } else if (Arith.isNumber(tb) && Arith.isNumber(tc)) {
                                N[ra] = Double.doubleToRawLongBits(Arith.toDouble(tb, N[rb]) + Arith.toDouble(tc, kN[c]));
                                R[ra] = FLT;
                            } else {
                                break;
                            }
                            pc++;
                            continue;
                        }
                        case OP_MULK: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            int c = i >>> 24;
                            Object tb = R[rb];
                            Object tc = kR[c];
                            if (tb == INT && tc == INT) {
                                N[ra] = N[rb] * kN[c];
                                R[ra] = INT;
                            } else if (Arith.isNumber(tb) && Arith.isNumber(tc)) {
                                N[ra] = Double.doubleToRawLongBits(Arith.toDouble(tb, N[rb]) * Arith.toDouble(tc, kN[c]));
                                R[ra] = FLT;
                            } else {
                                break;
                            }
                            pc++;
                            continue;
                        }
                        case OP_DIVK: {
                            int c = i >>> 24;
                            if (Arith.isNumber(kR[c]) && FastPaths.arithFloatK(R, N, ra, base + ((i >>> 16) & 0xFF),
                                    Arith.toDouble(kR[c], kN[c]), Arith.DIV)) {
                                pc++;
                            }
                            continue;
                        }
                        case OP_BANDK: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            int c = i >>> 24;
                            if (FastPaths.bitwise(R, N, ra, R[rb], N[rb], kR[c], kN[c], Arith.BAND)) {
                                pc++;
                                continue;
                            }
                            break;
                        }
                        case OP_SHRI: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            if (FastPaths.bitwise(R, N, ra, R[rb], N[rb], INT, (i >>> 24) - OFFSET_SC, Arith.SHR)) {
                                pc++;
                                continue;
                            }
                            break;
                        }
                        case OP_DIV:
                            if (FastPaths.arithFloat(R, N, ra, base + ((i >>> 16) & 0xFF), base + (i >>> 24), Arith.DIV)) {
                                pc++;
                            }
                            continue;
                        // Integer %, //, &, | and ~ inline, with a zero divisor left to Arith's error.
                        case OP_MOD: case OP_IDIV: case OP_MODK: case OP_IDIVK: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            int c = i >>> 24;
                            boolean constant = op == OP_MODK || op == OP_IDIVK;
                            if (FastPaths.divide(L, R, N, ra, R[rb], N[rb], constant ? kR[c] : R[base + c],
                                    constant ? kN[c] : N[base + c], op == OP_MOD || op == OP_MODK ? Arith.MOD : Arith.IDIV)) {
                                pc++;
                            }
                            continue;
                        }
                        case OP_BAND: case OP_BOR: case OP_BXOR: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            int rc = base + (i >>> 24);
                            if (FastPaths.bitwise(R, N, ra, R[rb], N[rb], R[rc], N[rc], op - OP_ADD)) {
                                pc++;
                                continue;
                            }
                            break;
                        }
                        case OP_UNM:
                            if (FastPaths.unaryMinus(R, N, ra, base + ((i >>> 16) & 0xFF))) {
                                continue;
                            }
                            break;
                        case OP_NOT: {
                            Object v = R[base + ((i >>> 16) & 0xFF)];
                            R[ra] = v == null || v == Boolean.FALSE ? Boolean.TRUE : Boolean.FALSE;
                            continue;
                        }
                        case OP_LEN:
                            if (FastPaths.length(R, N, ra, base + ((i >>> 16) & 0xFF))) {
                                continue;
                            }
                            break;
                        case OP_EQ: {
                            int cond = FastPaths.equal(R, N, ra, base + ((i >>> 16) & 0xFF));
                            if (cond == FastPaths.SLOW) {
                                break;
                            }
                            if ((cond == 1) != ((i & 0x8000) != 0)) {
                                pc++;
                            }
                            continue;
                        }
                        case OP_EQK: {
                            int b = (i >>> 16) & 0xFF;
                            if (Arith.rawEquals(R[ra], N[ra], kR[b], kN[b]) != ((i & 0x8000) != 0)) {
                                pc++;
                            }
                            continue;
                        }
                        case OP_TEST: {
                            Object v = R[ra];
                            if ((v != null && v != Boolean.FALSE) != ((i & 0x8000) != 0)) {
                                pc++;
                            }
                            continue;
                        }
                        case OP_TESTSET: {
                            int rb = base + ((i >>> 16) & 0xFF);
                            Object v = R[rb];
                            if ((v != null && v != Boolean.FALSE) != ((i & 0x8000) != 0)) {
                                pc++;
                            } else {
                                R[ra] = v;
                                N[ra] = N[rb];
                            }
                            continue;
                        }
                        case OP_CALL:
                            next = FastPaths.call(L, f, vm, ra, (i >>> 16) & 0xFF, (i >>> 24) - 1, pc);
                            break dispatch;
                        case OP_RETURN0:
                            next = FastPaths.return0(L, f);
                            break dispatch;
                        case OP_RETURN1:
                            next = FastPaths.return1(L, f, ra);
                            break dispatch;
                        case OP_TFORLOOP: {
                            Object v = R[ra + 4];
                            if (v != null) {
                                R[ra + 2] = v;
                                N[ra + 2] = N[ra + 4];
                                pc -= i >>> 15;
                                if (--vm.fuel < 0) {
                                    Jit.sliceEnded(vm, f, pc);
                                    next = L;
                                    break dispatch;
                                }
                            }
                            continue;
                        }
                        default:
                            break;
                    }
                    f.pc = pc;
                    next = ColdOps.execute(L, f, i);
                    break dispatch;
                }
            }
            if (next != L) {
                return next;
            }
            f = L.frames[L.depth];
            if (f.kind != CallFrame.LUA) {
                return L;
            }
            R = L.refs;
            N = L.nums;
        }
    }

    /** The prototype run by a Lua frame. */
    static Prototype proto(CallFrame f) {
        return f.closure.code.proto;
    }
}
