package io.robofarm.vm.code;

import io.robofarm.vm.value.LuaNumbers;

import static io.robofarm.vm.code.Instruction.MAXARG_C;

/**
 * Disassembler printing a prototype and its nested functions like {@code luac5.4 -l -l}: a header
 * per function, one line per instruction with its source line and operands (constants, upvalue
 * names and jump targets as comments), then the constants, locals and upvalues. Memory addresses,
 * which luac prints, are left out so listings are reproducible.
 */
public final class Listing {
    private static final String COMMENT = "\t; ";
    private static final String[] EVENTS = {
        "__index", "__newindex", "__gc", "__mode", "__len", "__eq", "__add", "__sub", "__mul",
        "__mod", "__pow", "__div", "__idiv", "__band", "__bor", "__bxor", "__shl", "__shr",
        "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close"
    };

    private final StringBuilder out = new StringBuilder();

    private Listing() {
    }

    /** The full listing of {@code p} and, recursively, of the functions it contains. */
    public static String of(Prototype p) {
        Listing l = new Listing();
        l.function(p);
        return l.out.toString();
    }

    private void function(Prototype f) {
        header(f);
        for (int pc = 0; pc < f.code.length; pc++) {
            instruction(f, pc);
        }
        debugInfo(f);
        for (Prototype p : f.protos) {
            function(p);
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private void header(Prototype f) {
        String s = f.source;
        if (s.startsWith("@") || s.startsWith("=")) {
            s = s.substring(1);
        } else {
            s = "(string)";
        }
        int n = f.code.length;
        out.append('\n').append(f.lineDefined == 0 ? "main" : "function")
                .append(" <").append(s).append(':').append(f.lineDefined).append(',')
                .append(f.lastLineDefined).append("> (").append(n).append(" instruction")
                .append(plural(n)).append(")\n");
        out.append(f.numParams).append(f.isVararg ? "+" : "").append(" param").append(plural(f.numParams))
                .append(", ").append(f.maxStackSize).append(" slot").append(plural(f.maxStackSize))
                .append(", ").append(f.upvalues.length).append(" upvalue").append(plural(f.upvalues.length))
                .append(", ").append(f.localVars.length).append(" local").append(plural(f.localVars.length))
                .append(", ").append(f.constants.length).append(" constant").append(plural(f.constants.length))
                .append(", ").append(f.protos.length).append(" function").append(plural(f.protos.length))
                .append('\n');
    }

    private void instruction(Prototype f, int pc) {
        int i = f.code[pc];
        OpCode op = Instruction.opCode(i);
        int a = Instruction.a(i);
        int b = Instruction.b(i);
        int c = Instruction.c(i);
        int bx = Instruction.bx(i);
        int sb = Instruction.sb(i);
        int sc = Instruction.sc(i);
        boolean isK = Instruction.k(i);
        int k = isK ? 1 : 0;
        String ks = isK ? "k" : "";
        out.append('\t').append(pc + 1).append("\t[").append(f.lineInfo[pc]).append("]\t");
        out.append(String.format("%-9s\t", op.name()));
        switch (op) {
            case MOVE, LOADNIL, GETUPVAL, SETUPVAL, UNM, BNOT, NOT, LEN, CONCAT -> args(a, b);
            case LOADI, LOADF -> args(a, Instruction.sbx(i));
            case LOADK, LOADKX, LOADFALSE, LFALSESKIP, LOADTRUE, CLOSE, TBC, RETURN1, VARARGPREP -> {
                if (op == OpCode.LOADK) {
                    args(a, bx);
                } else {
                    out.append(a);
                }
            }
            case GETTABUP, GETTABLE, GETI, GETFIELD, NEWTABLE, MMBIN -> args(a, b, c);
            case SETTABUP, SETTABLE, SETI, SETFIELD, SELF, TAILCALL, RETURN -> {
                args(a, b, c);
                out.append(ks);
            }
            case ADDI, SHRI, SHLI -> args(a, b, sc);
            case ADDK, SUBK, MULK, MODK, POWK, DIVK, IDIVK, BANDK, BORK, BXORK,
                 ADD, SUB, MUL, MOD, POW, DIV, IDIV, BAND, BOR, BXOR, SHL, SHR -> args(a, b, c);
            case MMBINI -> args(a, sb, c, k);
            case MMBINK -> args(a, b, c, k);
            case JMP -> out.append(Instruction.sj(i));
            case EQ, LT, LE, EQK, TESTSET -> args(a, b, k);
            case EQI, LTI, LEI, GTI, GEI -> args(a, sb, k);
            case TEST -> args(a, k);
            case CALL, SETLIST -> args(a, b, c);
            case RETURN0 -> {
            }
            case FORLOOP, FORPREP, TFORPREP, TFORLOOP, CLOSURE -> args(a, bx);
            case TFORCALL, VARARG -> args(a, c);
            case EXTRAARG -> out.append(Instruction.ax(i));
        }
        comment(f, pc, i, op);
        out.append('\n');
    }

    private void comment(Prototype f, int pc, int i, OpCode op) {
        int a = Instruction.a(i);
        int b = Instruction.b(i);
        int c = Instruction.c(i);
        int bx = Instruction.bx(i);
        boolean isK = Instruction.k(i);
        switch (op) {
            case LOADK -> constant(COMMENT, f, bx);
            case LOADKX -> constant(COMMENT, f, Instruction.ax(f.code[pc + 1]));
            case LOADNIL -> out.append(COMMENT).append(b + 1).append(" out");
            case GETUPVAL, SETUPVAL -> out.append(COMMENT).append(upvalueName(f, b));
            case GETTABUP -> {
                out.append(COMMENT).append(upvalueName(f, b));
                constant(" ", f, c);
            }
            case GETFIELD, ADDK, SUBK, MULK, MODK, POWK, DIVK, IDIVK, BANDK, BORK, BXORK -> constant(COMMENT, f, c);
            case SETTABUP -> {
                out.append(COMMENT).append(upvalueName(f, a));
                constant(" ", f, b);
                if (isK) {
                    constant(" ", f, c);
                }
            }
            case SETTABLE, SETI, SELF -> {
                if (isK) {
                    constant(COMMENT, f, c);
                }
            }
            case SETFIELD -> {
                constant(COMMENT, f, b);
                if (isK) {
                    constant(" ", f, c);
                }
            }
            case NEWTABLE -> out.append(COMMENT).append(c + extraArg(f, pc) * (MAXARG_C + 1));
            case MMBIN -> out.append(COMMENT).append(EVENTS[c]);
            case MMBINI, MMBINK -> {
                out.append(COMMENT).append(EVENTS[c]);
                if (op == OpCode.MMBINK) {
                    constant(" ", f, b);
                }
                if (isK) {
                    out.append(" flip");
                }
            }
            case JMP -> out.append(COMMENT).append("to ").append(Instruction.sj(i) + pc + 2);
            case EQK -> constant(COMMENT, f, b);
            case CALL -> out.append(COMMENT).append(b == 0 ? "all in " : (b - 1) + " in ")
                    .append(c == 0 ? "all out" : (c - 1) + " out");
            case TAILCALL -> out.append(COMMENT).append(b - 1).append(" in");
            case RETURN -> out.append(COMMENT).append(b == 0 ? "all out" : (b - 1) + " out");
            case FORLOOP, TFORLOOP -> out.append(COMMENT).append("to ").append(pc - bx + 2);
            case FORPREP -> out.append(COMMENT).append("exit to ").append(pc + bx + 3);
            case TFORPREP -> out.append(COMMENT).append("to ").append(pc + bx + 2);
            case SETLIST -> {
                if (isK) {
                    out.append(COMMENT).append(c + extraArg(f, pc) * (MAXARG_C + 1));
                }
            }
            case VARARG -> out.append(COMMENT).append(c == 0 ? "all out" : (c - 1) + " out");
            default -> {
            }
        }
    }

    private static int extraArg(Prototype f, int pc) {
        return Instruction.ax(f.code[pc + 1]);
    }

    private void args(int... values) {
        for (int j = 0; j < values.length; j++) {
            if (j > 0) {
                out.append(' ');
            }
            out.append(values[j]);
        }
    }

    private static String upvalueName(Prototype f, int idx) {
        String name = f.upvalues[idx].name();
        return name == null ? "-" : name;
    }

    private void constant(String prefix, Prototype f, int idx) {
        out.append(prefix);
        Object v = f.constants[idx];
        if (v instanceof String s) {
            quoted(s);
        } else if (v instanceof Double d) {
            out.append(LuaNumbers.toString(d));
        } else {
            out.append(v == null ? "nil" : v.toString());
        }
    }

    private void quoted(String s) {
        out.append('"');
        for (int j = 0; j < s.length(); j++) {
            char ch = s.charAt(j);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> {
                    if (ch >= 0x20 && ch < 0x7F) {
                        out.append(ch);
                    } else {
                        out.append(String.format("\\%03d", (int) ch));
                    }
                }
            }
        }
        out.append('"');
    }

    private static char typeTag(Object v) {
        if (v == null) {
            return 'N';
        }
        if (v instanceof Boolean) {
            return 'B';
        }
        if (v instanceof Double) {
            return 'F';
        }
        return v instanceof Long ? 'I' : 'S';
    }

    private void debugInfo(Prototype f) {
        out.append("constants (").append(f.constants.length).append("):\n");
        for (int j = 0; j < f.constants.length; j++) {
            out.append('\t').append(j).append('\t').append(typeTag(f.constants[j]));
            constant("\t", f, j);
            out.append('\n');
        }
        out.append("locals (").append(f.localVars.length).append("):\n");
        for (int j = 0; j < f.localVars.length; j++) {
            LocalVarInfo v = f.localVars[j];
            out.append('\t').append(j).append('\t').append(v.name()).append('\t')
                    .append(v.startPc() + 1).append('\t').append(v.endPc() + 1).append('\n');
        }
        out.append("upvalues (").append(f.upvalues.length).append("):\n");
        for (int j = 0; j < f.upvalues.length; j++) {
            UpvalueDesc u = f.upvalues[j];
            out.append('\t').append(j).append('\t').append(upvalueName(f, j)).append('\t')
                    .append(u.inStack() ? 1 : 0).append('\t').append(u.index()).append('\n');
        }
    }
}
