package io.robofarm.vm.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lua's compile-time limits hold, and deep nesting never overflows the Java stack. */
class LimitsTest {
    private static final int DEEP = 100_000;

    private static String nested(String kind, int n) {
        return switch (kind) {
            case "parens" -> "x = " + "(".repeat(n) + "1" + ")".repeat(n);
            case "tables" -> "x = " + "{".repeat(n) + "}".repeat(n);
            case "blocks" -> "do ".repeat(n) + "end ".repeat(n);
            case "calls" -> "x = " + "f(".repeat(n) + ")".repeat(n);
            case "functions" -> "x = " + "function() return ".repeat(n) + "1" + " end".repeat(n);
            case "unary" -> "x = " + "- ".repeat(n) + "1";
            case "power" -> "x = 1" + "^1".repeat(n);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"parens", "tables", "blocks", "calls", "functions", "unary", "power"})
    void deepNestingIsASyntaxError(String kind) {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(nested(kind, DEEP), "=deep"));
        assertEquals("C stack overflow", e.getMessage());
    }

    @Test
    void nestingAsDeepAsLuaAllowsCompiles() {
        assertDoesNotThrow(() -> LuaCompiler.compile(nested("parens", 196), "=deep"));
        assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(nested("parens", 197), "=deep"));
    }

    private static String names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(", "));
    }

    @Test
    void twoHundredLocalsAreAllowed() {
        assertDoesNotThrow(() -> LuaCompiler.compile("local " + names("a", 200), "=t"));
    }

    @Test
    void twoHundredAndOneLocalsAreNot() {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class,
                () -> LuaCompiler.compile("local " + names("a", 201) + " = 1", "@f.lua"));
        assertEquals("f.lua:1: too many local variables (limit is 200) in main function near '='", e.getMessage());
    }

    @Test
    void localLimitNamesTheFunction() {
        String body = IntStream.range(0, 201).mapToObj(i -> "local a" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class,
                () -> LuaCompiler.compile("function f()\n" + body + "\nend", "@f.lua"));
        assertEquals("f.lua:202: too many local variables (limit is 200) in function at line 1 near '='",
                e.getMessage());
    }

    @Test
    void upvalueLimit() {
        String outer = IntStream.range(0, 180).mapToObj(i -> "local a" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        String inner = IntStream.range(0, 100).mapToObj(i -> "local b" + i + " = " + i)
                .collect(Collectors.joining("\n"));
        String sum = names("a", 180).replace(", ", "+") + "+" + names("b", 100).replace(", ", "+");
        String source = outer + "\nlocal function f()\n" + inner + "\nreturn function() return " + sum + " end end\n";
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(source, "@u.lua"));
        assertEquals("u.lua:282: too many upvalues (limit is 255) in function at line 282 near '+'", e.getMessage());
    }

    @Test
    void registerLimit() {
        String source = "local " + names("a", 150) + "\nf(" + names("a", 150) + ")";
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaCompiler.compile(source, "@r.lua"));
        assertEquals("r.lua:2: function or expression needs too many registers near 'a104'", e.getMessage());
    }
}
