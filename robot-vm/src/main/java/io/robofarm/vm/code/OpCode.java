package io.robofarm.vm.code;

/**
 * The Lua 5.4 instruction set, in Lua's opcode order, read like {@code lopcodes.h}: each constant
 * carries its operand format and what it does. The ordinal is the 7-bit opcode stored in an
 * instruction, so the order must never change.
 *
 * <p>Notation: {@code R[x]} is register x, {@code K[x]} constant x, {@code RK(x)} is {@code K[x]}
 * when the k bit is set and {@code R[x]} otherwise, {@code sB}/{@code sC}/{@code sBx}/{@code sJ}
 * are signed operands. Instructions marked "test" are always followed by a jump.
 */
public enum OpCode {
    MOVE(Format.ABC,       "R[A] := R[B]"),
    LOADI(Format.AsBx,     "R[A] := sBx"),
    LOADF(Format.AsBx,     "R[A] := (float)sBx"),
    LOADK(Format.ABx,      "R[A] := K[Bx]"),
    LOADKX(Format.ABx,     "R[A] := K[extra arg]"),
    LOADFALSE(Format.ABC,  "R[A] := false"),
    LFALSESKIP(Format.ABC, "R[A] := false; pc++"),
    LOADTRUE(Format.ABC,   "R[A] := true"),
    LOADNIL(Format.ABC,    "R[A], R[A+1], ..., R[A+B] := nil"),
    GETUPVAL(Format.ABC,   "R[A] := UpValue[B]"),
    SETUPVAL(Format.ABC,   "UpValue[B] := R[A]"),

    GETTABUP(Format.ABC,   "R[A] := UpValue[B][K[C]:string]"),
    GETTABLE(Format.ABC,   "R[A] := R[B][R[C]]"),
    GETI(Format.ABC,       "R[A] := R[B][C]"),
    GETFIELD(Format.ABC,   "R[A] := R[B][K[C]:string]"),

    SETTABUP(Format.ABC,   "UpValue[A][K[B]:string] := RK(C)"),
    SETTABLE(Format.ABC,   "R[A][R[B]] := RK(C)"),
    SETI(Format.ABC,       "R[A][B] := RK(C)"),
    SETFIELD(Format.ABC,   "R[A][K[B]:string] := RK(C)"),

    NEWTABLE(Format.ABC,   "R[A] := {}  (B: log2(hash size)+1, C: array size, k: EXTRAARG follows)"),
    SELF(Format.ABC,       "R[A+1] := R[B]; R[A] := R[B][RK(C):string]"),

    ADDI(Format.ABC,       "R[A] := R[B] + sC"),

    ADDK(Format.ABC,       "R[A] := R[B] + K[C]:number"),
    SUBK(Format.ABC,       "R[A] := R[B] - K[C]:number"),
    MULK(Format.ABC,       "R[A] := R[B] * K[C]:number"),
    MODK(Format.ABC,       "R[A] := R[B] % K[C]:number"),
    POWK(Format.ABC,       "R[A] := R[B] ^ K[C]:number"),
    DIVK(Format.ABC,       "R[A] := R[B] / K[C]:number"),
    IDIVK(Format.ABC,      "R[A] := R[B] // K[C]:number"),

    BANDK(Format.ABC,      "R[A] := R[B] & K[C]:integer"),
    BORK(Format.ABC,       "R[A] := R[B] | K[C]:integer"),
    BXORK(Format.ABC,      "R[A] := R[B] ~ K[C]:integer"),

    SHRI(Format.ABC,       "R[A] := R[B] >> sC"),
    SHLI(Format.ABC,       "R[A] := sC << R[B]"),

    ADD(Format.ABC,        "R[A] := R[B] + R[C]"),
    SUB(Format.ABC,        "R[A] := R[B] - R[C]"),
    MUL(Format.ABC,        "R[A] := R[B] * R[C]"),
    MOD(Format.ABC,        "R[A] := R[B] % R[C]"),
    POW(Format.ABC,        "R[A] := R[B] ^ R[C]"),
    DIV(Format.ABC,        "R[A] := R[B] / R[C]"),
    IDIV(Format.ABC,       "R[A] := R[B] // R[C]"),

    BAND(Format.ABC,       "R[A] := R[B] & R[C]"),
    BOR(Format.ABC,        "R[A] := R[B] | R[C]"),
    BXOR(Format.ABC,       "R[A] := R[B] ~ R[C]"),
    SHL(Format.ABC,        "R[A] := R[B] << R[C]"),
    SHR(Format.ABC,        "R[A] := R[B] >> R[C]"),

    MMBIN(Format.ABC,      "call C metamethod over R[A] and R[B]"),
    MMBINI(Format.ABC,     "call C metamethod over R[A] and sB (k: operands swapped)"),
    MMBINK(Format.ABC,     "call C metamethod over R[A] and K[B] (k: operands swapped)"),

    UNM(Format.ABC,        "R[A] := -R[B]"),
    BNOT(Format.ABC,       "R[A] := ~R[B]"),
    NOT(Format.ABC,        "R[A] := not R[B]"),
    LEN(Format.ABC,        "R[A] := #R[B] (length operator)"),

    CONCAT(Format.ABC,     "R[A] := R[A].. ... ..R[A + B - 1]"),

    CLOSE(Format.ABC,      "close all upvalues >= R[A]"),
    TBC(Format.ABC,        "mark variable A \"to be closed\""),
    JMP(Format.sJ,         "pc += sJ"),
    EQ(Format.ABC,         "if ((R[A] == R[B]) ~= k) then pc++", true),
    LT(Format.ABC,         "if ((R[A] <  R[B]) ~= k) then pc++", true),
    LE(Format.ABC,         "if ((R[A] <= R[B]) ~= k) then pc++", true),

    EQK(Format.ABC,        "if ((R[A] == K[B]) ~= k) then pc++", true),
    EQI(Format.ABC,        "if ((R[A] == sB) ~= k) then pc++ (C: 1 if sB is a float)", true),
    LTI(Format.ABC,        "if ((R[A] < sB) ~= k) then pc++ (C: 1 if sB is a float)", true),
    LEI(Format.ABC,        "if ((R[A] <= sB) ~= k) then pc++ (C: 1 if sB is a float)", true),
    GTI(Format.ABC,        "if ((R[A] > sB) ~= k) then pc++ (C: 1 if sB is a float)", true),
    GEI(Format.ABC,        "if ((R[A] >= sB) ~= k) then pc++ (C: 1 if sB is a float)", true),

    TEST(Format.ABC,       "if (not R[A] == k) then pc++", true),
    TESTSET(Format.ABC,    "if (not R[B] == k) then pc++ else R[A] := R[B]", true),

    CALL(Format.ABC,       "R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])"),
    TAILCALL(Format.ABC,   "return R[A](R[A+1], ... ,R[A+B-1]) (k: close upvalues; C: params+1 if vararg)"),

    RETURN(Format.ABC,     "return R[A], ... ,R[A+B-2] (k: close upvalues; C: params+1 if vararg)"),
    RETURN0(Format.ABC,    "return"),
    RETURN1(Format.ABC,    "return R[A]"),

    FORLOOP(Format.ABx,    "update counters; if loop continues then pc-=Bx;"),
    FORPREP(Format.ABx,    "<check values and prepare counters>; if not to run then pc+=Bx+1;"),

    TFORPREP(Format.ABx,   "create upvalue for R[A + 3]; pc+=Bx"),
    TFORCALL(Format.ABC,   "R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]);"),
    TFORLOOP(Format.ABx,   "if R[A+2] ~= nil then { R[A]=R[A+2]; pc -= Bx }"),

    SETLIST(Format.ABC,    "R[A][C+i] := R[A+i], 1 <= i <= B (k: EXTRAARG holds C's high part)"),

    CLOSURE(Format.ABx,    "R[A] := closure(KPROTO[Bx])"),

    VARARG(Format.ABC,     "R[A], R[A+1], ..., R[A+C-2] = vararg"),

    VARARGPREP(Format.ABC, "(adjust vararg parameters)"),

    EXTRAARG(Format.Ax,    "extra (larger) argument for previous opcode");

    /** Operand layouts of a 32-bit instruction (see {@link Instruction} for the bit positions). */
    public enum Format { ABC, ABx, AsBx, Ax, sJ }

    private static final OpCode[] VALUES = values();

    /** How the operands of this opcode are laid out. */
    public final Format format;
    /** One-line meaning, in the notation of the class comment. */
    public final String description;
    /** True for a test: the next instruction is a jump taken or skipped by the test. */
    public final boolean isTest;

    OpCode(Format format, String description) {
        this(format, description, false);
    }

    OpCode(Format format, String description, boolean isTest) {
        this.format = format;
        this.description = description;
        this.isTest = isTest;
    }

    /** The opcode with the given 7-bit number. */
    public static OpCode of(int number) {
        return VALUES[number];
    }
}
