package io.robofarm.vm.code;

/**
 * Encoding and decoding of 32-bit Lua 5.4 instructions. Instructions stay plain {@code int}s so the
 * interpreter reads them without allocation.
 *
 * <pre>
 *         3 3 2 2 2 2 2 2 2 2 2 2 1 1 1 1 1 1 1 1 1 1 0 0 0 0 0 0 0 0 0 0
 *         1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 4 3 2 1 0
 *  iABC         C(8)     |      B(8)     |k|     A(8)      |   Op(7)     |
 *  iABx               Bx(17)               |     A(8)      |   Op(7)     |
 *  iAsBx             sBx (signed)(17)      |     A(8)      |   Op(7)     |
 *  iAx                          Ax(25)                     |   Op(7)     |
 *  isJ                          sJ (signed)(25)            |   Op(7)     |
 * </pre>
 *
 * Signed operands are stored in excess-K form: the stored value minus {@code OFFSET_*}.
 */
public final class Instruction {
    public static final int SIZE_OP = 7;
    public static final int SIZE_A = 8;
    public static final int SIZE_B = 8;
    public static final int SIZE_C = 8;
    public static final int SIZE_BX = SIZE_C + SIZE_B + 1;
    public static final int SIZE_AX = SIZE_BX + SIZE_A;
    public static final int SIZE_SJ = SIZE_BX + SIZE_A;

    public static final int POS_OP = 0;
    public static final int POS_A = POS_OP + SIZE_OP;
    public static final int POS_K = POS_A + SIZE_A;
    public static final int POS_B = POS_K + 1;
    public static final int POS_C = POS_B + SIZE_B;
    public static final int POS_BX = POS_K;
    public static final int POS_AX = POS_A;
    public static final int POS_SJ = POS_A;

    public static final int MAXARG_A = (1 << SIZE_A) - 1;
    public static final int MAXARG_B = (1 << SIZE_B) - 1;
    public static final int MAXARG_C = (1 << SIZE_C) - 1;
    public static final int MAXARG_BX = (1 << SIZE_BX) - 1;
    public static final int MAXARG_AX = (1 << SIZE_AX) - 1;
    public static final int MAXARG_SJ = (1 << SIZE_SJ) - 1;

    public static final int OFFSET_SBX = MAXARG_BX >> 1;
    public static final int OFFSET_SJ = MAXARG_SJ >> 1;
    public static final int OFFSET_SC = MAXARG_C >> 1;

    /** Value of the B operand of CALL/RETURN (and C of CALL/VARARG) meaning "up to the stack top". */
    public static final int MULTRET = -1;

    /** Number of list items to accumulate before a SETLIST instruction. */
    public static final int FIELDS_PER_FLUSH = 50;

    private Instruction() {
    }

    public static OpCode opCode(int i) {
        return OpCode.of(op(i));
    }

    public static int op(int i) {
        return i & 0x7F;
    }

    public static int a(int i) {
        return (i >>> POS_A) & MAXARG_A;
    }

    public static int b(int i) {
        return (i >>> POS_B) & MAXARG_B;
    }

    public static int c(int i) {
        return i >>> POS_C;
    }

    public static boolean k(int i) {
        return (i & (1 << POS_K)) != 0;
    }

    public static int sb(int i) {
        return b(i) - OFFSET_SC;
    }

    public static int sc(int i) {
        return c(i) - OFFSET_SC;
    }

    public static int bx(int i) {
        return i >>> POS_BX;
    }

    public static int sbx(int i) {
        return bx(i) - OFFSET_SBX;
    }

    public static int ax(int i) {
        return i >>> POS_AX;
    }

    public static int sj(int i) {
        return (i >>> POS_SJ) - OFFSET_SJ;
    }

    public static int createABCk(OpCode op, int a, int b, int c, boolean k) {
        return op.ordinal() | a << POS_A | (k ? 1 << POS_K : 0) | b << POS_B | c << POS_C;
    }

    public static int createABC(OpCode op, int a, int b, int c) {
        return createABCk(op, a, b, c, false);
    }

    public static int createABx(OpCode op, int a, int bx) {
        return op.ordinal() | a << POS_A | bx << POS_BX;
    }

    public static int createAsBx(OpCode op, int a, int sbx) {
        return createABx(op, a, sbx + OFFSET_SBX);
    }

    public static int createAx(OpCode op, int ax) {
        return op.ordinal() | ax << POS_AX;
    }

    public static int createsJ(OpCode op, int sj) {
        return op.ordinal() | (sj + OFFSET_SJ) << POS_SJ;
    }

    public static int setA(int i, int a) {
        return (i & ~(MAXARG_A << POS_A)) | a << POS_A;
    }

    public static int setB(int i, int b) {
        return (i & ~(MAXARG_B << POS_B)) | b << POS_B;
    }

    public static int setC(int i, int c) {
        return (i & ~(MAXARG_C << POS_C)) | c << POS_C;
    }

    public static int setK(int i, boolean k) {
        return k ? i | 1 << POS_K : i & ~(1 << POS_K);
    }

    public static int setBx(int i, int bx) {
        return (i & ~(MAXARG_BX << POS_BX)) | bx << POS_BX;
    }

    public static int setSJ(int i, int sj) {
        return (i & ~(MAXARG_SJ << POS_SJ)) | (sj + OFFSET_SJ) << POS_SJ;
    }

    public static int setOp(int i, OpCode op) {
        return (i & ~0x7F) | op.ordinal();
    }
}
