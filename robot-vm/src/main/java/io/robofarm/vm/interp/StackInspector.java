package io.robofarm.vm.interp;

import io.robofarm.vm.code.ChunkNames;
import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.value.ByteStrings;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads where a VM is without running any Lua code: the current line, the call depth and the stack
 * with its local variables. Call it on the VM's own thread (e.g. from an {@link Execution} slice
 * hook) or while the VM is stopped between two steps, never while another thread runs it. The
 * running Lua function is then stopped before its next instruction, which gives its line.
 */
public final class StackInspector {
    /** Longest rendering of a string value, quotes excluded. */
    private static final int MAX_STRING_CHARS = 40;

    private StackInspector() {
    }

    /**
     * The source line the VM is at (of the innermost Lua function), or -1 when no Lua function runs.
     * For a VM stopped between two steps or at a slice end, where the running Lua function's pc is
     * the instruction it executes next.
     */
    public static int currentLine(Vm vm) {
        return innermostLine(vm, true);
    }

    /** The line of the innermost Lua function after an error stopped the VM: the instruction that failed. */
    public static int errorLine(Vm vm) {
        return innermostLine(vm, false);
    }

    private static int innermostLine(Vm vm, boolean atBoundary) {
        for (LuaState s = Execution.running(vm.mainState()); s != null; s = s.coroutine.resumer) {
            for (int d = s.depth; d > 0; d--) {
                CallFrame f = s.frames[d];
                if (f.kind == CallFrame.LUA) {
                    return atBoundary && d == s.depth ? nextLine(f) : DebugInfo.currentLine(f);
                }
            }
        }
        return -1;
    }

    /** The line of the instruction a stopped Lua frame executes next. */
    private static int nextLine(CallFrame f) {
        int[] lines = Interpreter.proto(f).lineInfo;
        return lines.length == 0 ? -1 : lines[Math.min(f.pc, lines.length - 1)];
    }

    /** Function calls in progress, over all coroutines from the main one to the running one. */
    public static int callDepth(Vm vm) {
        int depth = 0;
        for (LuaState s = Execution.running(vm.mainState()); s != null; s = s.coroutine.resumer) {
            depth += s.depth;
        }
        return depth;
    }

    /** The stack from the innermost call outwards, through the coroutines that resumed the running one. */
    public static List<StackFrameInfo> stack(Vm vm) {
        List<StackFrameInfo> frames = new ArrayList<>();
        for (LuaState s = Execution.running(vm.mainState()); s != null; s = s.coroutine.resumer) {
            for (int d = s.depth; d > 0; d--) {
                frames.add(frame(s, d, d == s.depth));
            }
        }
        return frames;
    }

    private static StackFrameInfo frame(LuaState L, int index, boolean top) {
        CallFrame f = L.frames[index];
        if (f.kind != CallFrame.LUA) {
            return new StackFrameInfo(name(L, index, f), "[C]", -1, List.of());
        }
        Prototype p = Interpreter.proto(f);
        int pc = top ? f.pc : Math.max(f.pc - 1, 0);
        List<StackFrameInfo.Local> locals = new ArrayList<>();
        String name;
        for (int reg = 0; (name = p.localName(reg, pc)) != null; reg++) {
            if (!name.startsWith("(")) {
                Object value = Slots.get(L.refs, L.nums, f.base + reg);
                locals.add(new StackFrameInfo.Local(name, shortValue(value), LuaType.nameOf(value)));
            }
        }
        int line = top ? nextLine(f) : DebugInfo.currentLine(f);
        return new StackFrameInfo(name(L, index, f), ChunkNames.shortName(p.source), line, locals);
    }

    /** The function's name as a traceback gives it. */
    private static String name(LuaState L, int index, CallFrame f) {
        Object fn = f.kind == CallFrame.LUA ? f.closure : f.javaFunction;
        String global = DebugInfo.globalFunctionName(L.vm, fn);
        if (global != null) {
            return global;
        }
        String[] called = DebugInfo.calledName(L, index);
        if (called != null) {
            return called[0] + " '" + called[1] + "'";
        }
        if (f.kind != CallFrame.LUA) {
            return f.javaFunction != null ? f.javaFunction.name() : "?";
        }
        Prototype p = Interpreter.proto(f);
        return p.lineDefined == 0 ? "main chunk" : "function <" + ChunkNames.shortName(p.source) + ":" + p.lineDefined + ">";
    }

    /** A value as an observer reads it: literals for nil, booleans, numbers and (shortened) strings, type and identity otherwise. */
    private static String shortValue(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v instanceof Boolean ? v.toString() : Numbers.toString(v);
        }
        if (v instanceof String s) {
            String text = ByteStrings.decode(s);
            return text.length() <= MAX_STRING_CHARS
                    ? '"' + text + '"'
                    : '"' + text.substring(0, MAX_STRING_CHARS) + "...\"";
        }
        return String.format("%s: 0x%08x", LuaType.nameOf(v), System.identityHashCode(v));
    }
}
