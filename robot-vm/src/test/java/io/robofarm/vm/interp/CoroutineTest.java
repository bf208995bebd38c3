package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoroutineTest {

    @Test
    void resumeAndYieldPassValuesBothWays() {
        assertEquals("true\t3\ngot\tx\ntrue\tdone\nfalse\tcannot resume dead coroutine\tdead\n",
                Lua.run("local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) print('got', c) "
                        + "return 'done' end)\n"
                        + "print(coroutine.resume(co, 1, 2)) print(coroutine.resume(co, 'x'))\n"
                        + "local ok, msg = coroutine.resume(co) print(ok, msg, coroutine.status(co))"));
    }

    @Test
    void yieldWorksAcrossPcallAndInsideMetamethods() {
        String code = "local obj = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end,\n"
                + "  __lt = function() return coroutine.yield('lt') end})\n"
                + "local gen = coroutine.wrap(function()\n"
                + "  local ok, v = pcall(function() return obj.key end)\n"
                + "  print('index', ok, v)\n"
                + "  print('lt', obj < obj)\n"
                + "  return 'end'\n"
                + "end)\n"
                + "print(gen()) print(gen('value')) print(gen(false))";
        assertEquals("key\nindex\ttrue\tvalue\nlt\nlt\tfalse\nend\n", Lua.run(code));
    }

    @Test
    void statusRunningAndYieldability() {
        String code = "local main, ismain = coroutine.running() print(ismain, coroutine.isyieldable())\n"
                + "local co co = coroutine.create(function() print(coroutine.status(co), coroutine.isyieldable()) end)\n"
                + "print(coroutine.status(co)) coroutine.resume(co) print(coroutine.status(co))";
        assertEquals("true\tfalse\nsuspended\nrunning\ttrue\ndead\n", Lua.run(code));
    }

    @Test
    void refusalsUseLuaMessages() {
        String code = "print(pcall(coroutine.yield))\n"
                + "local co co = coroutine.create(function() return coroutine.resume(co) end)\n"
                + "print(coroutine.resume(co))\n"
                + "print(coroutine.resume(coroutine.create(function() table.sort({1, 2, 3}, function(a, b) "
                + "coroutine.yield() return a < b end) end)))";
        assertEquals("false\tattempt to yield from outside a coroutine\n"
                + "true\tfalse\tcannot resume non-suspended coroutine\n"
                + "false\tattempt to yield across a C-call boundary\n", Lua.run(code));
    }

    @Test
    void wrapRaisesErrorsWithThePositionOfItsCaller() {
        assertEquals("false\ttest:1: boom\n",
                Lua.run("local f = coroutine.wrap(function() error('boom') end) print(pcall(f))"));
        assertEquals("false\tcannot resume dead coroutine\nfalse\ttest:1: cannot resume dead coroutine\n",
                Lua.run("local f = coroutine.wrap(function() end) f() print(pcall(f)) print(pcall(function() f() end))"));
    }

    @Test
    void closeRunsPendingCloseHandlers() {
        String code = "local co = coroutine.create(function()\n"
                + "  local x <close> = setmetatable({}, {__close = function() print('closed') end})\n"
                + "  coroutine.yield()\n"
                + "end)\n"
                + "coroutine.resume(co) print(coroutine.close(co), coroutine.status(co))";
        assertEquals("closed\ntrue\tdead\n", Lua.run(code));
    }

    @Test
    void manyCoroutinesAreCheapHeapObjects() {
        assertEquals("100000\n", Lua.run("local n = 0 for i = 1, 100000 do\n"
                + "  local co = coroutine.wrap(function(a) local b = coroutine.yield(a) return b end)\n"
                + "  co(i) if co(1) == 1 then n = n + 1 end end print(n)"));
    }
}
