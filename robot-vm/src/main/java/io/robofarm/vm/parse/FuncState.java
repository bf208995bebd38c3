package io.robofarm.vm.parse;

import io.robofarm.vm.code.Instruction;
import io.robofarm.vm.code.LocalVarInfo;
import io.robofarm.vm.code.OpCode;
import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.code.UpvalueDesc;
import io.robofarm.vm.lex.Lexer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.robofarm.vm.code.Instruction.MAXARG_A;
import static io.robofarm.vm.code.Instruction.MAXARG_BX;
import static io.robofarm.vm.code.Instruction.OFFSET_SJ;

/**
 * One function under construction: its code and line table, constants, nested functions,
 * upvalues, local-variable debug info, register allocation and jump lists. A jump list is a
 * chain of JMP instructions linked through their offsets, ending at {@link #NO_JUMP}; it is
 * patched once the target is known.
 */
final class FuncState {
    static final int NO_JUMP = -1;
    /** Marks "no register" for a TESTSET whose value is not needed. */
    static final int NO_REG = MAXARG_A;
    private static final int MAX_REGS = 255;
    private static final int MAX_UPVALUES = 255;
    private static final int MAX_FINAL_TARGET_HOPS = 100;

    final FuncState prev;
    final Lexer lexer;
    /** Active variables of all enclosing functions; this function's start at {@link #firstLocal}. */
    final List<VarDesc> actVars;
    final int lineDefined;
    final int firstLocal;
    final int firstLabel;
    int lastLineDefined;
    int numParams;
    boolean isVararg;
    BlockScope block;
    /** Number of active local variables, including compile-time constants. */
    int nactvar;
    /** First free register. */
    int freereg;
    int maxStackSize = 2;
    /** Some return must close upvalues or to-be-closed variables. */
    boolean needClose;

    private int[] code = new int[32];
    private int[] lines = new int[32];
    int pc;
    /** Last pc that is a jump target; instructions before it must not be merged with new ones. */
    int lastTarget;
    final ConstantPool constants;
    final List<Prototype> protos = new ArrayList<>();
    final List<UpvalueDesc> upvalues = new ArrayList<>();
    private final List<String> localNames = new ArrayList<>();
    private int[] localStart = new int[8];
    private int[] localEnd = new int[8];

    FuncState(FuncState prev, Lexer lexer, List<VarDesc> actVars, List<LabelDesc> labels,
              Map<Object, Integer> constantCache, int lineDefined) {
        this.prev = prev;
        this.constants = new ConstantPool(constantCache);
        this.lexer = lexer;
        this.actVars = actVars;
        this.lineDefined = lineDefined;
        this.firstLocal = actVars.size();
        this.firstLabel = labels.size();
    }

    // ---- instructions

    int emit(int instruction) {
        if (pc == code.length) {
            code = Arrays.copyOf(code, pc * 2);
            lines = Arrays.copyOf(lines, pc * 2);
        }
        code[pc] = instruction;
        lines[pc] = lexer.lastLine();
        return pc++;
    }

    int emitABC(OpCode op, int a, int b, int c) {
        return emit(Instruction.createABC(op, a, b, c));
    }

    int emitABCk(OpCode op, int a, int b, int c, boolean k) {
        return emit(Instruction.createABCk(op, a, b, c, k));
    }

    int emitABx(OpCode op, int a, int bx) {
        return emit(Instruction.createABx(op, a, bx));
    }

    int emitAsBx(OpCode op, int a, int sbx) {
        return emit(Instruction.createAsBx(op, a, sbx));
    }

    int emitExtraArg(int ax) {
        return emit(Instruction.createAx(OpCode.EXTRAARG, ax));
    }

    /** Loads constant {@code k} into {@code reg}, with LOADKX when the index does not fit Bx. */
    int emitLoadK(int reg, int k) {
        if (k <= MAXARG_BX) {
            return emitABx(OpCode.LOADK, reg, k);
        }
        int p = emitABx(OpCode.LOADKX, reg, 0);
        emitExtraArg(k);
        return p;
    }

    int get(int at) {
        return code[at];
    }

    void set(int at, int instruction) {
        code[at] = instruction;
    }

    /** Gives the last instruction the line where its construct began. */
    void fixLine(int line) {
        lines[pc - 1] = line;
    }

    void removeLastInstruction() {
        pc--;
    }

    /** The previous instruction if it may be merged with a new one, else -1 (an invalid instruction). */
    int previousInstruction() {
        return pc > lastTarget ? code[pc - 1] : -1;
    }

    /** Marks the current pc as a jump target and returns it. */
    int label() {
        lastTarget = pc;
        return pc;
    }

    /** Sets registers from..from+n-1 to nil, extending the previous LOADNIL when adjacent. */
    void loadNil(int from, int n) {
        int last = from + n - 1;
        int previous = previousInstruction();
        if (previous != -1 && Instruction.opCode(previous) == OpCode.LOADNIL) {
            int pfrom = Instruction.a(previous);
            int plast = pfrom + Instruction.b(previous);
            if ((pfrom <= from && from <= plast + 1) || (from <= pfrom && pfrom <= last + 1)) {
                from = Math.min(from, pfrom);
                last = Math.max(last, plast);
                code[pc - 1] = Instruction.setB(Instruction.setA(previous, from), last - from);
                return;
            }
        }
        emitABC(OpCode.LOADNIL, from, n - 1, 0);
    }

    /** Emits a return of {@code nret} values starting at {@code first}. */
    void ret(int first, int nret) {
        OpCode op = switch (nret) {
            case 0 -> OpCode.RETURN0;
            case 1 -> OpCode.RETURN1;
            default -> OpCode.RETURN;
        };
        emitABC(op, first, nret + 1, 0);
    }

    // ---- jumps

    int jump() {
        return emit(Instruction.createsJ(OpCode.JMP, NO_JUMP));
    }

    /** Emits a test followed by its jump; returns the jump's pc. */
    int condJump(OpCode op, int a, int b, int c, boolean k) {
        emitABCk(op, a, b, c, k);
        return jump();
    }

    private int nextJump(int at) {
        int offset = Instruction.sj(code[at]);
        return offset == NO_JUMP ? NO_JUMP : at + 1 + offset;
    }

    void fixJump(int at, int dest) {
        int offset = dest - (at + 1);
        if (offset < -OFFSET_SJ || offset > Instruction.MAXARG_SJ - OFFSET_SJ) {
            throw lexer.syntaxError("control structure too long");
        }
        code[at] = Instruction.setSJ(code[at], offset);
    }

    /** Appends list {@code l2} to list {@code l1}; returns the joined list. */
    int concat(int l1, int l2) {
        if (l2 == NO_JUMP) {
            return l1;
        }
        if (l1 == NO_JUMP) {
            return l2;
        }
        int list = l1;
        for (int next = nextJump(list); next != NO_JUMP; next = nextJump(list)) {
            list = next;
        }
        fixJump(list, l2);
        return l1;
    }

    /** The instruction that controls the jump at {@code at}: its test, if it has one. */
    int jumpControlPc(int at) {
        return at >= 1 && Instruction.opCode(code[at - 1]).isTest ? at - 1 : at;
    }

    /**
     * Makes the TESTSET controlling a jump store into {@code reg}, or turns it into a plain TEST
     * when no register is wanted. Returns false when the jump is not controlled by a TESTSET.
     */
    private boolean patchTestReg(int node, int reg) {
        int at = jumpControlPc(node);
        int i = code[at];
        if (Instruction.opCode(i) != OpCode.TESTSET) {
            return false;
        }
        if (reg != NO_REG && reg != Instruction.b(i)) {
            code[at] = Instruction.setA(i, reg);
        } else {
            code[at] = Instruction.createABCk(OpCode.TEST, Instruction.b(i), 0, 0, Instruction.k(i));
        }
        return true;
    }

    /** Drops the values a list would produce: its TESTSETs become TESTs. */
    void removeValues(int list) {
        for (; list != NO_JUMP; list = nextJump(list)) {
            patchTestReg(list, NO_REG);
        }
    }

    /** True if some jump in the list is not a TESTSET, so it produces no value by itself. */
    boolean needValue(int list) {
        for (; list != NO_JUMP; list = nextJump(list)) {
            if (Instruction.opCode(code[jumpControlPc(list)]) != OpCode.TESTSET) {
                return true;
            }
        }
        return false;
    }

    /**
     * Patches a list: jumps whose TESTSET can store into {@code reg} go to {@code valueTarget},
     * the others to {@code defaultTarget}.
     */
    void patchListAux(int list, int valueTarget, int reg, int defaultTarget) {
        while (list != NO_JUMP) {
            int next = nextJump(list);
            fixJump(list, patchTestReg(list, reg) ? valueTarget : defaultTarget);
            list = next;
        }
    }

    void patchList(int list, int target) {
        patchListAux(list, target, NO_REG, target);
    }

    void patchToHere(int list) {
        patchList(list, label());
    }

    void jumpTo(int target) {
        patchList(jump(), target);
    }

    // ---- registers

    /** Number of registers holding active local variables. */
    int nvarstack() {
        return regLevel(nactvar);
    }

    /** Register level below the first {@code nvar} variables (compile-time constants take none). */
    int regLevel(int nvar) {
        while (nvar-- > 0) {
            VarDesc vd = localVar(nvar);
            if (!vd.isCompileTimeConstant()) {
                return vd.ridx + 1;
            }
        }
        return 0;
    }

    VarDesc localVar(int vidx) {
        return actVars.get(firstLocal + vidx);
    }

    void checkStack(int n) {
        int newStack = freereg + n;
        if (newStack > maxStackSize) {
            if (newStack >= MAX_REGS) {
                throw lexer.syntaxError("function or expression needs too many registers");
            }
            maxStackSize = newStack;
        }
    }

    void reserveRegs(int n) {
        checkStack(n);
        freereg += n;
    }

    /** Frees a temporary register; registers must be freed in stack order. */
    void freeReg(int reg) {
        if (reg >= nvarstack()) {
            freereg--;
        }
    }

    void freeRegs(int r1, int r2) {
        if (r1 > r2) {
            freeReg(r1);
            freeReg(r2);
        } else {
            freeReg(r2);
            freeReg(r1);
        }
    }

    // ---- variables and upvalues

    /** Starts the debug range of a local variable; returns its index in the debug list. */
    int registerLocalVar(String name) {
        int n = localNames.size();
        if (n == localStart.length) {
            localStart = Arrays.copyOf(localStart, n * 2);
            localEnd = Arrays.copyOf(localEnd, n * 2);
        }
        localNames.add(name);
        localStart[n] = pc;
        return n;
    }

    void setLocalStart(int pidx, int startPc) {
        localStart[pidx] = startPc;
    }

    void setLocalEnd(int pidx, int endPc) {
        localEnd[pidx] = endPc;
    }

    int searchUpvalue(String name) {
        for (int i = 0; i < upvalues.size(); i++) {
            if (upvalues.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int addUpvalue(UpvalueDesc up) {
        if (upvalues.size() + 1 > MAX_UPVALUES) {
            throw Limits.error(this, MAX_UPVALUES, "upvalues");
        }
        upvalues.add(up);
        return upvalues.size() - 1;
    }

    /** Flags that the block declaring variable {@code level} has a variable captured by a closure. */
    void markUpval(int level) {
        BlockScope bl = block;
        while (bl.nactvar > level) {
            bl = bl.previous;
        }
        bl.upval = true;
        needClose = true;
    }

    void markToBeClosed() {
        block.upval = true;
        block.insideTbc = true;
        needClose = true;
    }

    // ---- completion

    /**
     * Final pass: returns get their "close upvalues" and "vararg" flags, and jumps to jumps go
     * straight to their final destination.
     */
    void finish() {
        for (int i = 0; i < pc; i++) {
            int ins = code[i];
            switch (Instruction.opCode(ins)) {
                case RETURN0, RETURN1 -> {
                    if (needClose || isVararg) {
                        code[i] = finishReturn(Instruction.setOp(ins, OpCode.RETURN));
                    }
                }
                case RETURN, TAILCALL -> code[i] = finishReturn(ins);
                case JMP -> fixJump(i, finalTarget(i));
                default -> {
                }
            }
        }
    }

    private int finishReturn(int ins) {
        if (needClose) {
            ins = Instruction.setK(ins, true);
        }
        if (isVararg) {
            ins = Instruction.setC(ins, numParams + 1);
        }
        return ins;
    }

    private int finalTarget(int i) {
        for (int count = 0; count < MAX_FINAL_TARGET_HOPS; count++) {
            int ins = code[i];
            if (Instruction.opCode(ins) != OpCode.JMP) {
                break;
            }
            i += Instruction.sj(ins) + 1;
        }
        return i;
    }

    Prototype toPrototype(String source) {
        LocalVarInfo[] locals = new LocalVarInfo[localNames.size()];
        for (int i = 0; i < locals.length; i++) {
            locals[i] = new LocalVarInfo(localNames.get(i), localStart[i], localEnd[i]);
        }
        return new Prototype(source, lineDefined, lastLineDefined, numParams, isVararg, maxStackSize,
                Arrays.copyOf(code, pc), constants.toArray(), upvalues.toArray(new UpvalueDesc[0]),
                protos.toArray(new Prototype[0]), Arrays.copyOf(lines, pc), locals);
    }
}
