package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorMessagesTest {

    private static String message(String code) {
        return String.valueOf(Lua.error(code).value());
    }

    @Test
    void namesVariablesLikeLua() {
        assertEquals("test:1: attempt to index a nil value (local 'x')", message("local x; return x.y"));
        assertEquals("test:1: attempt to index a nil value (global 'g')", message("return g.y"));
        assertEquals("test:1: attempt to index a nil value (field 'f')", message("local t = {} return t.f.g"));
        assertEquals("test:1: attempt to index a nil value (upvalue 'u')",
                message("local u; local function f() return u.x end return f()"));
        assertEquals("test:1: attempt to call a nil value (method 'm')", message("local t = {} t:m()"));
        assertEquals("test:1: attempt to call a nil value (global 'nofunc')", message("nofunc()"));
        assertEquals("test:1: attempt to perform arithmetic on a nil value (field 'x')",
                message("local t = {} return t.x + 1"));
        assertEquals("test:1: attempt to concatenate a table value (local 't')", message("local t = {} return t .. 'a'"));
        assertEquals("test:1: attempt to compare number with nil", message("local x return 1 < x"));
        assertEquals("test:1: attempt to perform bitwise operation on a string value (constant 'abc')",
                message("return 'abc' | 1"));
        assertEquals("test:1: number (local 'x') has no integer representation",
                message("local x = 1.5 return x | 1"));
        assertEquals("test:1: attempt to divide by zero", message("local x = 0 return 1 // x"));
    }

    @Test
    void badArgumentsNameTheFunctionAsCalled() {
        assertEquals("test:1: bad argument #1 to 'insert' (table expected, got nil)", message("table.insert(nil, 1)"));
        assertEquals("test:1: calling 'rep' on bad self (string expected, got table)",
                message("local t = {rep = string.rep} t:rep(2)"));
        assertEquals("test:1: bad argument #1 to 'rep' (number expected, got no value)", message("('x'):rep()"));
        assertEquals("bad argument #1 to 'string.rep' (string expected, got no value)",
                String.valueOf(Lua.run("print(select(2, pcall(string.rep)))")).trim());
    }

    @Test
    void uncaughtErrorsCarryLuasTraceback() {
        LuaError e = Lua.error("local function f() error('x') end\nf()");
        assertEquals("test:1: x", e.getMessage());
        assertEquals("stack traceback:\n\t[C]: in function 'error'\n\ttest:1: in local 'f'\n\ttest:2: in main chunk\n"
                + "\t[C]: in ?", e.luaTraceback());
    }

    @Test
    void globalFunctionsAndMethodsAppearByName() {
        LuaError e = Lua.error("function outer() local t = {} function t:m() local x = nil + 1 end t:m() end\nouter()");
        assertEquals("stack traceback:\n\ttest:1: in method 'm'\n\ttest:1: in function 'outer'\n"
                + "\ttest:2: in main chunk\n\t[C]: in ?", e.luaTraceback());
    }
}
