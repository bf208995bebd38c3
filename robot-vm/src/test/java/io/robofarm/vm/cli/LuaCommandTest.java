package io.robofarm.vm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LuaCommandTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result run(String stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LuaCommand.run("lua5.4", List.of(argv), dir,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), new PrintStream(out),
                new PrintStream(err));
        return new Result(status, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }

    @Test
    void runsAScriptWithItsArgTable() throws IOException {
        write("s.lua", "print(..., #arg, arg[0], arg[-1], arg[-2])");
        assertEquals(new Result(0, "a\t2\ts.lua\tx=1\t-e\n", ""), run("", "-e", "x=1", "s.lua", "a", "b"));
    }

    @Test
    void printsTheVersion() {
        assertEquals(new Result(0, "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n", ""), run("", "-v"));
    }

    @Test
    void uncaughtErrorsPrintMessageAndTracebackAndExitWithOne() throws IOException {
        write("e.lua", "print('before')\nlocal function f() error('boom') end\nf()\n");
        assertEquals(new Result(1, "before\n", "lua5.4: e.lua:2: boom\nstack traceback:\n\t[C]: in function 'error'\n"
                + "\te.lua:2: in local 'f'\n\te.lua:3: in main chunk\n\t[C]: in ?\n"), run("", "e.lua"));
    }

    @Test
    void nonStringErrorObjectsAreDescribed() throws IOException {
        write("t.lua", "error({})");
        write("s.lua", "error(setmetatable({}, {__tostring = function() return 'custom' end}))");
        assertEquals("lua5.4: (error object is a table value)\nstack traceback:\n\t[C]: in function 'error'\n"
                + "\tt.lua:1: in main chunk\n\t[C]: in ?\n", run("", "t.lua").err());
        assertEquals("lua5.4: custom\n", run("", "s.lua").err());
    }

    @Test
    void syntaxErrorsAndMissingFilesAreReportedWithoutTraceback() throws IOException {
        write("bad.lua", "x = = 1");
        assertEquals(new Result(1, "", "lua5.4: bad.lua:1: unexpected symbol near '='\n"), run("", "bad.lua"));
        assertEquals(new Result(1, "", "lua5.4: cannot open none.lua: No such file or directory\n"), run("", "none.lua"));
    }

    @Test
    void dashLRequiresModulesIntoGlobalsInCommandLineOrder() throws IOException {
        write("m.lua", "return 42");
        write("foo-bar.lua", "return 'fb'");
        assertEquals(new Result(0, "nil\n42\t42\n", ""), run("", "-e", "print(m)", "-l", "m", "-lx=m", "-e", "print(m, x)"));
        assertEquals(new Result(0, "fb\n", ""), run("", "-l", "foo-bar", "-e", "print(_G['foo-bar'])"));
        assertEquals(1, run("", "-l").status());
    }

    @Test
    void dashWTurnsWarningsOn() {
        assertEquals(new Result(0, "", ""), run("", "-W", "-e", "warn('@off') warn('x')"));
        assertEquals(new Result(0, "ok\n", ""), run("", "-W", "-e", "print(select('#', warn('@on')) == 0 and 'ok')"));
    }

    @Test
    void dashIRunsTheInteractiveLoopEchoingLinesLikeReadlineOnAPipe() {
        Result r = run("x = 1\nx + 1\nfor i = 1, 2 do\nprint(i)\nend\nerror('boom')\n= x\n", "-i");
        assertEquals(new Result(0, "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n"
                + "> x = 1\n> x + 1\n2\n> for i = 1, 2 do\n>> print(i)\n>> end\n1\n2\n> error('boom')\n"
                + "> = x\n1\n> \n",
                "stdin:1: boom\nstack traceback:\n\t[C]: in function 'error'\n\tstdin:1: in main chunk\n\t[C]: in ?\n"), r);
    }

    @Test
    void interactiveLoopReportsSyntaxErrorsAndHonoursPrompts() {
        Result r = run("_PROMPT = '$ '\nx = = 1\nif x then\n", "-i");
        assertEquals(new Result(0, "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n"
                + "> _PROMPT = '$ '\n$ x = = 1\n$ if x then\n>> $ \n",
                "stdin:1: unexpected symbol near '='\n(null)\n"), r);
    }

    @Test
    void requireFindsModulesInTheWorkingDirectory() throws IOException {
        write("mod.lua", "return {answer = 42}");
        write("main.lua", "print(require('mod').answer)");
        assertEquals(new Result(0, "42\n", ""), run("", "main.lua"));
    }

    @Test
    void readsTheScriptFromStdinWithADash() {
        assertEquals(new Result(0, "7\n", ""), run("print(3 + 4)", "-"));
    }

    @Test
    void osExitEndsWithItsStatusAfterFlushingOutput() throws IOException {
        write("x.lua", "io.write('partial') os.exit(3)");
        assertEquals(new Result(3, "partial", ""), run("", "x.lua"));
    }

    @Test
    void exhaustedFuelExitsWithThreeAndTheReason() throws IOException {
        write("loop.lua", "print('start') print(pcall(function() while true do end end))");
        assertEquals(new Result(3, "start\n", "lua5.4: fuel exhausted\n"), run("", "--max-fuel", "100000", "loop.lua"));
        assertEquals(new Result(0, "ok\n", ""), run("", "--max-fuel", "100000", "-e", "print('ok')"));
    }

    @Test
    void aTimeoutExitsWithThreeAndTheReason() throws IOException {
        write("loop.lua", "local ok = xpcall(error, function() while true do end end)");
        assertEquals(new Result(3, "", "lua5.4: timeout after 100 ms\n"), run("", "--timeout", "100ms", "loop.lua"));
        assertEquals(new Result(3, "", "lua5.4: timeout after 0 s\n"), run("", "--timeout", "0s", "loop.lua"));
    }

    @Test
    void optionsCombineBeforeLuaOptionsAndScript() throws IOException {
        write("s.lua", "print(io, os.getenv, ...)");
        assertEquals(new Result(0, "nil\tnil\ta\n", ""),
                run("", "--sandbox", "--max-fuel", "1000000", "--timeout", "5s", "--max-memory", "64m", "--max-depth", "200",
                        "--max-output", "1m", "-e", "x=1", "s.lua", "a"));
    }

    @Test
    void theSandboxGrantsNoModules() throws IOException {
        write("r.lua", "require 'os'");
        assertEquals(new Result(1, "", "lua5.4: r.lua:1: module 'os' not found: not granted to this sandbox\n"
                + "stack traceback:\n\t[C]: in function 'require'\n\tr.lua:1: in main chunk\n\t[C]: in ?\n"),
                run("", "--sandbox", "r.lua"));
    }

    @Test
    void aMemoryLimitExitsWithThreeAndTheReason() throws IOException {
        write("grow.lua", "print('start') collectgarbage('stop') local t = {} for i = 1, 1e9 do t[i] = {} end");
        assertEquals(new Result(3, "start\n", "lua5.4: memory limit of 8 MiB exceeded\n"),
                run("", "--max-memory", "8m", "grow.lua"));
        assertEquals(new Result(3, "", "lua5.4: memory limit of 512 KiB exceeded\n"),
                run("", "--max-memory", "512K", "-e", "local s = ('x'):rep(1 << 20)"));
        assertEquals(new Result(0, "1048576\n", ""), run("", "--max-memory", "1g", "-e", "print(#('x'):rep(1 << 20))"));
    }

    @Test
    void callDepthAndOutputLimitsExitWithThree() {
        assertEquals(new Result(3, "", "lua5.4: call depth limit of 50 exceeded\n"),
                run("", "--max-depth", "50", "-e", "local function f() return 1 + f() end print(pcall(f))"));
        assertEquals(new Result(3, "12345\n6", "lua5.4: output limit of 7 bytes exceeded\n"),
                run("", "--max-output", "7", "-e", "print(12345) print(67890)"));
    }

    @Test
    void malformedLimitsAreRejected() {
        assertEquals(new Result(1, "", "lua5.4: bad --max-memory '64x' (e.g. 64m, 512k or 1g expected)\n"),
                run("", "--max-memory", "64x", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: bad --max-memory '999999999999999g' (too large)\n"),
                run("", "--max-memory", "999999999999999g", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: bad --max-depth '0' (a positive count of nested calls expected)\n"),
                run("", "--max-depth", "0", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: bad --max-output '1.5m' (e.g. 64m, 512k or 1g expected)\n"),
                run("", "--max-output", "1.5m", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: bad --timeout '5' (e.g. 5s or 250ms expected)\n"),
                run("", "--timeout", "5", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: bad --max-fuel '-1' (a count of instructions expected)\n"),
                run("", "--max-fuel", "-1", "x.lua"));
        assertEquals(new Result(1, "", "lua5.4: '--max-fuel' needs argument\n"), run("", "--max-fuel"));
    }
}
