package io.robofarm.vm.parse;

import io.robofarm.vm.code.Instruction;
import io.robofarm.vm.code.OpCode;

import static io.robofarm.vm.code.Instruction.MAXARG_B;
import static io.robofarm.vm.code.Instruction.MAXARG_BX;
import static io.robofarm.vm.code.Instruction.MAXARG_C;
import static io.robofarm.vm.code.Instruction.MULTRET;
import static io.robofarm.vm.code.Instruction.OFFSET_SBX;
import static io.robofarm.vm.code.Instruction.OFFSET_SC;
import static io.robofarm.vm.parse.FuncState.NO_JUMP;

/**
 * Code generation for expressions of one function: turns {@link ExpDesc}s into registers,
 * constants and jumps, and emits operators with Lua's choice of instruction (immediate and
 * constant operands, metamethod fallbacks, fused comparisons).
 */
final class Codegen {
    /** Largest constant index usable as an RK operand. */
    private static final int MAX_INDEX_RK = MAXARG_B;
    /** Longest string Lua keeps as a short (interned) string; only those index with GETFIELD. */
    private static final int MAX_SHORT_STRING = 40;
    private static final int TM_ADD = 6;
    private static final int TM_SHL = 16;
    private static final int TM_SHR = 17;

    private final FuncState fs;

    Codegen(FuncState fs) {
        this.fs = fs;
    }

    // ---- constants

    private int stringK(String s) {
        return fs.constants.indexOf(s);
    }

    private int numberK(Object n) {
        return fs.constants.indexOf(n);
    }

    private static boolean fitsSBx(long i) {
        return -OFFSET_SBX <= i && i <= MAXARG_BX - OFFSET_SBX;
    }

    private static boolean fitsSC(long i) {
        return -OFFSET_SC <= i && i <= MAXARG_C - OFFSET_SC;
    }

    void loadInt(int reg, long i) {
        if (fitsSBx(i)) {
            fs.emitAsBx(OpCode.LOADI, reg, (int) i);
        } else {
            fs.emitLoadK(reg, numberK(i));
        }
    }

    private void loadFloat(int reg, double d) {
        long i = (long) d;
        if (i == d && fitsSBx(i)) {
            fs.emitAsBx(OpCode.LOADF, reg, (int) i);
        } else {
            fs.emitLoadK(reg, numberK(d));
        }
    }

    /** True if {@code e} has a value known at compile time (a literal or a compile-time constant). */
    boolean isConstant(ExpDesc e) {
        if (e.hasJumps()) {
            return false;
        }
        return switch (e.kind) {
            case FALSE, TRUE, NIL, KSTR, CONST, KINT, KFLT -> true;
            default -> false;
        };
    }

    /** The value (Long/Double/String/Boolean/null) of an expression for which {@link #isConstant} holds. */
    Object constantValue(ExpDesc e) {
        return switch (e.kind) {
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case KSTR -> e.strval;
            case CONST -> fs.actVars.get(e.info).constValue;
            case KINT -> e.ival;
            case KFLT -> e.nval;
            default -> null;
        };
    }

    /** Turns a compile-time constant value into an expression. */
    private static void constToExp(Object v, ExpDesc e) {
        if (v instanceof Long l) {
            e.kind = ExpKind.KINT;
            e.ival = l;
        } else if (v instanceof Double d) {
            e.kind = ExpKind.KFLT;
            e.nval = d;
        } else if (v instanceof String s) {
            e.kind = ExpKind.KSTR;
            e.strval = s;
        } else if (v == null) {
            e.kind = ExpKind.NIL;
        } else {
            e.kind = (Boolean) v ? ExpKind.TRUE : ExpKind.FALSE;
        }
    }

    private void str2K(ExpDesc e) {
        e.info = stringK(e.strval);
        e.kind = ExpKind.K;
    }

    // ---- discharging

    /** Sets the number of results of an open call or vararg. */
    void setReturns(ExpDesc e, int nresults) {
        int at = e.info;
        int ins = Instruction.setC(fs.get(at), nresults + 1);
        if (e.kind == ExpKind.VARARG) {
            ins = Instruction.setA(ins, fs.freereg);
            fs.set(at, ins);
            fs.reserveRegs(1);
        } else {
            fs.set(at, ins);
        }
    }

    void setMultRet(ExpDesc e) {
        setReturns(e, MULTRET);
    }

    /** Makes an open call or vararg produce exactly one value. */
    void setOneRet(ExpDesc e) {
        if (e.kind == ExpKind.CALL) {
            e.kind = ExpKind.NONRELOC;
            e.info = Instruction.a(fs.get(e.info));
        } else if (e.kind == ExpKind.VARARG) {
            fs.set(e.info, Instruction.setC(fs.get(e.info), 2));
            e.kind = ExpKind.RELOC;
        }
    }

    /** Turns a variable into a value: emits the load, leaving the target register open. */
    void dischargeVars(ExpDesc e) {
        switch (e.kind) {
            case CONST -> constToExp(fs.actVars.get(e.info).constValue, e);
            case LOCAL -> {
                e.info = e.ridx;
                e.kind = ExpKind.NONRELOC;
            }
            case UPVAL -> relocatable(e, fs.emitABC(OpCode.GETUPVAL, 0, e.info, 0));
            case INDEXUP -> relocatable(e, fs.emitABC(OpCode.GETTABUP, 0, e.indT, e.indIdx));
            case INDEXI -> {
                fs.freeReg(e.indT);
                relocatable(e, fs.emitABC(OpCode.GETI, 0, e.indT, e.indIdx));
            }
            case INDEXSTR -> {
                fs.freeReg(e.indT);
                relocatable(e, fs.emitABC(OpCode.GETFIELD, 0, e.indT, e.indIdx));
            }
            case INDEXED -> {
                fs.freeRegs(e.indT, e.indIdx);
                relocatable(e, fs.emitABC(OpCode.GETTABLE, 0, e.indT, e.indIdx));
            }
            case VARARG, CALL -> setOneRet(e);
            default -> {
            }
        }
    }

    private static void relocatable(ExpDesc e, int pc) {
        e.info = pc;
        e.kind = ExpKind.RELOC;
    }

    private void discharge2reg(ExpDesc e, int reg) {
        dischargeVars(e);
        switch (e.kind) {
            case NIL -> fs.loadNil(reg, 1);
            case FALSE -> fs.emitABC(OpCode.LOADFALSE, reg, 0, 0);
            case TRUE -> fs.emitABC(OpCode.LOADTRUE, reg, 0, 0);
            case KSTR -> {
                str2K(e);
                fs.emitLoadK(reg, e.info);
            }
            case K -> fs.emitLoadK(reg, e.info);
            case KFLT -> loadFloat(reg, e.nval);
            case KINT -> loadInt(reg, e.ival);
            case RELOC -> fs.set(e.info, Instruction.setA(fs.get(e.info), reg));
            case NONRELOC -> {
                if (reg != e.info) {
                    fs.emitABC(OpCode.MOVE, reg, e.info, 0);
                }
            }
            default -> {
                return;
            }
        }
        e.info = reg;
        e.kind = ExpKind.NONRELOC;
    }

    private void discharge2anyreg(ExpDesc e) {
        if (e.kind != ExpKind.NONRELOC) {
            fs.reserveRegs(1);
            discharge2reg(e, fs.freereg - 1);
        }
    }

    private int loadBool(int a, OpCode op) {
        fs.label();
        return fs.emitABC(op, a, 0, 0);
    }

    /** Puts the value of {@code e}, including a boolean built from its jump lists, into {@code reg}. */
    private void exp2reg(ExpDesc e, int reg) {
        discharge2reg(e, reg);
        if (e.kind == ExpKind.JMP) {
            e.t = fs.concat(e.t, e.info);
        }
        if (e.hasJumps()) {
            int loadFalse = NO_JUMP;
            int loadTrue = NO_JUMP;
            if (fs.needValue(e.t) || fs.needValue(e.f)) {
                int fj = e.kind == ExpKind.JMP ? NO_JUMP : fs.jump();
                loadFalse = loadBool(reg, OpCode.LFALSESKIP);
                loadTrue = loadBool(reg, OpCode.LOADTRUE);
                fs.patchToHere(fj);
            }
            int end = fs.label();
            fs.patchListAux(e.f, end, reg, loadFalse);
            fs.patchListAux(e.t, end, reg, loadTrue);
        }
        e.f = NO_JUMP;
        e.t = NO_JUMP;
        e.info = reg;
        e.kind = ExpKind.NONRELOC;
    }

    private void freeExp(ExpDesc e) {
        if (e.kind == ExpKind.NONRELOC) {
            fs.freeReg(e.info);
        }
    }

    private void freeExps(ExpDesc e1, ExpDesc e2) {
        int r1 = e1.kind == ExpKind.NONRELOC ? e1.info : -1;
        int r2 = e2.kind == ExpKind.NONRELOC ? e2.info : -1;
        fs.freeRegs(r1, r2);
    }

    /** Puts the value in the next free register. */
    void exp2nextreg(ExpDesc e) {
        dischargeVars(e);
        freeExp(e);
        fs.reserveRegs(1);
        exp2reg(e, fs.freereg - 1);
    }

    /** Puts the value in some register (a local's own register when possible); returns it. */
    int exp2anyreg(ExpDesc e) {
        dischargeVars(e);
        if (e.kind == ExpKind.NONRELOC) {
            if (!e.hasJumps()) {
                return e.info;
            }
            if (e.info >= fs.nvarstack()) {
                exp2reg(e, e.info);
                return e.info;
            }
        }
        exp2nextreg(e);
        return e.info;
    }

    /** Like {@link #exp2anyreg}, but leaves an upvalue as is (it can be indexed directly). */
    void exp2anyregup(ExpDesc e) {
        if (e.kind != ExpKind.UPVAL || e.hasJumps()) {
            exp2anyreg(e);
        }
    }

    /** Makes {@code e} a value: in a register if it has jumps, else discharged. */
    void exp2val(ExpDesc e) {
        if (e.hasJumps()) {
            exp2anyreg(e);
        } else {
            dischargeVars(e);
        }
    }

    /** Turns a literal into a K operand if its index fits an instruction argument. */
    private boolean exp2K(ExpDesc e) {
        if (e.hasJumps()) {
            return false;
        }
        int info;
        switch (e.kind) {
            case TRUE -> info = fs.constants.indexOf(Boolean.TRUE);
            case FALSE -> info = fs.constants.indexOf(Boolean.FALSE);
            case NIL -> info = fs.constants.indexOf(null);
            case KINT -> info = numberK(e.ival);
            case KFLT -> info = numberK(e.nval);
            case KSTR -> info = stringK(e.strval);
            case K -> info = e.info;
            default -> {
                return false;
            }
        }
        if (info <= MAX_INDEX_RK) {
            e.kind = ExpKind.K;
            e.info = info;
            return true;
        }
        return false;
    }

    /** A K operand if possible (returns true), otherwise a register. */
    private boolean exp2RK(ExpDesc e) {
        if (exp2K(e)) {
            return true;
        }
        exp2anyreg(e);
        return false;
    }

    private void codeABRK(OpCode op, int a, int b, ExpDesc ec) {
        boolean k = exp2RK(ec);
        fs.emitABCk(op, a, b, ec.info, k);
    }

    /** Stores {@code ex} into the variable {@code var}. */
    void storeVar(ExpDesc var, ExpDesc ex) {
        switch (var.kind) {
            case LOCAL -> {
                freeExp(ex);
                exp2reg(ex, var.ridx);
                return;
            }
            case UPVAL -> {
                int e = exp2anyreg(ex);
                fs.emitABC(OpCode.SETUPVAL, e, var.info, 0);
            }
            case INDEXUP -> codeABRK(OpCode.SETTABUP, var.indT, var.indIdx, ex);
            case INDEXI -> codeABRK(OpCode.SETI, var.indT, var.indIdx, ex);
            case INDEXSTR -> codeABRK(OpCode.SETFIELD, var.indT, var.indIdx, ex);
            case INDEXED -> codeABRK(OpCode.SETTABLE, var.indT, var.indIdx, ex);
            default -> throw new IllegalStateException("not a variable: " + var.kind);
        }
        freeExp(ex);
    }

    /** Emits SELF: {@code e:key} leaves the method and e in two consecutive registers. */
    void self(ExpDesc e, ExpDesc key) {
        exp2anyreg(e);
        int ereg = e.info;
        freeExp(e);
        e.info = fs.freereg;
        e.kind = ExpKind.NONRELOC;
        fs.reserveRegs(2);
        codeABRK(OpCode.SELF, e.info, ereg, key);
        freeExp(key);
    }

    // ---- conditions

    private void negateCondition(ExpDesc e) {
        int at = fs.jumpControlPc(e.info);
        int ins = fs.get(at);
        fs.set(at, Instruction.setK(ins, !Instruction.k(ins)));
    }

    private int jumpOnCond(ExpDesc e, boolean cond) {
        if (e.kind == ExpKind.RELOC) {
            int ie = fs.get(e.info);
            if (Instruction.opCode(ie) == OpCode.NOT) {
                fs.removeLastInstruction();
                return fs.condJump(OpCode.TEST, Instruction.b(ie), 0, 0, !cond);
            }
        }
        discharge2anyreg(e);
        freeExp(e);
        return fs.condJump(OpCode.TESTSET, FuncState.NO_REG, e.info, 0, cond);
    }

    /** Emits code to fall through when {@code e} is true and jump (via its false list) otherwise. */
    void goIfTrue(ExpDesc e) {
        dischargeVars(e);
        int pc = switch (e.kind) {
            case JMP -> {
                negateCondition(e);
                yield e.info;
            }
            case K, KFLT, KINT, KSTR, TRUE -> NO_JUMP;
            default -> jumpOnCond(e, false);
        };
        e.f = fs.concat(e.f, pc);
        fs.patchToHere(e.t);
        e.t = NO_JUMP;
    }

    /** Emits code to fall through when {@code e} is false and jump (via its true list) otherwise. */
    void goIfFalse(ExpDesc e) {
        dischargeVars(e);
        int pc = switch (e.kind) {
            case JMP -> e.info;
            case NIL, FALSE -> NO_JUMP;
            default -> jumpOnCond(e, true);
        };
        e.t = fs.concat(e.t, pc);
        fs.patchToHere(e.f);
        e.f = NO_JUMP;
    }

    private void codeNot(ExpDesc e) {
        switch (e.kind) {
            case NIL, FALSE -> e.kind = ExpKind.TRUE;
            case K, KFLT, KINT, KSTR, TRUE -> e.kind = ExpKind.FALSE;
            case JMP -> negateCondition(e);
            case RELOC, NONRELOC -> {
                discharge2anyreg(e);
                freeExp(e);
                relocatable(e, fs.emitABC(OpCode.NOT, 0, e.info, 0));
            }
            default -> throw new IllegalStateException("cannot negate " + e.kind);
        }
        int temp = e.f;
        e.f = e.t;
        e.t = temp;
        fs.removeValues(e.f);
        fs.removeValues(e.t);
    }

    // ---- indexing

    private boolean isKstr(ExpDesc e) {
        return e.kind == ExpKind.K && !e.hasJumps() && e.info <= MAXARG_B
                && fs.constants.get(e.info) instanceof String s && s.length() <= MAX_SHORT_STRING;
    }

    private static boolean isKint(ExpDesc e) {
        return e.kind == ExpKind.KINT && !e.hasJumps();
    }

    private static boolean isCint(ExpDesc e) {
        return isKint(e) && e.ival >= 0 && e.ival <= MAXARG_C;
    }

    private static boolean isSCint(ExpDesc e) {
        return isKint(e) && fitsSC(e.ival);
    }

    /**
     * If {@code e} is a number usable as an immediate sC operand, returns it encoded (0..255),
     * with bit 8 set when it is a float; otherwise -1.
     */
    private static int scNumber(ExpDesc e) {
        long i;
        int isFloat = 0;
        if (e.kind == ExpKind.KINT) {
            i = e.ival;
        } else if (e.kind == ExpKind.KFLT && (long) e.nval == e.nval && fitsLong(e.nval)) {
            i = (long) e.nval;
            isFloat = 1 << 8;
        } else {
            return -1;
        }
        if (!e.hasJumps() && fitsSC(i)) {
            return ((int) i + OFFSET_SC) | isFloat;
        }
        return -1;
    }

    private static boolean fitsLong(double d) {
        return d >= -0x1p63 && d < 0x1p63;
    }

    /** Makes {@code t} the indexed expression {@code t[k]}. */
    void indexed(ExpDesc t, ExpDesc k) {
        if (k.kind == ExpKind.KSTR) {
            str2K(k);
        }
        if (t.kind == ExpKind.UPVAL && !isKstr(k)) {
            exp2anyreg(t);
        }
        if (t.kind == ExpKind.UPVAL) {
            t.indT = t.info;
            t.indIdx = k.info;
            t.kind = ExpKind.INDEXUP;
        } else {
            t.indT = t.kind == ExpKind.LOCAL ? t.ridx : t.info;
            if (isKstr(k)) {
                t.indIdx = k.info;
                t.kind = ExpKind.INDEXSTR;
            } else if (isCint(k)) {
                t.indIdx = (int) k.ival;
                t.kind = ExpKind.INDEXI;
            } else {
                t.indIdx = exp2anyreg(k);
                t.kind = ExpKind.INDEXED;
            }
        }
    }

    // ---- operators

    private boolean constFolding(BinOpr op, ExpDesc e1, ExpDesc e2) {
        if (!e1.isNumeral() || !e2.isNumeral()) {
            return false;
        }
        Object r = ConstantFolder.fold(op, e1.numeral(), e2.numeral());
        return setFolded(e1, r);
    }

    private static boolean setFolded(ExpDesc e, Object r) {
        if (r instanceof Long l) {
            e.kind = ExpKind.KINT;
            e.ival = l;
        } else if (r instanceof Double d) {
            e.kind = ExpKind.KFLT;
            e.nval = d;
        } else {
            return false;
        }
        return true;
    }

    /** Applies a unary operator. */
    void prefix(UnOpr op, ExpDesc e, int line) {
        dischargeVars(e);
        switch (op) {
            case MINUS, BNOT -> {
                if (e.isNumeral() && setFolded(e, ConstantFolder.foldUnary(op, e.numeral()))) {
                    return;
                }
                codeUnary(op == UnOpr.MINUS ? OpCode.UNM : OpCode.BNOT, e, line);
            }
            case LEN -> codeUnary(OpCode.LEN, e, line);
            case NOT -> codeNot(e);
        }
    }

    private void codeUnary(OpCode op, ExpDesc e, int line) {
        int r = exp2anyreg(e);
        freeExp(e);
        relocatable(e, fs.emitABC(op, 0, r, 0));
        fs.fixLine(line);
    }

    /** Prepares the first operand of a binary operator, before the second is read. */
    void infix(BinOpr op, ExpDesc v) {
        dischargeVars(v);
        switch (op) {
            case AND -> goIfTrue(v);
            case OR -> goIfFalse(v);
            case CONCAT -> exp2nextreg(v);
            case EQ, NE -> {
                if (!v.isNumeral()) {
                    exp2RK(v);
                }
            }
            case LT, LE, GT, GE -> {
                if (scNumber(v) < 0) {
                    exp2anyreg(v);
                }
            }
            default -> {
                if (!v.isNumeral()) {
                    exp2anyreg(v);
                }
            }
        }
    }

    /** Completes a binary operation {@code e1 op e2}, leaving the result in {@code e1}. */
    void posfix(BinOpr op, ExpDesc e1, ExpDesc e2, int line) {
        dischargeVars(e2);
        if (op.isFoldable() && constFolding(op, e1, e2)) {
            return;
        }
        switch (op) {
            case AND -> {
                e2.f = fs.concat(e2.f, e1.f);
                e1.copyFrom(e2);
            }
            case OR -> {
                e2.t = fs.concat(e2.t, e1.t);
                e1.copyFrom(e2);
            }
            case CONCAT -> {
                exp2nextreg(e2);
                codeConcat(e1, e2, line);
            }
            case ADD, MUL -> codeCommutative(op, e1, e2, line);
            case SUB -> {
                if (!finishBinExpNeg(e1, e2, OpCode.ADDI, line, TM_ADD + BinOpr.SUB.ordinal())) {
                    codeArith(op, e1, e2, false, line);
                }
            }
            case DIV, IDIV, MOD, POW -> codeArith(op, e1, e2, false, line);
            case BAND, BOR, BXOR -> codeBitwise(op, e1, e2, line);
            case SHL -> {
                if (isSCint(e1)) {
                    ExpDesc.swap(e1, e2);
                    codeBinI(OpCode.SHLI, e1, e2, true, line, TM_SHL);
                } else if (!finishBinExpNeg(e1, e2, OpCode.SHRI, line, TM_SHL)) {
                    codeBinExpVal(OpCode.SHL, e1, e2, line);
                }
            }
            case SHR -> {
                if (isSCint(e2)) {
                    codeBinI(OpCode.SHRI, e1, e2, false, line, TM_SHR);
                } else {
                    codeBinExpVal(OpCode.SHR, e1, e2, line);
                }
            }
            case EQ, NE -> codeEq(op, e1, e2);
            case GT, GE -> {
                ExpDesc.swap(e1, e2);
                codeOrder(op == BinOpr.GT ? OpCode.LT : OpCode.LE, e1, e2);
            }
            case LT -> codeOrder(OpCode.LT, e1, e2);
            case LE -> codeOrder(OpCode.LE, e1, e2);
        }
    }

    private void codeConcat(ExpDesc e1, ExpDesc e2, int line) {
        int previous = fs.previousInstruction();
        if (previous != -1 && Instruction.opCode(previous) == OpCode.CONCAT) {
            int n = Instruction.b(previous);
            freeExp(e2);
            fs.set(fs.pc - 1, Instruction.setB(Instruction.setA(previous, e1.info), n + 1));
        } else {
            fs.emitABC(OpCode.CONCAT, e1.info, 2, 0);
            freeExp(e2);
            fs.fixLine(line);
        }
    }

    /** Emits {@code op} with operands e1 (made a register) and v2, then its metamethod fallback. */
    private void finishBinExpVal(ExpDesc e1, ExpDesc e2, OpCode op, int v2, boolean flip, int line,
                                 OpCode mmop, int event) {
        int v1 = exp2anyreg(e1);
        int pc = fs.emitABCk(op, 0, v1, v2, false);
        freeExps(e1, e2);
        relocatable(e1, pc);
        fs.fixLine(line);
        fs.emitABCk(mmop, v1, v2, event, flip);
        fs.fixLine(line);
    }

    private void codeBinExpVal(OpCode op, ExpDesc e1, ExpDesc e2, int line) {
        int v2 = exp2anyreg(e2);
        finishBinExpVal(e1, e2, op, v2, false, line, OpCode.MMBIN,
                TM_ADD + op.ordinal() - OpCode.ADD.ordinal());
    }

    private void codeBinI(OpCode op, ExpDesc e1, ExpDesc e2, boolean flip, int line, int event) {
        int v2 = (int) e2.ival + OFFSET_SC;
        finishBinExpVal(e1, e2, op, v2, flip, line, OpCode.MMBINI, event);
    }

    private void codeBinK(BinOpr opr, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        OpCode op = OpCode.of(OpCode.ADDK.ordinal() + opr.ordinal());
        finishBinExpVal(e1, e2, op, e2.info, flip, line, OpCode.MMBINK, TM_ADD + opr.ordinal());
    }

    /** Codes {@code e1 - k} as {@code e1 + (-k)} (and {@code e1 << k} as {@code e1 >> -k}). */
    private boolean finishBinExpNeg(ExpDesc e1, ExpDesc e2, OpCode op, int line, int event) {
        if (!isKint(e2)) {
            return false;
        }
        long i2 = e2.ival;
        if (!(fitsSC(i2) && fitsSC(-i2))) {
            return false;
        }
        int v2 = (int) i2;
        finishBinExpVal(e1, e2, op, OFFSET_SC - v2, false, line, OpCode.MMBINI, event);
        fs.set(fs.pc - 1, Instruction.setB(fs.get(fs.pc - 1), v2 + OFFSET_SC));
        return true;
    }

    private void codeArith(BinOpr opr, ExpDesc e1, ExpDesc e2, boolean flip, int line) {
        if (e2.isNumeral() && exp2K(e2)) {
            codeBinK(opr, e1, e2, flip, line);
        } else {
            if (flip) {
                ExpDesc.swap(e1, e2);
            }
            codeBinExpVal(OpCode.of(OpCode.ADD.ordinal() + opr.ordinal()), e1, e2, line);
        }
    }

    private void codeCommutative(BinOpr op, ExpDesc e1, ExpDesc e2, int line) {
        boolean flip = false;
        if (e1.isNumeral()) {
            ExpDesc.swap(e1, e2);
            flip = true;
        }
        if (op == BinOpr.ADD && isSCint(e2)) {
            codeBinI(OpCode.ADDI, e1, e2, flip, line, TM_ADD);
        } else {
            codeArith(op, e1, e2, flip, line);
        }
    }

    private void codeBitwise(BinOpr opr, ExpDesc e1, ExpDesc e2, int line) {
        boolean flip = false;
        if (e1.kind == ExpKind.KINT && exp2RK(e1)) {
            ExpDesc.swap(e1, e2);
            flip = true;
        } else if (!(e2.kind == ExpKind.KINT && exp2RK(e2))) {
            codeBinExpVal(OpCode.of(OpCode.ADD.ordinal() + opr.ordinal()), e1, e2, line);
            return;
        }
        OpCode op = OpCode.of(OpCode.ADDK.ordinal() + opr.ordinal());
        finishBinExpVal(e1, e2, op, e2.info, flip, line, OpCode.MMBINK, TM_ADD + opr.ordinal());
    }

    /** Emits an order comparison, using an immediate operand when one side is a small number. */
    private void codeOrder(OpCode op, ExpDesc e1, ExpDesc e2) {
        int r1;
        int r2;
        int im;
        if ((im = scNumber(e2)) >= 0) {
            r1 = exp2anyreg(e1);
            op = op == OpCode.LT ? OpCode.LTI : OpCode.LEI;
        } else if ((im = scNumber(e1)) >= 0) {
            r1 = exp2anyreg(e2);
            op = op == OpCode.LT ? OpCode.GTI : OpCode.GEI;
        } else {
            r1 = exp2anyreg(e1);
            r2 = exp2anyreg(e2);
            freeExps(e1, e2);
            setJump(e1, fs.condJump(op, r1, r2, 0, true));
            return;
        }
        r2 = im & 0xFF;
        freeExps(e1, e2);
        setJump(e1, fs.condJump(op, r1, r2, im >> 8, true));
    }

    private void codeEq(BinOpr opr, ExpDesc e1, ExpDesc e2) {
        if (e1.kind != ExpKind.NONRELOC) {
            ExpDesc.swap(e1, e2);
        }
        int r1 = exp2anyreg(e1);
        int r2;
        int isFloat = 0;
        OpCode op;
        int im = scNumber(e2);
        if (im >= 0) {
            op = OpCode.EQI;
            r2 = im & 0xFF;
            isFloat = im >> 8;
        } else if (exp2RK(e2)) {
            op = OpCode.EQK;
            r2 = e2.info;
        } else {
            op = OpCode.EQ;
            r2 = exp2anyreg(e2);
        }
        freeExps(e1, e2);
        setJump(e1, fs.condJump(op, r1, r2, isFloat, opr == BinOpr.EQ));
    }

    private static void setJump(ExpDesc e, int pc) {
        e.kind = ExpKind.JMP;
        e.info = pc;
    }

    // ---- tables

    /** Fixes the size hints of the NEWTABLE at {@code pc} (and its EXTRAARG) once they are known. */
    void setTableSize(int pc, int ra, int asize, int hsize) {
        int rb = hsize != 0 ? ceilLog2(hsize) + 1 : 0;
        int extra = asize / (MAXARG_C + 1);
        int rc = asize % (MAXARG_C + 1);
        fs.set(pc, Instruction.createABCk(OpCode.NEWTABLE, ra, rb, rc, extra > 0));
        fs.set(pc + 1, Instruction.createAx(OpCode.EXTRAARG, extra));
    }

    private static int ceilLog2(int x) {
        return 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    /** Stores {@code tostore} pending list items (MULTRET: up to the top) after {@code nelems} stored ones. */
    void setList(int base, int nelems, int tostore) {
        if (tostore == MULTRET) {
            tostore = 0;
        }
        if (nelems <= MAXARG_C) {
            fs.emitABC(OpCode.SETLIST, base, tostore, nelems);
        } else {
            int extra = nelems / (MAXARG_C + 1);
            fs.emitABCk(OpCode.SETLIST, base, tostore, nelems % (MAXARG_C + 1), true);
            fs.emitExtraArg(extra);
        }
        fs.freereg = base + 1;
    }
}
