package io.robofarm.vm.parse;

/**
 * An expression being compiled, described lazily so the code generator can pick the cheapest
 * instruction once it knows where the value must go. The true/false lists chain the pending
 * jumps of a boolean expression.
 */
final class ExpDesc {
    ExpKind kind = ExpKind.VOID;
    int info;
    long ival;
    double nval;
    String strval;
    int indT;
    int indIdx;
    int ridx;
    int vidx;
    int t = FuncState.NO_JUMP;
    int f = FuncState.NO_JUMP;

    void init(ExpKind k, int i) {
        kind = k;
        info = i;
        t = FuncState.NO_JUMP;
        f = FuncState.NO_JUMP;
    }

    void initString(String s) {
        init(ExpKind.KSTR, 0);
        strval = s;
    }

    boolean hasJumps() {
        return t != f;
    }

    /** True for a numeric literal without pending jumps. */
    boolean isNumeral() {
        return !hasJumps() && (kind == ExpKind.KINT || kind == ExpKind.KFLT);
    }

    /** The numeric literal as Long or Double (only when {@link #isNumeral()}). */
    Object numeral() {
        return kind == ExpKind.KINT ? (Object) ival : (Object) nval;
    }

    void copyFrom(ExpDesc o) {
        kind = o.kind;
        info = o.info;
        ival = o.ival;
        nval = o.nval;
        strval = o.strval;
        indT = o.indT;
        indIdx = o.indIdx;
        ridx = o.ridx;
        vidx = o.vidx;
        t = o.t;
        f = o.f;
    }

    static void swap(ExpDesc a, ExpDesc b) {
        ExpDesc tmp = new ExpDesc();
        tmp.copyFrom(a);
        a.copyFrom(b);
        b.copyFrom(tmp);
    }
}
