package io.robofarm.vm.parse;

import io.robofarm.vm.lex.Token;

/**
 * Binary operators with their precedence table: {@code left} and {@code right} priorities (right
 * lower than left makes an operator right associative). The first twelve are in the order of the
 * arithmetic opcodes and metamethod events, which the code generator relies on.
 */
enum BinOpr {
    ADD(10, 10), SUB(10, 10), MUL(11, 11), MOD(11, 11), POW(14, 13), DIV(11, 11), IDIV(11, 11),
    BAND(6, 6), BOR(4, 4), BXOR(5, 5), SHL(7, 7), SHR(7, 7),
    CONCAT(9, 8),
    EQ(3, 3), LT(3, 3), LE(3, 3), NE(3, 3), GT(3, 3), GE(3, 3),
    AND(2, 2), OR(1, 1);

    /** Priority of unary operators: binds tighter than everything but '^'. */
    static final int UNARY_PRIORITY = 12;

    final int left;
    final int right;

    BinOpr(int left, int right) {
        this.left = left;
        this.right = right;
    }

    /** True for arithmetic and bitwise operators, the ones constant folding handles. */
    boolean isFoldable() {
        return ordinal() <= SHR.ordinal();
    }

    /** The binary operator a token stands for, or null. */
    static BinOpr of(Token t) {
        return switch (t) {
            case PLUS -> ADD;
            case MINUS -> SUB;
            case STAR -> MUL;
            case PERCENT -> MOD;
            case CARET -> POW;
            case SLASH -> DIV;
            case IDIV -> IDIV;
            case AMP -> BAND;
            case PIPE -> BOR;
            case TILDE -> BXOR;
            case SHL -> SHL;
            case SHR -> SHR;
            case CONCAT -> CONCAT;
            case NE -> NE;
            case EQ -> EQ;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            case AND -> AND;
            case OR -> OR;
            default -> null;
        };
    }
}
