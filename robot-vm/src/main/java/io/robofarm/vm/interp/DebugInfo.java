package io.robofarm.vm.interp;

import io.robofarm.vm.code.ChunkNames;
import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.value.LuaTable;

/**
 * Names and positions for messages, recovered from the bytecode the way lua5.4 does: which
 * instruction last set a register (a small symbolic execution over the jumps), and what that
 * instruction reveals: a local, a global, a field, an upvalue, a constant or a method.
 */
final class DebugInfo {
    private static final String[] EVENT_NAMES = {"index", "newindex", "gc", "mode", "len", "eq", "add", "sub",
        "mul", "mod", "pow", "div", "idiv", "band", "bor", "bxor", "shl", "shr", "unm", "bnot", "lt", "le",
        "concat", "call", "close"};

    private DebugInfo() {
    }

    static String eventName(int event) {
        return EVENT_NAMES[event];
    }

    /** Current source line of a Lua frame. */
    static int currentLine(CallFrame f) {
        Prototype p = Interpreter.proto(f);
        if (p.lineInfo.length == 0) {
            return -1;
        }
        if (f.pc == 0) {
            return p.lineDefined;
        }
        int pc = Math.max(f.pc - 1, 0);
        return p.lineInfo[Math.min(pc, p.lineInfo.length - 1)];
    }

    /** "chunk:line: " of the frame {@code level} levels below the top (0 = running), or "". */
    static String where(LuaState L, int level) {
        int index = L.depth - level;
        if (index < 1) {
            return "";
        }
        CallFrame f = L.frames[index];
        if (f.kind != CallFrame.LUA) {
            return "";
        }
        return ChunkNames.shortName(Interpreter.proto(f).source) + ":" + currentLine(f) + ": ";
    }

    /** " (kind 'name')" for register {@code reg} of a Lua frame at its current instruction, or "". */
    static String varInfo(CallFrame f, int reg) {
        if (f.kind != CallFrame.LUA) {
            return "";
        }
        String[] name = objName(Interpreter.proto(f), f.pc - 1, reg);
        return name == null ? "" : " (" + name[0] + " '" + name[1] + "')";
    }

    /** varInfo of the table operand of the current table-access instruction. */
    static String indexedInfo(CallFrame f) {
        Prototype p = Interpreter.proto(f);
        int i = p.code[f.pc - 1];
        switch (i & 0x7F) {
            case Interpreter.OP_GETTABUP:
                return " (upvalue '" + upvalueName(p, b(i)) + "')";
            case Interpreter.OP_SETTABUP:
                return " (upvalue '" + upvalueName(p, a(i)) + "')";
            case Interpreter.OP_GETTABLE: case Interpreter.OP_GETI: case Interpreter.OP_GETFIELD:
            case Interpreter.OP_SELF:
                return varInfo(f, b(i));
            case Interpreter.OP_SETTABLE: case Interpreter.OP_SETI: case Interpreter.OP_SETFIELD:
                return varInfo(f, a(i));
            default:
                return "";
        }
    }

    /** {kind, name} of how frame {@code frameIndex} of {@code L} was called, or null if unknown. */
    static String[] calledName(LuaState L, int frameIndex) {
        if (frameIndex < 1 || L.frames[frameIndex].tailCall) {
            return null;
        }
        CallFrame caller = L.frames[frameIndex - 1];
        if (caller.kind != CallFrame.LUA) {
            return null;
        }
        return funcNameFromCode(Interpreter.proto(caller), caller.pc - 1);
    }

    /** {kind, name} of the function called by instruction {@code pc}. */
    static String[] funcNameFromCode(Prototype p, int pc) {
        int i = p.code[pc];
        String event;
        switch (i & 0x7F) {
            case Interpreter.OP_CALL: case Interpreter.OP_TAILCALL:
                return objName(p, pc, a(i));
            case Interpreter.OP_TFORCALL:
                return new String[] {"for iterator", "for iterator"};
            case Interpreter.OP_SELF: case Interpreter.OP_GETTABUP: case Interpreter.OP_GETTABLE:
            case Interpreter.OP_GETI: case Interpreter.OP_GETFIELD:
                event = "index";
                break;
            case Interpreter.OP_SETTABUP: case Interpreter.OP_SETTABLE: case Interpreter.OP_SETI:
            case Interpreter.OP_SETFIELD:
                event = "newindex";
                break;
            case Interpreter.OP_MMBIN: case Interpreter.OP_MMBINI: case Interpreter.OP_MMBINK:
                event = eventName(i >>> 24);
                break;
            case Interpreter.OP_UNM: event = "unm"; break;
            case Interpreter.OP_BNOT: event = "bnot"; break;
            case Interpreter.OP_LEN: event = "len"; break;
            case Interpreter.OP_CONCAT: event = "concat"; break;
            case Interpreter.OP_EQ: event = "eq"; break;
            case Interpreter.OP_LT: case Interpreter.OP_LTI: case Interpreter.OP_GTI: event = "lt"; break;
            case Interpreter.OP_LE: case Interpreter.OP_LEI: case Interpreter.OP_GEI: event = "le"; break;
            case Interpreter.OP_CLOSE: case Interpreter.OP_RETURN: event = "close"; break;
            default:
                return null;
        }
        return new String[] {"metamethod", event};
    }

    /** {kind, name} describing register {@code reg} at instruction {@code lastpc}, or null. */
    static String[] objName(Prototype p, int lastpc, int reg) {
        String local = p.localName(reg, lastpc);
        if (local != null) {
            return new String[] {"local", local};
        }
        int pc = findSetReg(p, lastpc, reg);
        if (pc < 0) {
            return null;
        }
        int i = p.code[pc];
        switch (i & 0x7F) {
            case Interpreter.OP_MOVE: {
                int b = b(i);
                if (b < a(i)) {
                    return objName(p, pc, b);
                }
                return null;
            }
            case Interpreter.OP_GETTABUP:
                return new String[] {"_ENV".equals(upvalueName(p, b(i))) ? "global" : "field", constantName(p, c(i))};
            case Interpreter.OP_GETTABLE:
                return new String[] {isEnv(p, pc, b(i)) ? "global" : "field", registerConstantName(p, pc, c(i))};
            case Interpreter.OP_GETI:
                return new String[] {"field", "integer index"};
            case Interpreter.OP_GETFIELD:
                return new String[] {isEnv(p, pc, b(i)) ? "global" : "field", constantName(p, c(i))};
            case Interpreter.OP_GETUPVAL:
                return new String[] {"upvalue", upvalueName(p, b(i))};
            case Interpreter.OP_LOADK: case Interpreter.OP_LOADKX: {
                int k = (i & 0x7F) == Interpreter.OP_LOADK ? i >>> 15 : p.code[pc + 1] >>> 7;
                if (p.constants[k] instanceof String s) {
                    return new String[] {"constant", s};
                }
                return null;
            }
            case Interpreter.OP_SELF: {
                String name = (i & 0x8000) != 0 ? constantName(p, c(i)) : registerConstantName(p, pc, c(i));
                return new String[] {"method", name};
            }
            default:
                return null;
        }
    }

    private static boolean isEnv(Prototype p, int pc, int reg) {
        String[] name = objName(p, pc, reg);
        return name != null && "_ENV".equals(name[1]);
    }

    private static String constantName(Prototype p, int k) {
        return p.constants[k] instanceof String s ? s : "?";
    }

    private static String registerConstantName(Prototype p, int pc, int reg) {
        String[] name = objName(p, pc, reg);
        return name != null && name[0].equals("constant") ? name[1] : "?";
    }

    static String upvalueName(Prototype p, int index) {
        String name = p.upvalues[index].name();
        return name == null ? "?" : name;
    }

    /**
     * The instruction before {@code lastpc} that last assigned register {@code reg} on every path,
     * or -1: an assignment skipped by a forward jump into the range does not count.
     */
    private static int findSetReg(Prototype p, int lastpc, int reg) {
        int[] code = p.code;
        int op0 = code[lastpc] & 0x7F;
        if (op0 == Interpreter.OP_MMBIN || op0 == Interpreter.OP_MMBINI || op0 == Interpreter.OP_MMBINK) {
            lastpc--;
        }
        int setreg = -1;
        int jmptarget = 0;
        for (int pc = 0; pc < lastpc; pc++) {
            int i = code[pc];
            int op = i & 0x7F;
            int a = a(i);
            boolean change;
            switch (op) {
                case Interpreter.OP_LOADNIL:
                    change = a <= reg && reg <= a + b(i);
                    break;
                case Interpreter.OP_TFORCALL:
                    change = reg >= a + 2;
                    break;
                case Interpreter.OP_CALL: case Interpreter.OP_TAILCALL:
                    change = reg >= a;
                    break;
                case Interpreter.OP_JMP: {
                    int dest = pc + 1 + ((i >>> 7) - 16777215);
                    if (dest <= lastpc && dest > jmptarget) {
                        jmptarget = dest;
                    }
                    change = false;
                    break;
                }
                default:
                    change = setsA(op) && reg == a;
            }
            if (change) {
                setreg = pc < jmptarget ? -1 : pc;
            }
        }
        return setreg;
    }

    /** Whether an opcode writes register A (lopcodes.c's "A mode"). */
    private static boolean setsA(int op) {
        switch (op) {
            case Interpreter.OP_SETUPVAL: case Interpreter.OP_SETTABUP: case Interpreter.OP_SETTABLE:
            case Interpreter.OP_SETI: case Interpreter.OP_SETFIELD: case Interpreter.OP_MMBIN:
            case Interpreter.OP_MMBINI: case Interpreter.OP_MMBINK: case Interpreter.OP_CLOSE:
            case Interpreter.OP_TBC: case Interpreter.OP_JMP: case Interpreter.OP_EQ: case Interpreter.OP_LT:
            case Interpreter.OP_LE: case Interpreter.OP_EQK: case Interpreter.OP_EQI: case Interpreter.OP_LTI:
            case Interpreter.OP_LEI: case Interpreter.OP_GTI: case Interpreter.OP_GEI: case Interpreter.OP_TEST:
            case Interpreter.OP_RETURN: case Interpreter.OP_RETURN0: case Interpreter.OP_RETURN1:
            case Interpreter.OP_TFORPREP: case Interpreter.OP_TFORCALL: case Interpreter.OP_SETLIST:
            case Interpreter.OP_EXTRAARG:
                return false;
            default:
                return true;
        }
    }

    /**
     * The name under which {@code fn} is reachable from the loaded modules ("print", "string.rep"),
     * like lauxlib's pushglobalfuncname, or null.
     */
    static String globalFunctionName(Vm vm, Object fn) {
        if (fn == null) {
            return null;
        }
        Object loadedValue = vm.registry().get("_LOADED");
        LuaTable loaded;
        if (loadedValue instanceof LuaTable t) {
            loaded = t;
        } else {
            loaded = vm.newTable(0, 0);
            loaded.put("_G", vm.globals());
        }
        for (int s = loaded.nextSlot(0); s >= 0; s = loaded.nextSlot(s + 1)) {
            if (!(loaded.keyAt(s) instanceof String module)) {
                continue;
            }
            Object value = loaded.valueAt(s);
            if (value == fn) {
                return module;
            }
            if (value instanceof LuaTable t) {
                for (int s2 = t.nextSlot(0); s2 >= 0; s2 = t.nextSlot(s2 + 1)) {
                    if (t.valueAt(s2) == fn && t.keyAt(s2) instanceof String key) {
                        return module.equals("_G") ? key : module + "." + key;
                    }
                }
            }
        }
        return null;
    }

    private static int a(int i) {
        return (i >>> 7) & 0xFF;
    }

    private static int b(int i) {
        return (i >>> 16) & 0xFF;
    }

    private static int c(int i) {
        return i >>> 24;
    }
}
