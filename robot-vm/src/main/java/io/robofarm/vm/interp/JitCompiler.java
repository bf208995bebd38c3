package io.robofarm.vm.interp;

import io.robofarm.vm.classfile.ClassWriter;
import io.robofarm.vm.classfile.Code;
import io.robofarm.vm.classfile.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.robofarm.vm.classfile.Opcodes.*;
import static io.robofarm.vm.interp.Interpreter.*;

/**
 * Translates one Lua function into a JVM class whose {@link CompiledCode#run} does what
 * {@link Interpreter}'s dispatch loop would do for it, instruction by instruction, without fetching,
 * decoding or dispatching: each Lua instruction becomes its common case with the operands built in
 * (mostly calls of {@link FastPaths} bodies, which HotSpot inlines), and HotSpot then profiles and
 * compiles every Lua function on its own instead of one shared loop for all of them.
 *
 * <p>Registers stay in the coroutine's heap arrays. General cases run in {@link ColdOps} and calls
 * of Java functions run to completion, after which the code goes on; it leaves to the interpreter's
 * loop, with the frame's pc saved, when another frame must run (a Lua call, a return, a coroutine
 * switch), and the loop enters it again at the saved pc through the switch at its start. So a VM can still stop
 * between any two instructions, and its state is always on the heap. Fuel is counted at the same
 * places as in the interpreter, so limits are exact either way.
 */
final class JitCompiler {
    /** HotSpot does not compile methods over 8000 bytes of bytecode; larger functions stay interpreted. */
    static final int MAX_METHOD_BYTES = 7500;

    private static final String PKG = "io/robofarm/vm/interp/";
    private static final String STATE = PKG + "LuaState", FRAME = PKG + "CallFrame", VM = PKG + "Vm",
            OPS = PKG + "FastPaths", UPVALUE = PKG + "UpValue", CLOSURE = PKG + "LuaClosure",
            CODE = PKG + "FunctionCode", SLOTS = PKG + "Slots";
    private static final String D_STATE = "L" + STATE + ";", D_FRAME = "L" + FRAME + ";",
            D_OBJECT = "Ljava/lang/Object;", D_UPVALUE = "L" + UPVALUE + ";", D_HINTS = "[I";
    private static final String RN = "[Ljava/lang/Object;[J";
    private static final String RUN_DESCRIPTOR = "(" + D_STATE + D_FRAME + ")" + D_STATE;

    /** Locals of the generated run method. */
    private static final int L_STATE = 1, L_FRAME = 2, L_REFS = 3, L_NUMS = 4, L_BASE = 5, L_VM = 6, L_UP = 7,
            L_HINTS = 8, L_KREFS = 9, L_KNUMS = 10, L_TMP = 11, L_LONG = 12, L_INT = 14, L_NEXT = 15, L_KVALUES = 16,
            LOCALS = 17;
    private static final int MAX_STACK = 16;

    private final FunctionCode fc;
    private final int[] code;
    private final Code m;
    private final Label[] labels;
    private final List<Runnable> outOfLine = new ArrayList<>();

    private JitCompiler(FunctionCode fc, ClassWriter cw) {
        this.fc = fc;
        this.code = fc.code;
        this.m = cw.method(ClassWriter.ACC_PUBLIC, "run", RUN_DESCRIPTOR, LOCALS, MAX_STACK);
        this.labels = new Label[code.length];
        for (int p = 0; p < labels.length; p++) {
            labels[p] = new Label();
        }
    }

    /**
     * The class file of {@code fc}'s compiled code, named {@code className}, or null when it would be
     * too large for HotSpot to compile.
     */
    static byte[] compile(FunctionCode fc, String className) {
        ClassWriter cw = new ClassWriter(className, "java/lang/Object", PKG + "CompiledCode");
        Code init = cw.method(0, "<init>", "()V", 1, 1);
        init.local(ALOAD, 0).invokeSpecial("java/lang/Object", "<init>", "()V").op(RETURN).finish();
        JitCompiler compiler = new JitCompiler(fc, cw);
        compiler.body();
        if (compiler.m.size() > MAX_METHOD_BYTES) {
            return null;
        }
        compiler.m.finish();
        return cw.toByteArray();
    }

    private void body() {
        prologue();
        for (int p = 0; p < code.length; p++) {
            m.place(labels[p]);
            instruction(p, code[p]);
        }
        for (int j = 0; j < outOfLine.size(); j++) {
            outOfLine.get(j).run();
        }
    }

    private void prologue() {
        m.local(ALOAD, L_STATE).field(GETFIELD, STATE, "refs", "[Ljava/lang/Object;").local(ASTORE, L_REFS);
        m.local(ALOAD, L_STATE).field(GETFIELD, STATE, "nums", "[J").local(ASTORE, L_NUMS);
        m.local(ALOAD, L_STATE).field(GETFIELD, STATE, "vm", "L" + VM + ";").local(ASTORE, L_VM);
        m.local(ALOAD, L_FRAME).field(GETFIELD, FRAME, "base", "I").local(ISTORE, L_BASE);
        m.local(ALOAD, L_FRAME).field(GETFIELD, FRAME, "closure", "L" + CLOSURE + ";");
        m.op(DUP).field(GETFIELD, CLOSURE, "upvalues", "[" + D_UPVALUE).local(ASTORE, L_UP);
        m.field(GETFIELD, CLOSURE, "code", "L" + CODE + ";");
        m.op(DUP).field(GETFIELD, CODE, "slotHints", D_HINTS).local(ASTORE, L_HINTS);
        m.op(DUP).field(GETFIELD, CODE, "kRefs", "[Ljava/lang/Object;").local(ASTORE, L_KREFS);
        m.op(DUP).field(GETFIELD, CODE, "kValues", "[Ljava/lang/Object;").local(ASTORE, L_KVALUES);
        m.field(GETFIELD, CODE, "kNums", "[J").local(ASTORE, L_KNUMS);
        Label bad = new Label();
        m.local(ALOAD, L_FRAME).field(GETFIELD, FRAME, "pc", "I").local(ISTORE, L_INT);
        m.local(ILOAD, L_INT).tableSwitch(0, bad, labels);
        m.place(bad);
        m.local(ILOAD, L_INT).invokeStatic(OPS, "badEntry", "(I)Ljava/lang/RuntimeException;").op(ATHROW);
    }

    private void instruction(int p, int i) {
        int op = i & 0x7F;
        int a = (i >>> 7) & 0xFF;
        int b = (i >>> 16) & 0xFF;
        int c = i >>> 24;
        boolean k = (i & 0x8000) != 0;
        switch (op) {
            case OP_MOVE -> move(a, b);
            case OP_LOADI -> loadNumber(a, Slots.INT, (i >>> 15) - OFFSET_SBX);
            case OP_LOADF -> loadNumber(a, Slots.FLT, Double.doubleToRawLongBits((i >>> 15) - OFFSET_SBX));
            case OP_LOADK -> loadConstant(a, i >>> 15);
            case OP_LOADFALSE -> loadBoolean(a, "FALSE");
            case OP_LFALSESKIP -> {
                loadBoolean(a, "FALSE");
                m.jump(GOTO, labels[p + 2]);
            }
            case OP_LOADTRUE -> loadBoolean(a, "TRUE");
            case OP_LOADNIL -> {
                for (int j = 0; j <= b; j++) {
                    m.local(ALOAD, L_REFS);
                    reg(a + j);
                    m.op(ACONST_NULL).op(AASTORE);
                }
            }
            case OP_GETUPVAL, OP_SETUPVAL -> {
                refsNums();
                reg(a);
                m.local(ALOAD, L_UP).iconst(b).op(AALOAD);
                m.invokeStatic(OPS, op == OP_GETUPVAL ? "getUpvalue" : "setUpvalue", "(" + RN + "I" + D_UPVALUE + ")V");
            }
            case OP_GETTABUP -> {
                refsNums();
                reg(a);
                m.local(ALOAD, L_UP).iconst(b).op(AALOAD);
                stringConstant(c);
                hintsAt(p);
                fastOrCold(p, i, "getTabUp", "(" + RN + "I" + D_UPVALUE + "Ljava/lang/String;[II)Z");
            }
            case OP_GETFIELD, OP_SELF -> {
                if (op == OP_SELF && !k) {
                    cold(p, i);
                    break;
                }
                refsNums();
                reg(a);
                reg(b);
                stringConstant(c);
                hintsAt(p);
                fastOrCold(p, i, op == OP_SELF ? "self" : "getField", "(" + RN + "IILjava/lang/String;[II)Z");
            }
            case OP_GETTABLE -> {
                refsNums();
                reg(a);
                reg(b);
                reg(c);
                fastOrCold(p, i, "getTable", "(" + RN + "III)Z");
            }
            case OP_GETI -> {
                refsNums();
                reg(a);
                reg(b);
                m.lconst(c);
                fastOrCold(p, i, "getIndex", "(" + RN + "IIJ)Z");
            }
            case OP_SETFIELD -> {
                m.local(ALOAD, L_REFS);
                reg(a);
                stringConstant(b);
                valueOf(c, k);
                hintsAt(p);
                fastOrCold(p, i, "setField", "([Ljava/lang/Object;ILjava/lang/String;" + D_OBJECT + "[II)Z");
            }
            case OP_SETTABLE -> {
                refsNums();
                reg(a);
                reg(b);
                valueOf(c, k);
                fastOrCold(p, i, "setTable", "(" + RN + "II" + D_OBJECT + ")Z");
            }
            case OP_SETI -> {
                m.local(ALOAD, L_REFS);
                reg(a);
                m.lconst(b);
                valueOf(c, k);
                fastOrCold(p, i, "setIndex", "([Ljava/lang/Object;IJ" + D_OBJECT + ")Z");
            }
            case OP_ADD, OP_SUB, OP_MUL -> integerArith(p, i, op - OP_ADD, a, b, () -> number(c), notInt -> tagIs(c, Slots.INT, notInt), () -> {
                refsNums();
                reg(a);
                reg(b);
                reg(c);
                m.iconst(op - OP_ADD).invokeStatic(OPS, "arithFloat", "(" + RN + "IIII)Z");
            }, true);
            case OP_ADDK, OP_SUBK, OP_MULK -> {
                Object tag = fc.kRefs[c];
                long bits = fc.kNums[c];
                int arith = op - OP_ADDK;
                if (tag == Slots.INT) {
                    integerArith(p, i, arith, a, b, () -> m.lconst(bits), null,
                            () -> floatArithK(a, b, (double) bits, arith), true);
                } else if (tag == Slots.FLT) {
                    floatOnly(p, i, () -> floatArithK(a, b, Double.longBitsToDouble(bits), arith), true);
                } else {
                    cold(p, i);
                }
            }
            case OP_ADDI -> {
                long imm = c - OFFSET_SC;
                integerArith(p, i, Arith.ADD, a, b, () -> m.lconst(imm), null,
                        () -> floatArithK(a, b, imm, Arith.ADD), false);
            }
            case OP_DIV -> floatOnly(p, i, () -> {
                refsNums();
                reg(a);
                reg(b);
                reg(c);
                m.iconst(Arith.DIV).invokeStatic(OPS, "arithFloat", "(" + RN + "IIII)Z");
            }, false);
            case OP_DIVK -> {
                if (Arith.isNumber(fc.kRefs[c])) {
                    double y = Arith.toDouble(fc.kRefs[c], fc.kNums[c]);
                    floatOnly(p, i, () -> floatArithK(a, b, y, Arith.DIV), false);
                } else {
                    m.jump(GOTO, labels[p + 1]);
                }
            }
            case OP_MOD, OP_IDIV, OP_MODK, OP_IDIVK -> {
                boolean constant = op == OP_MODK || op == OP_IDIVK;
                m.local(ALOAD, L_STATE);
                refsNums();
                reg(a);
                tagged(b, false);
                tagged(c, constant);
                m.iconst(op == OP_MOD || op == OP_MODK ? Arith.MOD : Arith.IDIV);
                m.invokeStatic(OPS, "divide", "(" + D_STATE + RN + "I" + D_OBJECT + "J" + D_OBJECT + "JI)Z");
                m.jump(IFNE, labels[p + 2]);
            }
            case OP_BAND, OP_BOR, OP_BXOR, OP_BANDK, OP_BORK, OP_BXORK, OP_SHRI -> {
                refsNums();
                reg(a);
                tagged(b, false);
                if (op == OP_SHRI) {
                    m.field(GETSTATIC, SLOTS, "INT", D_OBJECT).lconst(c - OFFSET_SC);
                } else {
                    tagged(c, op >= OP_BANDK && op <= OP_BXORK);
                }
                int arith = op == OP_SHRI ? Arith.SHR : op >= OP_BAND ? op - OP_ADD : op - OP_ADDK;
                m.iconst(arith).invokeStatic(OPS, "bitwise", "(" + RN + "I" + D_OBJECT + "J" + D_OBJECT + "JI)Z");
                Label slow = coldLabel(p, i);
                m.jump(IFEQ, slow).jump(GOTO, labels[p + 2]);
            }
            case OP_UNM, OP_LEN -> {
                refsNums();
                reg(a);
                reg(b);
                fastOrCold(p, i, op == OP_UNM ? "unaryMinus" : "length", "(" + RN + "II)Z");
            }
            case OP_NOT -> {
                m.local(ALOAD, L_REFS);
                reg(a);
                m.local(ALOAD, L_REFS);
                reg(b);
                m.op(AALOAD).invokeStatic(OPS, "truthy", "(" + D_OBJECT + ")Z");
                Label isFalse = new Label();
                Label store = new Label();
                m.jump(IFEQ, isFalse).field(GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;");
                m.jump(GOTO, store).place(isFalse);
                m.field(GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;").place(store).op(AASTORE);
            }
            case OP_JMP -> jump(p, p + 1 + ((i >>> 7) - OFFSET_SJ));
            case OP_EQ -> {
                refsNums();
                reg(a);
                reg(b);
                m.invokeStatic(OPS, "equal", "(" + RN + "II)I");
                conditional(p, i, k);
            }
            case OP_EQK -> {
                tagged(a, false);
                tagged(b, true);
                m.invokeStatic(PKG + "Arith", "rawEquals", "(" + D_OBJECT + "J" + D_OBJECT + "J)Z");
                m.jump(k ? IFEQ : IFNE, labels[p + 2]);
            }
            case OP_LT, OP_LE -> compare(p, i, k, a, () -> number(b), notInt -> tagIs(b, Slots.INT, notInt), () -> {
                refsNums();
                reg(a);
                reg(b);
                m.iconst(op == OP_LE ? 1 : 0).invokeStatic(OPS, "less", "(" + RN + "IIZ)I");
            });
            case OP_EQI, OP_LTI, OP_LEI, OP_GTI, OP_GEI -> {
                int imm = b - OFFSET_SC;
                compare(p, i, k, a, () -> m.lconst(imm), null, () -> {
                    refsNums();
                    reg(a);
                    m.iconst(imm).iconst(op).invokeStatic(OPS, "compareImmediate", "(" + RN + "III)I");
                });
            }
            case OP_TEST -> {
                m.local(ALOAD, L_REFS);
                reg(a);
                m.op(AALOAD).invokeStatic(OPS, "truthy", "(" + D_OBJECT + ")Z");
                m.jump(k ? IFEQ : IFNE, labels[p + 2]);
            }
            case OP_TESTSET -> {
                m.local(ALOAD, L_REFS);
                reg(b);
                m.op(AALOAD).invokeStatic(OPS, "truthy", "(" + D_OBJECT + ")Z");
                m.jump(k ? IFEQ : IFNE, labels[p + 2]);
                move(a, b);
            }
            case OP_CALL -> {
                m.local(ALOAD, L_STATE).local(ALOAD, L_FRAME).local(ALOAD, L_VM);
                reg(a);
                m.iconst(b).iconst(c - 1).iconst(p + 1);
                m.invokeStatic(OPS, "call", "(" + D_STATE + D_FRAME + "L" + VM + ";IIII)" + D_STATE);
                continueOrLeave(p);
            }
            case OP_RETURN0 -> m.local(ALOAD, L_STATE).local(ALOAD, L_FRAME)
                    .invokeStatic(OPS, "return0", "(" + D_STATE + D_FRAME + ")" + D_STATE).op(ARETURN);
            case OP_RETURN1 -> {
                m.local(ALOAD, L_STATE).local(ALOAD, L_FRAME);
                reg(a);
                m.invokeStatic(OPS, "return1", "(" + D_STATE + D_FRAME + "I)" + D_STATE).op(ARETURN);
            }
            case OP_FORLOOP -> forLoop(p, i, a);
            case OP_TFORLOOP -> {
                Label done = labels[p + 1];
                m.local(ALOAD, L_REFS);
                reg(a + 4);
                m.op(AALOAD).op(DUP).local(ASTORE, L_TMP).jump(IFNULL, done);
                m.local(ALOAD, L_REFS);
                reg(a + 2);
                m.local(ALOAD, L_TMP).op(AASTORE);
                m.local(ALOAD, L_NUMS);
                reg(a + 2);
                m.local(ALOAD, L_NUMS);
                reg(a + 4);
                m.op(LALOAD).op(LASTORE);
                backEdge(p + 1 - (i >>> 15));
            }
            default -> cold(p, i);
        }
    }

    /** R[a] := R[b] with its number bits. */
    private void move(int a, int b) {
        m.local(ALOAD, L_REFS);
        reg(a);
        m.local(ALOAD, L_REFS);
        reg(b);
        m.op(AALOAD).op(AASTORE);
        m.local(ALOAD, L_NUMS);
        reg(a);
        m.local(ALOAD, L_NUMS);
        reg(b);
        m.op(LALOAD).op(LASTORE);
    }

    private void loadNumber(int a, Object tag, long bits) {
        m.local(ALOAD, L_REFS);
        reg(a);
        m.field(GETSTATIC, SLOTS, tag == Slots.INT ? "INT" : "FLT", D_OBJECT).op(AASTORE);
        m.local(ALOAD, L_NUMS);
        reg(a);
        m.lconst(bits).op(LASTORE);
    }

    private void loadConstant(int a, int bx) {
        Object tag = fc.kRefs[bx];
        if (tag == Slots.INT || tag == Slots.FLT) {
            loadNumber(a, tag, fc.kNums[bx]);
            return;
        }
        m.local(ALOAD, L_REFS);
        reg(a);
        m.local(ALOAD, L_KREFS).iconst(bx).op(AALOAD).op(AASTORE);
    }

    private void loadBoolean(int a, String which) {
        m.local(ALOAD, L_REFS);
        reg(a);
        m.field(GETSTATIC, "java/lang/Boolean", which, "Ljava/lang/Boolean;").op(AASTORE);
    }

    /** Pushes the absolute index of register {@code a}. */
    private void reg(int a) {
        m.local(ILOAD, L_BASE).iconst(a).op(IADD);
    }

    /** Pushes the number bits of register {@code r}. */
    private void number(int r) {
        m.local(ALOAD, L_NUMS);
        reg(r);
        m.op(LALOAD);
    }

    private void refsNums() {
        m.local(ALOAD, L_REFS).local(ALOAD, L_NUMS);
    }

    /** Pushes constant string {@code c} (the interned string the constant table holds). */
    private void stringConstant(int c) {
        m.local(ALOAD, L_KREFS).iconst(c).op(AALOAD).type(CHECKCAST, "java/lang/String");
    }

    /** Pushes the value of RK(c) as SETFIELD and friends store it: constants boxed once, registers now. */
    private void valueOf(int c, boolean constant) {
        if (constant) {
            m.local(ALOAD, L_KVALUES).iconst(c).op(AALOAD);
        } else {
            refsNums();
            reg(c);
            m.invokeStatic(SLOTS, "get", "(" + RN + "I)" + D_OBJECT);
        }
    }

    /** Pushes the tag and the number bits of register {@code r}, or of constant {@code r}. */
    private void tagged(int r, boolean constant) {
        if (constant) {
            m.local(ALOAD, L_KREFS).iconst(r).op(AALOAD).local(ALOAD, L_KNUMS).iconst(r).op(LALOAD);
        } else {
            m.local(ALOAD, L_REFS);
            reg(r);
            m.op(AALOAD).local(ALOAD, L_NUMS);
            reg(r);
            m.op(LALOAD);
        }
    }

    private void hintsAt(int p) {
        m.local(ALOAD, L_HINTS).iconst(p);
    }

    /** Branches to {@code onFalse} unless register {@code r}'s tag is {@code tag}. */
    private void tagIs(int r, Object tag, Label onFalse) {
        m.local(ALOAD, L_REFS);
        reg(r);
        m.op(AALOAD).field(GETSTATIC, SLOTS, tag == Slots.INT ? "INT" : "FLT", D_OBJECT).jump(IF_ACMPNE, onFalse);
    }

    /** Calls a {@link FastPaths} body that answers whether it did the work; if not, the instruction goes cold. */
    private void fastOrCold(int p, int i, String body, String descriptor) {
        m.invokeStatic(OPS, body, descriptor);
        m.jump(IFEQ, coldLabel(p, i));
    }

    /** The instruction in its general case, run by {@link ColdOps}; the compiled code leaves. */
    private void cold(int p, int i) {
        m.local(ALOAD, L_STATE).local(ALOAD, L_FRAME).iconst(p + 1).iconst(i);
        m.invokeStatic(OPS, "cold", "(" + D_STATE + D_FRAME + "II)" + D_STATE);
        continueOrLeave(p);
    }

    /**
     * After instruction {@code p} ran out of line, leaving the state to run next on the stack: when
     * that is still this frame, at the next instruction or the one after, the code goes on there with
     * its registers reloaded (the stack may have grown, VARARGPREP moves the base); else it leaves.
     */
    private void continueOrLeave(int p) {
        Label leave = new Label();
        m.local(ASTORE, L_NEXT).local(ALOAD, L_NEXT).local(ALOAD, L_STATE).local(ALOAD, L_FRAME);
        m.invokeStatic(OPS, "stays", "(" + D_STATE + D_STATE + D_FRAME + ")Z").jump(IFEQ, leave);
        m.local(ALOAD, L_STATE).field(GETFIELD, STATE, "refs", "[Ljava/lang/Object;").local(ASTORE, L_REFS);
        m.local(ALOAD, L_STATE).field(GETFIELD, STATE, "nums", "[J").local(ASTORE, L_NUMS);
        m.local(ALOAD, L_FRAME).field(GETFIELD, FRAME, "base", "I").local(ISTORE, L_BASE);
        m.local(ALOAD, L_FRAME).field(GETFIELD, FRAME, "pc", "I").local(ISTORE, L_INT);
        for (int next = p + 1; next <= p + 2 && next < labels.length; next++) {
            m.local(ILOAD, L_INT).iconst(next).jump(IF_ICMPEQ, labels[next]);
        }
        m.place(leave);
        m.local(ALOAD, L_NEXT).op(ARETURN);
    }

    /** A label placed out of line that runs instruction {@code i} cold. */
    private Label coldLabel(int p, int i) {
        Label label = new Label();
        outOfLine.add(() -> {
            m.place(label);
            cold(p, i);
        });
        return label;
    }

    private void floatArithK(int a, int b, double y, int arith) {
        refsNums();
        reg(a);
        reg(b);
        m.dconst(y).iconst(arith).invokeStatic(OPS, "arithFloatK", "(" + RN + "IIDI)Z");
    }

    /**
     * An arithmetic instruction followed by MMBIN: the integer case inline, the float case out of line
     * through {@code floatCase} (a call answering whether it applied), and else the general case cold
     * ({@code coldOtherwise}) or the MMBIN after it.
     */
    private void integerArith(int p, int i, int arith, int a, int b, Runnable pushSecond,
            Consumer<Label> secondIsInt, Runnable floatCase, boolean coldOtherwise) {
        Label notInt = new Label();
        Label mmbin = coldOtherwise ? coldLabel(p, i) : labels[p + 1];
        tagIs(b, Slots.INT, notInt);
        if (secondIsInt != null) {
            secondIsInt.accept(notInt);
        }
        m.local(ALOAD, L_NUMS);
        reg(a);
        m.local(ALOAD, L_NUMS);
        reg(b);
        m.op(LALOAD);
        pushSecond.run();
        m.op(arith == Arith.ADD ? LADD : arith == Arith.SUB ? LSUB : LMUL).op(LASTORE);
        m.local(ALOAD, L_REFS);
        reg(a);
        m.field(GETSTATIC, SLOTS, "INT", D_OBJECT).op(AASTORE);
        m.jump(GOTO, labels[p + 2]);
        outOfLine.add(() -> {
            m.place(notInt);
            floatCase.run();
            m.jump(IFNE, labels[p + 2]).jump(GOTO, mmbin);
        });
    }

    /** An instruction with only a float case: done, then skip the MMBIN; else cold or the MMBIN. */
    private void floatOnly(int p, int i, Runnable floatCase, boolean coldOtherwise) {
        floatCase.run();
        m.jump(IFNE, labels[p + 2]);
        m.jump(GOTO, coldOtherwise ? coldLabel(p, i) : labels[p + 1]);
    }

    /**
     * A comparison followed by its JMP: the integer case inline (skipping the JMP when the result is
     * not {@code k}), the rest through {@code general}, which leaves 1, 0 or {@link FastPaths#SLOW}.
     */
    private void compare(int p, int i, boolean k, int a, Runnable pushSecond, Consumer<Label> secondIsInt,
            Runnable general) {
        Label notInt = new Label();
        tagIs(a, Slots.INT, notInt);
        if (secondIsInt != null) {
            secondIsInt.accept(notInt);
        }
        m.local(ALOAD, L_NUMS);
        reg(a);
        m.op(LALOAD);
        pushSecond.run();
        int holds = switch (i & 0x7F) {
            case OP_LT, OP_LTI -> IFLT;
            case OP_LE, OP_LEI -> IFLE;
            case OP_EQI -> IFEQ;
            case OP_GTI -> IFGT;
            default -> IFGE;
        };
        m.op(LCMP).jump(k ? negated(holds) : holds, labels[p + 2]);
        m.jump(GOTO, labels[p + 1]);
        outOfLine.add(() -> {
            m.place(notInt);
            general.run();
            conditional(p, i, k);
        });
    }

    private static int negated(int ifOpcode) {
        return switch (ifOpcode) {
            case IFLT -> IFGE;
            case IFLE -> IFGT;
            case IFEQ -> IFNE;
            case IFGT -> IFLE;
            default -> IFLT;
        };
    }

    /** Branches on a comparison's 1 or 0 left on the stack as {@link #compare} does; cold for SLOW. */
    private void conditional(int p, int i, boolean k) {
        m.local(ISTORE, L_INT).local(ILOAD, L_INT).iconst(FastPaths.SLOW).jump(IF_ICMPEQ, coldLabel(p, i));
        m.local(ILOAD, L_INT).jump(k ? IFEQ : IFNE, labels[p + 2]).jump(GOTO, labels[p + 1]);
    }

    /** A JMP: a backward one counts fuel, as every loop's back edge does. */
    private void jump(int p, int target) {
        if (target > p) {
            m.jump(GOTO, labels[target]);
        } else {
            backEdge(target);
        }
    }

    /** Counts one unit of fuel and jumps back to {@code target}, ending the slice when the fuel runs out. */
    private void backEdge(int target) {
        Label trap = new Label();
        m.local(ALOAD, L_VM).op(DUP).field(GETFIELD, VM, "fuel", "J").op(LCONST_1).op(LSUB).op(DUP2_X1);
        m.field(PUTFIELD, VM, "fuel", "J").op(LCONST_0).op(LCMP).jump(IFLT, trap).jump(GOTO, labels[target]);
        outOfLine.add(() -> {
            m.place(trap);
            m.local(ALOAD, L_VM).local(ALOAD, L_FRAME).iconst(target);
            m.invokeStatic(OPS, "trap", "(L" + VM + ";" + D_FRAME + "I)V").jump(GOTO, labels[target]);
        });
    }

    /** FORLOOP: the integer loop inline, a float loop through {@link FastPaths#floatLoop}. */
    private void forLoop(int p, int i, int a) {
        Label floatStep = new Label();
        Label again = new Label();
        Label done = labels[p + 1];
        tagIs(a + 2, Slots.INT, floatStep);
        m.local(ALOAD, L_NUMS);
        reg(a + 1);
        m.op(LALOAD).op(DUP2).local(LSTORE, L_LONG).op(LCONST_0).op(LCMP).jump(IFEQ, done);
        m.local(ALOAD, L_NUMS);
        reg(a + 1);
        m.local(LLOAD, L_LONG).op(LCONST_1).op(LSUB).op(LASTORE);
        m.local(ALOAD, L_NUMS);
        reg(a);
        m.op(LALOAD).local(ALOAD, L_NUMS);
        reg(a + 2);
        m.op(LALOAD).op(LADD).local(LSTORE, L_LONG);
        for (int r : new int[] {a, a + 3}) {
            m.local(ALOAD, L_NUMS);
            reg(r);
            m.local(LLOAD, L_LONG).op(LASTORE);
        }
        m.local(ALOAD, L_REFS);
        reg(a + 3);
        m.field(GETSTATIC, SLOTS, "INT", D_OBJECT).op(AASTORE);
        m.place(again);
        backEdge(p + 1 - (i >>> 15));
        outOfLine.add(() -> {
            m.place(floatStep);
            m.local(ALOAD, L_NUMS).local(ALOAD, L_REFS);
            reg(a);
            m.invokeStatic(OPS, "floatLoop", "([J[Ljava/lang/Object;I)Z").jump(IFNE, again).jump(GOTO, done);
        });
    }
}
