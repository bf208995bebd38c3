package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaTable;

/**
 * The general case of every opcode whose common case {@link Interpreter}'s dispatch loop handles
 * inline, and the whole of the rare opcodes. Keeping them out of the loop keeps the loop small
 * enough for the JIT to compile it well and to inline its hot helpers.
 *
 * <p>{@link #execute} is entered with the frame's {@code pc} saved just past the instruction; it
 * may change that pc (skips, jumps) and returns the state whose top frame runs next, as
 * {@link Meta} and {@link Calls} do. The loop then reloads the frame from the heap.
 */
final class ColdOps {
    private ColdOps() {
    }

    /** Executes instruction {@code i} of the Lua frame {@code f} on top of {@code L}. */
    static LuaState execute(LuaState L, CallFrame f, int i) {
        Object[] R = L.refs;
        long[] N = L.nums;
        FunctionCode fc = f.closure.code;
        UpValue[] up = f.closure.upvalues;
        Object[] kR = fc.kRefs;
        long[] kN = fc.kNums;
        int base = f.base;
        int ra = base + ((i >>> 7) & 0xFF);
        int b = (i >>> 16) & 0xFF;
        int c = i >>> 24;
        boolean k = (i & 0x8000) != 0;
        switch (i & 0x7F) {
            case Interpreter.OP_LOADKX: {
                int ax = fc.code[f.pc++] >>> 7;
                R[ra] = kR[ax];
                N[ra] = kN[ax];
                return L;
            }
            case Interpreter.OP_NEWTABLE: {
                int size = k ? c + (fc.code[f.pc] >>> 7) * 256 : c;
                f.pc++;
                R[ra] = new LuaTable(size, b > 0 ? 1 << (b - 1) : 0, L.vm.memory());
                return L;
            }
            case Interpreter.OP_ADD: case Interpreter.OP_SUB: case Interpreter.OP_MUL: case Interpreter.OP_POW:
            case Interpreter.OP_BAND: case Interpreter.OP_BOR: case Interpreter.OP_BXOR: case Interpreter.OP_SHL:
            case Interpreter.OP_SHR:
                return arith(L, f, (i & 0x7F) - Interpreter.OP_ADD, R[base + b], N[base + b], R[base + c], N[base + c], ra);
            case Interpreter.OP_ADDK: case Interpreter.OP_SUBK: case Interpreter.OP_MULK: case Interpreter.OP_POWK:
            case Interpreter.OP_BANDK: case Interpreter.OP_BORK: case Interpreter.OP_BXORK:
                return arith(L, f, (i & 0x7F) - Interpreter.OP_ADDK, R[base + b], N[base + b], kR[c], kN[c], ra);
            case Interpreter.OP_SHRI:
                return arith(L, f, Arith.SHR, R[base + b], N[base + b], Slots.INT, c - Interpreter.OFFSET_SC, ra);
            case Interpreter.OP_SHLI:
                return arith(L, f, Arith.SHL, Slots.INT, c - Interpreter.OFFSET_SC, R[base + b], N[base + b], ra);
            case Interpreter.OP_GETTABUP:
                return Meta.index(L, f, up[b].getValue(), kR[c], ra);
            case Interpreter.OP_GETTABLE:
                return Meta.index(L, f, Slots.get(R, N, base + b), Slots.get(R, N, base + c), ra);
            case Interpreter.OP_GETI:
                return Meta.index(L, f, Slots.get(R, N, base + b), (long) c, ra);
            case Interpreter.OP_GETFIELD:
                return Meta.index(L, f, Slots.get(R, N, base + b), kR[c], ra);
            case Interpreter.OP_SELF: {
                Object t = Slots.get(R, N, base + b);
                Slots.set(R, N, ra + 1, t);
                return Meta.index(L, f, t, k ? kR[c] : Slots.get(R, N, base + c), ra);
            }
            case Interpreter.OP_SETTABUP:
                return Meta.setIndex(L, f, up[(i >>> 7) & 0xFF].getValue(), kR[b], rkValue(R, N, fc, base, i));
            case Interpreter.OP_SETTABLE:
                return Meta.setIndex(L, f, Slots.get(R, N, ra), Slots.get(R, N, base + b), rkValue(R, N, fc, base, i));
            case Interpreter.OP_SETI:
                return Meta.setIndex(L, f, Slots.get(R, N, ra), (long) b, rkValue(R, N, fc, base, i));
            case Interpreter.OP_SETFIELD:
                return Meta.setIndex(L, f, Slots.get(R, N, ra), kR[b], rkValue(R, N, fc, base, i));
            case Interpreter.OP_MMBIN: case Interpreter.OP_MMBINI: case Interpreter.OP_MMBINK:
                L.top = base + fc.maxStackSize;
                return Meta.arith(L, f, i, fc.code[f.pc - 2]);
            case Interpreter.OP_UNM: case Interpreter.OP_BNOT:
                L.top = base + fc.maxStackSize;
                return Meta.unary(L, f, i);
            case Interpreter.OP_LEN:
                if (R[base + b] instanceof String s) {
                    R[ra] = Slots.INT;
                    N[ra] = s.length();
                    return L;
                }
                L.top = base + fc.maxStackSize;
                return Meta.unary(L, f, i);
            case Interpreter.OP_CONCAT:
                return Meta.concat(L, f, ra, b);
            case Interpreter.OP_CLOSE:
                L.closeUpvalues(ra);
                if (L.tbcCount > 0 && L.tbc[L.tbcCount - 1] >= ra) {
                    L.top = base + fc.maxStackSize;
                    return Meta.closeTbc(L, f, ra);
                }
                return L;
            case Interpreter.OP_TBC:
                Meta.markTbc(L, f, ra);
                return L;
            case Interpreter.OP_EQ:
                L.top = base + fc.maxStackSize;
                return Meta.eqTables(L, f, (LuaTable) R[ra], (LuaTable) R[base + b]);
            case Interpreter.OP_LT: case Interpreter.OP_LE:
                L.top = base + fc.maxStackSize;
                return Meta.order(L, f, i & 0x7F, R[ra], N[ra], R[base + b], N[base + b]);
            case Interpreter.OP_LTI: case Interpreter.OP_LEI: case Interpreter.OP_GTI: case Interpreter.OP_GEI:
                L.top = base + fc.maxStackSize;
                return Meta.orderImmediate(L, f, i, R[ra], N[ra]);
            case Interpreter.OP_TAILCALL:
                return tailCall(L, f, i, ra, b, k);
            case Interpreter.OP_RETURN:
                return ret(L, f, fc, ra, b - 1, k);
            case Interpreter.OP_FORPREP:
                if (Arith.forPrep(L, R, N, ra)) {
                    f.pc += (i >>> 15) + 1;
                }
                return L;
            case Interpreter.OP_TFORCALL:
                return forCall(L, ra, c);
            case Interpreter.OP_TFORPREP:
                Meta.markTbc(L, f, ra + 3);
                f.pc += i >>> 15;
                return L;
            case Interpreter.OP_SETLIST:
                f.pc = Calls.setList(L, fc.code, f.pc, i, ra);
                return L;
            case Interpreter.OP_CLOSURE:
                R[ra] = Calls.closure(L, fc.children[i >>> 15], up, base);
                return L;
            case Interpreter.OP_VARARG:
                Calls.vararg(L, f, ra, c - 1);
                return L;
            case Interpreter.OP_VARARGPREP:
                Calls.varargPrep(L, f, fc.proto, (i >>> 7) & 0xFF);
                return L;
            default:
                throw new IllegalStateException("bad opcode " + (i & 0x7F));
        }
    }

    /**
     * An arithmetic instruction whose operands the dispatch loop has no fast path for. When they are
     * numbers, the result is stored and the MMBIN after the instruction skipped; otherwise that MMBIN
     * runs next and looks for a metamethod. None of these operations divides, so none can fail here.
     */
    private static LuaState arith(LuaState L, CallFrame f, int op, Object t1, long n1, Object t2, long n2, int ra) {
        if (Arith.arith(L, op, L.refs, L.nums, ra, t1, n1, t2, n2)) {
            f.pc++;
        }
        return L;
    }

    /** The value operand of a SET instruction: constant C when k is set, else register C. */
    private static Object rkValue(Object[] R, long[] N, FunctionCode fc, int base, int i) {
        int c = i >>> 24;
        return (i & 0x8000) != 0 ? fc.kValues[c] : Slots.get(R, N, base + c);
    }

    private static LuaState tailCall(LuaState L, CallFrame f, int i, int ra, int b, boolean k) {
        if (b != 0) {
            L.top = ra + b;
        }
        if (k) {
            L.closeUpvalues(f.base);
        }
        Vm vm = L.vm;
        if (--vm.fuel < 0) {
            vm.trapAtCall();
        }
        if (L.refs[ra] instanceof LuaClosure callee) {
            Calls.tailCall(L, f, callee, ra);
            return L;
        }
        return Calls.call(L, ra, -1);
    }

    /** TFORCALL: calls the iterator at {@code ra} with the state and control values, copied to ra+4..ra+6. */
    private static LuaState forCall(LuaState L, int ra, int nResults) {
        System.arraycopy(L.refs, ra, L.refs, ra + 4, 3);
        System.arraycopy(L.nums, ra, L.nums, ra + 4, 3);
        L.top = ra + 7;
        if (L.refs[ra + 4] instanceof LuaClosure callee) {
            Calls.pushLua(L, callee, ra + 4, nResults);
            return L;
        }
        return Calls.call(L, ra + 4, nResults);
    }

    /** RETURN of {@code n} values at {@code ra} (up to top when n < 0), closing upvalues and tbc variables first (k). */
    private static LuaState ret(LuaState L, CallFrame f, FunctionCode fc, int ra, int n, boolean k) {
        if (n < 0) {
            n = L.top - ra;
        }
        if (k) {
            int base = f.base;
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
}
