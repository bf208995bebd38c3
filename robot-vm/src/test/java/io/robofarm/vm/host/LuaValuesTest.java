package io.robofarm.vm.host;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.stdlib.StandardLibraries;
import io.robofarm.vm.value.LuaTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values crossing between scripts and the host keep a JSON-friendly shape both ways. */
class LuaValuesTest {
    private static final Vm VM = new Vm();

    private static Object eval(String expression) {
        Vm vm = new Vm();
        StandardLibraries.openSandboxed(vm);
        return vm.call(vm.load("return " + expression, "=test", vm.globals()))[0];
    }

    @Test
    void scalarsKeepTheirType() {
        assertEquals(null, LuaValues.toJava(eval("nil")));
        assertEquals(true, LuaValues.toJava(eval("1 < 2")));
        assertEquals(7L, LuaValues.toJava(eval("3 + 4")));
        assertEquals(0.5, LuaValues.toJava(eval("1 / 2")));
        assertEquals("héllo", LuaValues.toJava(eval("'h\\xC3\\xA9llo'")));
    }

    @Test
    void sequencesBecomeListsAndOtherTablesMaps() {
        assertEquals(List.of(1L, "two", List.of(3L)), LuaValues.toJava(eval("{1, 'two', {3}}")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("1", 1L);
        expected.put("3", 3L);
        assertEquals(expected, LuaValues.toJava(eval("{[1] = 1, [3] = 3}")));
        assertEquals(Map.of("name", "r2", "tags", List.of("a", "b"), "ok", true),
                LuaValues.toJava(eval("{name = 'r2', tags = {'a', 'b'}, ok = true}")));
        assertEquals(Map.of(), LuaValues.toJava(eval("{}")));
        assertEquals(Map.of("1.5", "x", "true", "y"), LuaValues.toJava(eval("{[1.5] = 'x', [true] = 'y'}")));
    }

    @Test
    void valuesWithoutJavaShapeAreRefusedOrDescribed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LuaValues.toJava(eval("print")));
        assertEquals("cannot pass a function value to the host", e.getMessage());
        Object cyclic = eval("(function() local t = {} t.self = t return t end)()");
        assertThrows(IllegalArgumentException.class, () -> LuaValues.toJava(cyclic));
        Object described = LuaValues.toJavaLenient(eval("{f = print}"));
        assertTrue(((Map<?, ?>) described).get("f").toString().startsWith("function: 0x"), described.toString());
    }

    @Test
    void javaValuesBecomeLuaValues() {
        assertEquals(5L, LuaValues.toLua(VM, 5));
        assertEquals(5L, LuaValues.toLua(VM, new BigDecimal("5")));
        assertEquals(2.5, LuaValues.toLua(VM, 2.5f));
        assertEquals("h\u00C3\u00A9", LuaValues.toLua(VM, "hé"));
        LuaTable t = (LuaTable) LuaValues.toLua(VM, Map.of("list", List.of(1, 2), "n", 1));
        assertEquals(2L, ((LuaTable) t.get("list")).length());
        assertEquals(1L, t.get("n"));
        assertEquals(List.of(1L, 2L), LuaValues.toJava(LuaValues.toLua(VM, new Object[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> LuaValues.toLua(VM, new Object()));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> LuaValues.toLua(VM, cyclic));
        assertThrows(IllegalArgumentException.class, () -> LuaValues.toLua(VM, JavaFunction.of("f", L -> 0)));
    }
}
