package io.robofarm.vm.code;

/**
 * Debug information for one local variable: its name and the instruction range
 * [{@code startPc}, {@code endPc}) in which it is active. Registers are assigned to active
 * variables in declaration order, which lets error messages name the variable in a register.
 */
public record LocalVarInfo(String name, int startPc, int endPc) {
    /** Kind of an ordinary local variable. */
    public static final int REGULAR = 0;
    /** Kind of a {@code <const>} variable that lives in a register. */
    public static final int CONST = 1;
    /** Kind of a {@code <close>} variable. */
    public static final int TO_BE_CLOSED = 2;
    /** Kind of a {@code <const>} variable folded to a compile-time constant (never in a register). */
    public static final int COMPILE_TIME_CONST = 3;
}
