package io.robofarm.vm.interp;

import io.robofarm.vm.code.ChunkNames;
import io.robofarm.vm.code.Prototype;

/** Builds the "stack traceback:" text of luaL_traceback from a coroutine's heap frames. */
final class Traceback {
    /** Levels shown before and after the "..." when the stack is deep (lauxlib's LEVELS1/LEVELS2). */
    private static final int LEVELS1 = 10;
    private static final int LEVELS2 = 11;

    private Traceback() {
    }

    /** The traceback of {@code L} from its running frame down; the main coroutine's base shows as "[C]: in ?". */
    static String build(LuaState L) {
        StringBuilder sb = new StringBuilder("stack traceback:");
        boolean main = L == L.vm.mainState();
        int last = main ? L.depth + 1 : L.depth;
        int level = 1;
        int limit2show = last - level > LEVELS1 + LEVELS2 ? LEVELS1 : -1;
        while (level <= last) {
            int current = level++;
            if (limit2show-- == 0) {
                int n = last - level - LEVELS2 + 1;
                sb.append("\n\t...\t(skipping ").append(n).append(" levels)");
                level += n;
            } else {
                appendLevel(sb, L, L.depth - (current - 1));
            }
        }
        return sb.toString();
    }

    private static void appendLevel(StringBuilder sb, LuaState L, int index) {
        CallFrame f = L.frames[index];
        if (index == 0) {
            sb.append("\n\t[C]: in ?");
            return;
        }
        Object fn = f.kind == CallFrame.LUA ? f.closure : f.javaFunction;
        if (f.kind == CallFrame.LUA) {
            Prototype p = Interpreter.proto(f);
            sb.append("\n\t").append(ChunkNames.shortName(p.source)).append(':').append(DebugInfo.currentLine(f))
                    .append(": in ");
        } else {
            sb.append("\n\t[C]: in ");
        }
        String global = DebugInfo.globalFunctionName(L.vm, fn);
        String[] called = DebugInfo.calledName(L, index);
        if (global != null) {
            sb.append("function '").append(global).append('\'');
        } else if (called != null) {
            sb.append(called[0]).append(" '").append(called[1]).append('\'');
        } else if (f.kind == CallFrame.LUA && Interpreter.proto(f).lineDefined == 0) {
            sb.append("main chunk");
        } else if (f.kind == CallFrame.LUA) {
            Prototype p = Interpreter.proto(f);
            sb.append("function <").append(ChunkNames.shortName(p.source)).append(':').append(p.lineDefined).append('>');
        } else {
            sb.append('?');
        }
        if (f.tailCall) {
            sb.append("\n\t(...tail calls...)");
        }
    }
}
