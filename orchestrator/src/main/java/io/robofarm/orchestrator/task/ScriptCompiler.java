package io.robofarm.orchestrator.task;

import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.parse.LuaCompiler;
import io.robofarm.vm.parse.LuaSyntaxError;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Compiles task scripts with robot-vm's compiler. The chunk is named after the task
 * ({@code hello.lua}), so messages and tracebacks name the task's file as {@code lua5.4} would.
 */
@Component
public class ScriptCompiler {

    /** @throws ScriptSyntaxException with Lua's message, line and column when the script is not valid Lua */
    public Prototype compile(String taskName, String source) {
        try {
            return LuaCompiler.compile(asBytes(source), chunkName(taskName));
        } catch (LuaSyntaxError e) {
            throw new ScriptSyntaxException(e.getMessage(), e.line(), e.column());
        }
    }

    static String chunkName(String taskName) {
        return "@" + taskName + ".lua";
    }

    /** The compiler reads one char per byte, as Lua reads a file: give it the UTF-8 bytes of the text. */
    private static String asBytes(String source) {
        return new String(source.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
