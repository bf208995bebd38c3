package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static io.robofarm.vm.stdlib.SandboxScripts.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The robot sandbox profile: what it keeps, what it removes, and that VMs cannot see each other. */
class SandboxTest {
    private static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return SandboxScripts.run(sandbox(out), out, code);
    }

    @Test
    void hostCapabilitiesAreAbsent() {
        assertEquals("nil\tnil\tnil\tnil\tnil\tnil\n", run("print(io, debug, package, dofile, loadfile, string.dump)"));
        assertEquals("nil\tnil\tnil\tnil\tnil\tnil\tnil\n",
                run("print(os.getenv, os.execute, os.exit, os.remove, os.rename, os.tmpname, os.setlocale)"));
        assertEquals("nil\tnil\n", run("print(_G.io, ('x').dump)"));
    }

    @Test
    void theRobotLibrariesArePresent() {
        assertEquals("clock\tdate\tdifftime\ttime\n",
                run("local names = {} for k in pairs(os) do names[#names + 1] = k end table.sort(names) "
                        + "print(table.concat(names, '\\t'))"));
        assertEquals("table\ttable\ttable\ttable\tfunction\tfunction\tfunction\tfunction\n",
                run("print(type(table), type(math), type(utf8), type(coroutine), type(load), type(pcall), "
                        + "type(require), type(string.format))"));
        assertEquals("3\tHI\t2\n", run("print(load('return 1 + 2')(), ('hi'):upper(), utf8.len(utf8.char(233, 0x10FFFF)))"));
    }

    @Test
    void requireFindsOnlyGrantedModules() {
        for (String name : new String[] {"os", "io", "debug", "package", "string", "x"}) {
            assertEquals("false\tmodule '" + name + "' not found: not granted to this sandbox\n",
                    run("print(pcall(require, '" + name + "'))"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = sandbox(out);
        LuaTable log = vm.newTable(0, 1);
        log.put("level", "info");
        GrantedModules.grant(vm, "log", log);
        assertEquals("info\ttrue\n", SandboxScripts.run(vm, out, "local l = require 'log' print(l.level, l == require('log'))"));
    }

    @Test
    void anUngrantedRequireFailsWithItsLocation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = sandbox(out);
        LuaError e = assertThrows(LuaError.class, () -> SandboxScripts.run(vm, out, "require 'socket'"));
        assertEquals("robot:1: module 'socket' not found: not granted to this sandbox", e.getMessage());
    }

    @Test
    void binaryChunksAreRefused() {
        assertEquals("nil\tattempt to load a binary chunk (mode is 't')\n", run("print(load('\\27Lua', 'b', 't'))"));
        assertEquals("nil\t[string \"binary chunk\"]: bad binary format (precompiled chunks are not supported)\n",
                run("print(load('\\27Lua', 'binary chunk'))"));
    }

    @Test
    void twoVmsDoNotSeeEachOthersChanges() {
        ByteArrayOutputStream outA = new ByteArrayOutputStream();
        ByteArrayOutputStream outB = new ByteArrayOutputStream();
        Vm a = sandbox(outA);
        Vm b = sandbox(outB);
        SandboxScripts.run(a, outA, "string.format = function() return 'hacked' end "
                + "getmetatable('').__index.upper = nil "
                + "table.insert = nil math.pi = 3 "
                + "_G.print = function() end x = 'from a'");
        assertEquals("1.5\tHI\t3.1415926535898\tfunction\tnil\n",
                SandboxScripts.run(b, outB, "print(string.format('%.1f', 1.5), ('hi'):upper(), math.pi, type(table.insert), x)"));
        assertEquals("", SandboxScripts.run(a, outA, "print('silenced')"));
    }

    @Test
    void fullAndSandboxedVmsAreIndependent() {
        Vm full = new Vm();
        StandardLibraries.openAll(full);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm robot = sandbox(out);
        assertEquals("nil\tnil\n", SandboxScripts.run(robot, out, "print(io, os.getenv)"));
        full.call(full.load("os.time = nil", "=host", full.globals()));
        assertEquals("integer\n", SandboxScripts.run(robot, out, "print(math.type(os.time()))"));
    }
}
