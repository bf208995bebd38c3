package io.robofarm.vm.parse;

/** What an {@link ExpDesc} describes, and where its value is (or will be). */
enum ExpKind {
    /** No value: an empty expression list. */
    VOID,
    NIL,
    TRUE,
    FALSE,
    /** Constant in the constant table; {@code info} is its index. */
    K,
    /** Float literal in {@code nval}. */
    KFLT,
    /** Integer literal in {@code ival}. */
    KINT,
    /** String literal in {@code strval}. */
    KSTR,
    /** Value in a fixed register {@code info}. */
    NONRELOC,
    /** Local variable in register {@code ridx}; {@code vidx} is its index among active variables. */
    LOCAL,
    /** Upvalue number {@code info}. */
    UPVAL,
    /** Compile-time constant; {@code info} is its absolute index in the active-variable list. */
    CONST,
    /** Table in register {@code indT}, key in register {@code indIdx}. */
    INDEXED,
    /** Table in upvalue {@code indT}, key is string constant {@code indIdx}. */
    INDEXUP,
    /** Table in register {@code indT}, key is the integer {@code indIdx}. */
    INDEXI,
    /** Table in register {@code indT}, key is string constant {@code indIdx}. */
    INDEXSTR,
    /** A test; {@code info} is the pc of its jump. */
    JMP,
    /** Result of instruction {@code info}, whose target register is still to be set. */
    RELOC,
    /** Function call; {@code info} is the pc of the CALL. */
    CALL,
    /** Vararg expression; {@code info} is the pc of the VARARG. */
    VARARG;

    boolean isVar() {
        return ordinal() >= LOCAL.ordinal() && ordinal() <= INDEXSTR.ordinal();
    }

    boolean isIndexed() {
        return ordinal() >= INDEXED.ordinal() && ordinal() <= INDEXSTR.ordinal();
    }

    boolean hasMultipleResults() {
        return this == CALL || this == VARARG;
    }
}
