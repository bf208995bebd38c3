package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dispatch loop's shortcuts (field reads through __index tables, raw stores into tables with
 * metatables, per-instruction slot hints, string methods, arithmetic on strings) must give the
 * same results as the general metamethod paths they bypass. Expected outputs are lua5.4's.
 */
class FastPathsTest {

    @Test
    void storesSkipNewindexOnlyForKeysThatArePresent() {
        String code = "local log = {}\n"
                + "local mt = {__newindex = function(t, k, v) log[#log + 1] = tostring(k); rawset(t, k, v) end}\n"
                + "local o = setmetatable({a = 1}, mt)\n"
                + "o.a = 2; o.b = 3; o.b = 4; o.a = nil; o.a = 5\n"
                + "local k = 'c'; o[k] = 6; o[1] = 7\n"
                + "print(o.a, o.b, o.c, o[1], table.concat(log, ' '))";
        assertEquals("5\t4\t6\t7\tb a c 1\n", Lua.run(code));
    }

    @Test
    void storesIntoTablesWhoseMetatableLacksNewindexAreRaw() {
        assertEquals("1\t2\tnil\n", Lua.run("local o = setmetatable({}, {__index = {z = 9}})\n"
                + "o.x = 1; o[1] = 2; o.z = nil; print(o.x, o[1], rawget(o, 'z'))"));
    }

    @Test
    void fieldReadsFollowIndexTablesAndFunctions() {
        String code = "local A = {f = 'A.f'}; A.__index = A\n"
                + "local B = setmetatable({g = 'B.g'}, A); B.__index = B\n"
                + "local C = setmetatable({}, {__index = function(t, k) return 'fn:' .. k end})\n"
                + "local o = setmetatable({}, B)\n"
                + "print(o.f, o.g, o.h, C.x)";
        assertEquals("A.f\tB.g\tnil\tfn:x\n", Lua.run(code));
    }

    @Test
    void slotHintsStayCorrectAcrossTablesOfDifferentShapes() {
        String code = "local function get(t) return t.k end\n"
                + "local a = {k = 1}\n"
                + "local b = {p = 1, q = 2, r = 3, k = 2}\n"
                + "local c = {}\n"
                + "local s = 0\n"
                + "for i = 1, 100 do s = s + get(a) + get(b) + (get(c) or 0) end\n"
                + "b.k = nil; c.k = 10\n"
                + "print(s, get(b), get(c))";
        assertEquals("300\tnil\t10\n", Lua.run(code));
    }

    @Test
    void stringMethodsUseTheCurrentStringLibrary() {
        assertEquals("BC\tdone\n", Lua.run("local s = 'abc'\nlocal u = s:upper():sub(2)\n"
                + "string.extra = function() return 'done' end\nprint(u, s:extra())"));
    }

    @Test
    void stringArithmeticGoesThroughTheStringMetatable() {
        assertEquals("11\t-2\t8.0\t3\nX\tX\n", Lua.run("print('10' + 1, -'2', '2' ^ 3, '7' // '2')\n"
                + "getmetatable('').__add = function() return 'X' end\nprint('1' + 1, 1 + '1')"));
        assertEquals("test:1: attempt to perform arithmetic on a string value (local 's')",
                Lua.error("getmetatable('').__sub = nil local s = 'abc' return s - 1").value());
        assertEquals("test:1: attempt to add a 'string' with a 'number'", Lua.error("return 'abc' + 1").value());
        assertEquals("attempt to divide by zero", Lua.error("return '10' // '0'").value());
    }

    @Test
    void numberArithmeticKeepsLuaSemantics() {
        assertEquals("-2\t-1\t1.5\t4\t0\t1.0\t-1\t7\t4.0\t3.5\t24.5\n", Lua.run("local a, b, c = 7, -4, 3.5\n"
                + "print(a // b, a % b, -c % 5, 8 >> 1, 1 << 64, 6.0 // 4, ~0, 2 | 4 & 5 ~ 1, 2^2, 7 / 2, a * c)"));
    }
}
