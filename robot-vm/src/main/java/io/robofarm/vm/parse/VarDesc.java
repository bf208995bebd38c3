package io.robofarm.vm.parse;

import io.robofarm.vm.code.LocalVarInfo;

/** An active local variable during parsing: its name, kind and where it lives. */
final class VarDesc {
    final String name;
    /** One of the {@link LocalVarInfo} kinds. */
    int kind = LocalVarInfo.REGULAR;
    /** Register holding the variable. */
    int ridx;
    /** Index of its debug entry in the function's local-variable list. */
    int pidx;
    /** Value of a compile-time constant (null is nil). */
    Object constValue;

    VarDesc(String name) {
        this.name = name;
    }

    boolean isCompileTimeConstant() {
        return kind == LocalVarInfo.COMPILE_TIME_CONST;
    }
}
