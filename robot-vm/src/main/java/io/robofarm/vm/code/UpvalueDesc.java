package io.robofarm.vm.code;

/**
 * Where a closure finds one of its upvalues when it is created: a register of the enclosing
 * function ({@code inStack}) or an upvalue of the enclosing closure. {@code kind} is the variable
 * kind in the enclosing function ({@link LocalVarInfo#REGULAR}, {@link LocalVarInfo#CONST},
 * {@link LocalVarInfo#TO_BE_CLOSED}); the name serves error messages and debug info.
 */
public record UpvalueDesc(String name, boolean inStack, int index, int kind) {
}
