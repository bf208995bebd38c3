package io.robofarm.vm.parse;

import io.robofarm.vm.lex.Token;

/** Unary operators, in the order of their opcodes (UNM, BNOT, NOT, LEN). */
enum UnOpr {
    MINUS, BNOT, NOT, LEN;

    /** The unary operator a token stands for, or null. */
    static UnOpr of(Token t) {
        return switch (t) {
            case NOT -> NOT;
            case MINUS -> MINUS;
            case TILDE -> BNOT;
            case HASH -> LEN;
            default -> null;
        };
    }
}
