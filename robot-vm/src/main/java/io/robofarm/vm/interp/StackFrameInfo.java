package io.robofarm.vm.interp;

import java.util.List;

/**
 * One level of a VM's call stack as an observer sees it: which function, where, and its local
 * variables with short renderings of their values. Taken by {@link StackInspector}.
 *
 * @param function the name the function is known by ("print", "local 'step'", "main chunk",
 *                 "function <robot.lua:12>"), "?" when unknown
 * @param source   the chunk's short name, or "[C]" for a function implemented in Java
 * @param line     the current line, or -1 for a Java function
 * @param locals   the active local variables, outermost first (empty for a Java function)
 */
public record StackFrameInfo(String function, String source, int line, List<Local> locals) {
    /**
     * A local variable, a short rendering of its value ("42", "\"text\"", "table: 0x1b6d3586") and its
     * Lua type name ("number", "string", "table", ...).
     */
    public record Local(String name, String value, String type) {
    }
}
