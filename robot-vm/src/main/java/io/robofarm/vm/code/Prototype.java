package io.robofarm.vm.code;

/**
 * A compiled Lua function: bytecode, constants, nested functions and debug information. It is
 * immutable once built, so one prototype is shared by every VM that runs the same script.
 */
public final class Prototype {
    /** Chunk name as Lua keeps it: "@file.lua", "=stdin" or the source string given to load. */
    public final String source;
    public final int lineDefined;
    public final int lastLineDefined;
    public final int numParams;
    public final boolean isVararg;
    /** Registers needed by this function. */
    public final int maxStackSize;
    public final int[] code;
    /** Constants: null, Boolean, Long, Double or String. */
    public final Object[] constants;
    public final UpvalueDesc[] upvalues;
    public final Prototype[] protos;
    /** Absolute source line of each instruction. */
    public final int[] lineInfo;
    public final LocalVarInfo[] localVars;

    public Prototype(String source, int lineDefined, int lastLineDefined, int numParams, boolean isVararg,
                     int maxStackSize, int[] code, Object[] constants, UpvalueDesc[] upvalues,
                     Prototype[] protos, int[] lineInfo, LocalVarInfo[] localVars) {
        this.source = source;
        this.lineDefined = lineDefined;
        this.lastLineDefined = lastLineDefined;
        this.numParams = numParams;
        this.isVararg = isVararg;
        this.maxStackSize = maxStackSize;
        this.code = code;
        this.constants = constants;
        this.upvalues = upvalues;
        this.protos = protos;
        this.lineInfo = lineInfo;
        this.localVars = localVars;
    }

    /**
     * Name of the local variable held in register {@code reg} at instruction {@code pc}, or null
     * when that register holds a temporary.
     */
    public String localName(int reg, int pc) {
        int n = reg + 1;
        for (int i = 0; i < localVars.length && localVars[i].startPc() <= pc; i++) {
            if (pc < localVars[i].endPc() && --n == 0) {
                return localVars[i].name();
            }
        }
        return null;
    }
}
