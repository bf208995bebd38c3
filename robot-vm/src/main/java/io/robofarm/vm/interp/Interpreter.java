package io.robofarm.vm.interp;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.value.LuaTable;

/**
 * The stackless bytecode interpreter. {@link #execute} is Cobalt's {@code newFrame: while (true)}
 * loop: it runs whatever frame is on top of the current coroutine, where a Lua-to-Lua call has
 * pushed a heap frame, a return has popped one, and a resume or yield has switched to another
 * coroutine's state. So the Java stack does not grow with Lua recursion, and all execution state
 * is on the heap between two instructions.
 *
 * <p>{@link #run} holds the dispatch loop of one frame with only the fast paths (integer and float
 * arithmetic, raw table access with integer and string keys, calls and returns); metamethods,
 * coercions and errors live in {@link Meta}, {@link Calls} and {@link Errors}. Its bytecode must
 * stay under HotSpot's 8000-byte limit for compiling a method (DontCompileHugeMethods). Any slow
 * path that can fail or call out first saves {@code pc} in the frame: that is how error
 * positions, variable names and tracebacks find the current instruction. Integer division by
 * zero deliberately does not, so it reports the line of the last saved instruction as lua5.4 does.
 * A conditional test only skips or falls through to the JMP after it, so every backward jump
 * passes the fuel check in JMP, FORLOOP or TFORLOOP.
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
    private static final int OFFSET_SC = 127, OFFSET_SBX = 65535, OFFSET_SJ = 16777215;

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
     * Runs the Lua frame {@code f} on top of {@code L} until it calls, returns, or hands control to
     * another coroutine; returns the state whose top frame runs next. Being invoked once per call
     * and return (not once per script) keeps this method on the JIT's normal compilation path.
     */
    private static LuaState run(LuaState L, CallFrame f) {
        final Vm vm = L.vm;
        final LuaClosure cl = f.closure;
        final FunctionCode fc = cl.code;
        final int[] code = fc.code;
        final Object[] kR = fc.kRefs;
        final long[] kN = fc.kNums;
        final UpValue[] up = cl.upvalues;
        int base = f.base;
        int pc = f.pc;
        Object[] R = L.refs;
        long[] N = L.nums;
        while (true) {
            final int i = code[pc++];
            final int ra = base + ((i >>> 7) & 0xFF);
            switch (i & 0x7F) {
                case OP_MOVE: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    R[ra] = R[rb];
                    N[ra] = N[rb];
                    break;
                }
                case OP_LOADI:
                    R[ra] = INT;
                    N[ra] = (i >>> 15) - OFFSET_SBX;
                    break;
                case OP_LOADF:
                    R[ra] = FLT;
                    N[ra] = Double.doubleToRawLongBits((i >>> 15) - OFFSET_SBX);
                    break;
                case OP_LOADK: {
                    int bx = i >>> 15;
                    R[ra] = kR[bx];
                    N[ra] = kN[bx];
                    break;
                }
                case OP_LOADKX: {
                    int ax = code[pc++] >>> 7;
                    R[ra] = kR[ax];
                    N[ra] = kN[ax];
                    break;
                }
                case OP_LOADFALSE:
                    R[ra] = Boolean.FALSE;
                    break;
                case OP_LFALSESKIP:
                    R[ra] = Boolean.FALSE;
                    pc++;
                    break;
                case OP_LOADTRUE:
                    R[ra] = Boolean.TRUE;
                    break;
                case OP_LOADNIL: {
                    int b = (i >>> 16) & 0xFF;
                    for (int j = 0; j <= b; j++) {
                        R[ra + j] = null;
                    }
                    break;
                }
                case OP_GETUPVAL: {
                    UpValue u = up[(i >>> 16) & 0xFF];
                    Object[] ur = u.refs;
                    if (ur != null) {
                        R[ra] = ur[u.index];
                        N[ra] = u.nums[u.index];
                    } else {
                        R[ra] = u.ref;
                        N[ra] = u.num;
                    }
                    break;
                }
                case OP_SETUPVAL: {
                    UpValue u = up[(i >>> 16) & 0xFF];
                    Object[] ur = u.refs;
                    if (ur != null) {
                        ur[u.index] = R[ra];
                        u.nums[u.index] = N[ra];
                    } else {
                        u.ref = R[ra];
                        u.num = N[ra];
                    }
                    break;
                }
                case OP_GETTABUP: {
                    UpValue u = up[(i >>> 16) & 0xFF];
                    Object t = u.refs != null ? u.refs[u.index] : u.ref;
                    String key = (String) kR[i >>> 24];
                    if (t instanceof LuaTable tt) {
                        Object v = tt.get(key);
                        if (v != null || tt.getMetatable() == null) {
                            Slots.set(R, N, ra, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.index(L, f, u.getValue(), key, ra);
                }
                case OP_GETTABLE: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object t = R[rb];
                    if (t instanceof LuaTable tt) {
                        Object kt = R[rc];
                        Object v = kt == INT ? tt.get(N[rc]) : tt.get(Slots.get(R, N, rc));
                        if (v != null || tt.getMetatable() == null) {
                            Slots.set(R, N, ra, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.index(L, f, Slots.get(R, N, rb), Slots.get(R, N, rc), ra);
                }
                case OP_GETI: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    long key = i >>> 24;
                    Object t = R[rb];
                    if (t instanceof LuaTable tt) {
                        Object v = tt.get(key);
                        if (v != null || tt.getMetatable() == null) {
                            Slots.set(R, N, ra, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.index(L, f, Slots.get(R, N, rb), key, ra);
                }
                case OP_GETFIELD: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    String key = (String) kR[i >>> 24];
                    Object t = R[rb];
                    if (t instanceof LuaTable tt) {
                        Object v = tt.get(key);
                        if (v != null || tt.getMetatable() == null) {
                            Slots.set(R, N, ra, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.index(L, f, Slots.get(R, N, rb), key, ra);
                }
                case OP_SETTABUP: {
                    UpValue u = up[(i >>> 7) & 0xFF];
                    Object t = u.refs != null ? u.refs[u.index] : u.ref;
                    String key = (String) kR[(i >>> 16) & 0xFF];
                    int c = i >>> 24;
                    Object v = (i & 0x8000) != 0 ? Slots.box(kR[c], kN[c]) : Slots.get(R, N, base + c);
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        tt.put(key, v);
                        break;
                    }
                    f.pc = pc;
                    return Meta.setIndex(L, f, u.getValue(), key, v);
                }
                case OP_SETTABLE: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object v = (i & 0x8000) != 0 ? Slots.box(kR[c], kN[c]) : Slots.get(R, N, base + c);
                    Object t = R[ra];
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        if (R[rb] == INT) {
                            tt.put(N[rb], v);
                            break;
                        }
                        Object key = R[rb];
                        if (key instanceof String s) {
                            tt.put(s, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.setIndex(L, f, Slots.get(R, N, ra), Slots.get(R, N, rb), v);
                }
                case OP_SETI: {
                    long key = (i >>> 16) & 0xFF;
                    int c = i >>> 24;
                    Object v = (i & 0x8000) != 0 ? Slots.box(kR[c], kN[c]) : Slots.get(R, N, base + c);
                    Object t = R[ra];
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        tt.put(key, v);
                        break;
                    }
                    f.pc = pc;
                    return Meta.setIndex(L, f, Slots.get(R, N, ra), key, v);
                }
                case OP_SETFIELD: {
                    String key = (String) kR[(i >>> 16) & 0xFF];
                    int c = i >>> 24;
                    Object v = (i & 0x8000) != 0 ? Slots.box(kR[c], kN[c]) : Slots.get(R, N, base + c);
                    Object t = R[ra];
                    if (t instanceof LuaTable tt && tt.getMetatable() == null) {
                        tt.put(key, v);
                        break;
                    }
                    f.pc = pc;
                    return Meta.setIndex(L, f, Slots.get(R, N, ra), key, v);
                }
                case OP_NEWTABLE: {
                    int b = (i >>> 16) & 0xFF;
                    int c = i >>> 24;
                    if ((i & 0x8000) != 0) {
                        c += (code[pc] >>> 7) * 256;
                    }
                    pc++;
                    R[ra] = new LuaTable(c, b > 0 ? 1 << (b - 1) : 0);
                    break;
                }
                case OP_SELF: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object key = (i & 0x8000) != 0 ? kR[c] : R[base + c];
                    Object t = R[rb];
                    R[ra + 1] = t;
                    N[ra + 1] = N[rb];
                    if (t instanceof LuaTable tt && key instanceof String s) {
                        Object v = tt.get(s);
                        if (v != null || tt.getMetatable() == null) {
                            Slots.set(R, N, ra, v);
                            break;
                        }
                    }
                    f.pc = pc;
                    return Meta.index(L, f, Slots.get(R, N, ra + 1), key, ra);
                }
                case OP_ADDI: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int imm = (i >>> 24) - OFFSET_SC;
                    Object tb = R[rb];
                    if (tb == INT) {
                        N[ra] = N[rb] + imm;
                        R[ra] = INT;
                        pc++;
                    } else if (tb == FLT) {
                        N[ra] = Double.doubleToRawLongBits(Double.longBitsToDouble(N[rb]) + imm);
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_DIVK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    int op = i & 0x7F;
                    if (tb == INT && tc == INT && op != OP_DIVK) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = op == OP_ADDK ? x + y : op == OP_SUBK ? x - y : x * y;
                        R[ra] = INT;
                        pc++;
                    } else if (tb == FLT || tb == INT) {
                        double x = Arith.toDouble(tb, N[rb]);
                        double y = Arith.toDouble(tc, kN[c]);
                        N[ra] = Double.doubleToRawLongBits(
                                op == OP_ADDK ? x + y : op == OP_SUBK ? x - y : op == OP_MULK ? x * y : x / y);
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_MODK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    if (tb == INT && tc == INT && kN[c] != 0) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = Arith.intMod(x, y);
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.MOD, R, N, ra, tb, N[rb], tc, kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_IDIVK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    if (tb == INT && tc == INT && kN[c] != 0) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = Math.floorDiv(x, y);
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.IDIV, R, N, ra, tb, N[rb], tc, kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_BANDK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = x & y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BAND, R, N, ra, tb, N[rb], tc, kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_BORK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = x | y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BOR, R, N, ra, tb, N[rb], tc, kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_BXORK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    Object tb = R[rb];
                    Object tc = kR[c];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = kN[c];
                        N[ra] = x ^ y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BXOR, R, N, ra, tb, N[rb], tc, kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_POWK: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int c = i >>> 24;
                    if (Arith.arith(L, Arith.POW, R, N, ra, R[rb], N[rb], kR[c], kN[c])) {
                        pc++;
                    }
                    break;
                }
                case OP_SHRI: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    if (R[rb] == INT) {
                        N[ra] = Arith.shiftLeft(N[rb], -((i >>> 24) - OFFSET_SC));
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.SHR, R, N, ra, R[rb], N[rb], INT, (i >>> 24) - OFFSET_SC)) {
                        pc++;
                    }
                    break;
                }
                case OP_SHLI: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    if (R[rb] == INT) {
                        N[ra] = Arith.shiftLeft((i >>> 24) - OFFSET_SC, N[rb]);
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.SHL, R, N, ra, INT, (i >>> 24) - OFFSET_SC, R[rb], N[rb])) {
                        pc++;
                    }
                    break;
                }
                case OP_ADD: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT) {
                        N[ra] = N[rb] + N[rc];
                        R[ra] = INT;
                        pc++;
                    } else if (tb == FLT && tc == FLT) {
                        N[ra] = Double.doubleToRawLongBits(
                                Double.longBitsToDouble(N[rb]) + Double.longBitsToDouble(N[rc]));
                        R[ra] = FLT;
                        pc++;
                    } else if ((tb == INT || tb == FLT) && (tc == INT || tc == FLT)) {
                        N[ra] = Double.doubleToRawLongBits(
                                Arith.toDouble(tb, N[rb]) + Arith.toDouble(tc, N[rc]));
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_SUB: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT) {
                        N[ra] = N[rb] - N[rc];
                        R[ra] = INT;
                        pc++;
                    } else if (tb == FLT && tc == FLT) {
                        N[ra] = Double.doubleToRawLongBits(
                                Double.longBitsToDouble(N[rb]) - Double.longBitsToDouble(N[rc]));
                        R[ra] = FLT;
                        pc++;
                    } else if ((tb == INT || tb == FLT) && (tc == INT || tc == FLT)) {
                        N[ra] = Double.doubleToRawLongBits(
                                Arith.toDouble(tb, N[rb]) - Arith.toDouble(tc, N[rc]));
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_MUL: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT) {
                        N[ra] = N[rb] * N[rc];
                        R[ra] = INT;
                        pc++;
                    } else if (tb == FLT && tc == FLT) {
                        N[ra] = Double.doubleToRawLongBits(
                                Double.longBitsToDouble(N[rb]) * Double.longBitsToDouble(N[rc]));
                        R[ra] = FLT;
                        pc++;
                    } else if ((tb == INT || tb == FLT) && (tc == INT || tc == FLT)) {
                        N[ra] = Double.doubleToRawLongBits(
                                Arith.toDouble(tb, N[rb]) * Arith.toDouble(tc, N[rc]));
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_DIV: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == FLT && tc == FLT) {
                        N[ra] = Double.doubleToRawLongBits(
                                Double.longBitsToDouble(N[rb]) / Double.longBitsToDouble(N[rc]));
                        R[ra] = FLT;
                        pc++;
                    } else if ((tb == INT || tb == FLT) && (tc == INT || tc == FLT)) {
                        N[ra] = Double.doubleToRawLongBits(
                                Arith.toDouble(tb, N[rb]) / Arith.toDouble(tc, N[rc]));
                        R[ra] = FLT;
                        pc++;
                    }
                    break;
                }
                case OP_MOD: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT && N[rc] != 0) {
                        long x = N[rb];
                        long y = N[rc];
                        N[ra] = Arith.intMod(x, y);
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.MOD, R, N, ra, tb, N[rb], tc, N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_IDIV: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT && N[rc] != 0) {
                        long x = N[rb];
                        long y = N[rc];
                        N[ra] = Math.floorDiv(x, y);
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.IDIV, R, N, ra, tb, N[rb], tc, N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_BAND: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = N[rc];
                        N[ra] = x & y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BAND, R, N, ra, tb, N[rb], tc, N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_BOR: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = N[rc];
                        N[ra] = x | y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BOR, R, N, ra, tb, N[rb], tc, N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_BXOR: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    Object tb = R[rb];
                    Object tc = R[rc];
                    if (tb == INT && tc == INT && true) {
                        long x = N[rb];
                        long y = N[rc];
                        N[ra] = x ^ y;
                        R[ra] = INT;
                        pc++;
                    } else if (Arith.arith(L, Arith.BXOR, R, N, ra, tb, N[rb], tc, N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_POW: case OP_SHL: case OP_SHR: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    int rc = base + (i >>> 24);
                    if (Arith.arith(L, (i & 0x7F) - OP_ADD + Arith.ADD, R, N, ra, R[rb], N[rb], R[rc], N[rc])) {
                        pc++;
                    }
                    break;
                }
                case OP_MMBIN: case OP_MMBINI: case OP_MMBINK: {
                    f.pc = pc;
                    L.top = base + fc.maxStackSize;
                    return Meta.arith(L, f, i, code[pc - 2]);
                }
                case OP_UNM: case OP_BNOT: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    Object tb = R[rb];
                    if (tb == INT && (i & 0x7F) == OP_UNM) {
                        N[ra] = -N[rb];
                        R[ra] = INT;
                    } else if (tb == FLT && (i & 0x7F) == OP_UNM) {
                        N[ra] = Double.doubleToRawLongBits(-Double.longBitsToDouble(N[rb]));
                        R[ra] = FLT;
                    } else {
                        f.pc = pc;
                        L.top = base + fc.maxStackSize;
                        return Meta.unary(L, f, i);
                    }
                    break;
                }
                case OP_NOT: {
                    Object v = R[base + ((i >>> 16) & 0xFF)];
                    R[ra] = v == null || v == Boolean.FALSE ? Boolean.TRUE : Boolean.FALSE;
                    break;
                }
                case OP_LEN: {
                    Object v = R[base + ((i >>> 16) & 0xFF)];
                    if (v instanceof String s) {
                        R[ra] = INT;
                        N[ra] = s.length();
                        break;
                    }
                    if (v instanceof LuaTable t && t.getMetatable() == null) {
                        R[ra] = INT;
                        N[ra] = t.length();
                        break;
                    }
                    f.pc = pc;
                    L.top = base + fc.maxStackSize;
                    return Meta.unary(L, f, i);
                }
                case OP_CONCAT: {
                    f.pc = pc;
                    return Meta.concat(L, f, ra, (i >>> 16) & 0xFF);
                }
                case OP_CLOSE: {
                    f.pc = pc;
                    L.closeUpvalues(ra);
                    if (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= ra) {
                        L.top = base + fc.maxStackSize;
                        return Meta.closeTbc(L, f, ra);
                    }
                    break;
                }
                case OP_TBC:
                    f.pc = pc;
                    Meta.markTbc(L, f, ra);
                    break;
                case OP_JMP: {
                    int off = (i >>> 7) - OFFSET_SJ;
                    pc += off;
                    if (off < 0 && --vm.fuel < 0) {
                        f.pc = pc;
                        vm.trap();
                    }
                    break;
                }
                case OP_EQ: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    Object ta = R[ra];
                    Object tb = R[rb];
                    if (ta instanceof LuaTable && tb instanceof LuaTable && ta != tb) {
                        f.pc = pc;
                        L.top = base + fc.maxStackSize;
                        return Meta.eqTables(L, f, (LuaTable) ta, (LuaTable) tb);
                    }
                    if (Arith.rawEquals(ta, N[ra], tb, N[rb]) != ((i & 0x8000) != 0)) {
                        pc++;
                    }
                    break;
                }
                case OP_LT: case OP_LE: {
                    int rb = base + ((i >>> 16) & 0xFF);
                    Object ta = R[ra];
                    Object tb = R[rb];
                    boolean cond;
                    if (ta == INT && tb == INT) {
                        cond = (i & 0x7F) == OP_LT ? N[ra] < N[rb] : N[ra] <= N[rb];
                    } else if (ta == FLT && tb == FLT) {
                        double x = Double.longBitsToDouble(N[ra]);
                        double y = Double.longBitsToDouble(N[rb]);
                        cond = (i & 0x7F) == OP_LT ? x < y : x <= y;
                    } else {
                        f.pc = pc;
                        L.top = base + fc.maxStackSize;
                        return Meta.order(L, f, i & 0x7F, ta, N[ra], tb, N[rb]);
                    }
                    if (cond != ((i & 0x8000) != 0)) {
                        pc++;
                    }
                    break;
                }
                case OP_EQK: {
                    int b = (i >>> 16) & 0xFF;
                    if (Arith.rawEquals(R[ra], N[ra], kR[b], kN[b]) != ((i & 0x8000) != 0)) {
                        pc++;
                    }
                    break;
                }
                case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: {
                    int imm = ((i >>> 16) & 0xFF) - OFFSET_SC;
                    Object ta = R[ra];
                    boolean cond;
                    int op = i & 0x7F;
                    if (ta == INT) {
                        long x = N[ra];
                        cond = op == OP_EQI ? x == imm : op == OP_LTI ? x < imm : op == OP_LEI ? x <= imm
                                : op == OP_GTI ? x > imm : x >= imm;
                    } else if (ta == FLT) {
                        double x = Double.longBitsToDouble(N[ra]);
                        cond = op == OP_EQI ? x == imm : op == OP_LTI ? x < imm : op == OP_LEI ? x <= imm
                                : op == OP_GTI ? x > imm : x >= imm;
                    } else if (op == OP_EQI) {
                        cond = false;
                    } else {
                        f.pc = pc;
                        L.top = base + fc.maxStackSize;
                        return Meta.orderImmediate(L, f, i, ta, N[ra]);
                    }
                    if (cond != ((i & 0x8000) != 0)) {
                        pc++;
                    }
                    break;
                }
                case OP_TEST: {
                    Object v = R[ra];
                    if ((v != null && v != Boolean.FALSE) != ((i & 0x8000) != 0)) {
                        pc++;
                    }
                    break;
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
                    break;
                }
                case OP_CALL: {
                    int b = (i >>> 16) & 0xFF;
                    if (b != 0) {
                        L.top = ra + b;
                    }
                    f.pc = pc;
                    if (--vm.fuel < 0) {
                        vm.trap();
                    }
                    Object fn = R[ra];
                    if (fn instanceof LuaClosure callee) {
                        Calls.pushLua(L, callee, ra, (i >>> 24) - 1);
                        return L;
                    }
                    return Calls.call(L, ra, (i >>> 24) - 1);
                }
                case OP_TAILCALL: {
                    int b = (i >>> 16) & 0xFF;
                    if (b != 0) {
                        L.top = ra + b;
                    }
                    f.pc = pc;
                    if ((i & 0x8000) != 0) {
                        L.closeUpvalues(base);
                    }
                    if (--vm.fuel < 0) {
                        vm.trap();
                    }
                    if (R[ra] instanceof LuaClosure callee) {
                        Calls.tailCall(L, f, callee, ra);
                        return L;
                    }
                    return Calls.call(L, ra, -1);
                }
                case OP_RETURN: {
                    int n = ((i >>> 16) & 0xFF) - 1;
                    if (n < 0) {
                        n = L.top - ra;
                    }
                    if ((i & 0x8000) != 0) {
                        f.pc = pc;
                        L.closeUpvalues(base);
                        if (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= base) {
                            L.top = Math.max(ra + n, base + fc.maxStackSize);
                            f.pendingResults = n;
                            return Meta.closeTbc(L, f, base);
                        }
                    }
                    Calls.returnFromLua(L, f, ra, n);
                    return L;
                }
                case OP_RETURN0: {
                    int func = f.func;
                    int wanted = f.nResults;
                    if (wanted < 0) {
                        L.top = func;
                    } else {
                        for (int j = 0; j < wanted; j++) {
                            R[func + j] = null;
                        }
                        L.top = func + wanted;
                    }
                    L.depth--;
                    if (f.finishOp) {
                        Meta.finishOp(L, f);
                    }
                    return L;
                }
                case OP_RETURN1: {
                    int func = f.func;
                    int wanted = f.nResults;
                    R[func] = R[ra];
                    N[func] = N[ra];
                    if (wanted < 0) {
                        L.top = func + 1;
                    } else {
                        for (int j = 1; j < wanted; j++) {
                            R[func + j] = null;
                        }
                        L.top = func + wanted;
                    }
                    L.depth--;
                    if (f.finishOp) {
                        Meta.finishOp(L, f);
                    }
                    return L;
                }
                case OP_FORLOOP: {
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
                                f.pc = pc;
                                vm.trap();
                            }
                        }
                    } else {
                        double step = Double.longBitsToDouble(N[ra + 2]);
                        double limit = Double.longBitsToDouble(N[ra + 1]);
                        double idx = Double.longBitsToDouble(N[ra]) + step;
                        if (step > 0 ? idx <= limit : limit <= idx) {
                            long bits = Double.doubleToRawLongBits(idx);
                            N[ra] = bits;
                            N[ra + 3] = bits;
                            R[ra + 3] = FLT;
                            pc -= i >>> 15;
                            if (--vm.fuel < 0) {
                                f.pc = pc;
                                vm.trap();
                            }
                        }
                    }
                    break;
                }
                case OP_FORPREP:
                    f.pc = pc;
                    if (Arith.forPrep(L, R, N, ra)) {
                        pc += (i >>> 15) + 1;
                    }
                    break;
                case OP_TFORPREP:
                    f.pc = pc;
                    Meta.markTbc(L, f, ra + 3);
                    pc += i >>> 15;
                    break;
                case OP_TFORCALL: {
                    System.arraycopy(R, ra, R, ra + 4, 3);
                    System.arraycopy(N, ra, N, ra + 4, 3);
                    L.top = ra + 7;
                    f.pc = pc;
                    if (R[ra + 4] instanceof LuaClosure callee) {
                        Calls.pushLua(L, callee, ra + 4, i >>> 24);
                        return L;
                    }
                    return Calls.call(L, ra + 4, i >>> 24);
                }
                case OP_TFORLOOP: {
                    Object v = R[ra + 4];
                    if (v != null) {
                        R[ra + 2] = v;
                        N[ra + 2] = N[ra + 4];
                        pc -= i >>> 15;
                        if (--vm.fuel < 0) {
                            f.pc = pc;
                            vm.trap();
                        }
                    }
                    break;
                }
                case OP_SETLIST:
                    pc = Calls.setList(L, code, pc, i, ra);
                    break;
                case OP_CLOSURE:
                    R[ra] = Calls.closure(L, fc.children[i >>> 15], up, base);
                    break;
                case OP_VARARG:
                    Calls.vararg(L, f, ra, (i >>> 24) - 1);
                    R = L.refs;
                    N = L.nums;
                    break;
                case OP_VARARGPREP:
                    f.pc = pc;
                    base = Calls.varargPrep(L, f, fc.proto, (i >>> 7) & 0xFF);
                    R = L.refs;
                    N = L.nums;
                    break;
                case OP_EXTRAARG:
                default:
                    throw new IllegalStateException("bad opcode " + (i & 0x7F));
            }
        }
    }

    /** The prototype run by a Lua frame. */
    static Prototype proto(CallFrame f) {
        return f.closure.code.proto;
    }
}
