package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.Vm;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static io.robofarm.vm.stdlib.SandboxScripts.run;
import static io.robofarm.vm.stdlib.SandboxScripts.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sandboxed VMs share their library tables copy-on-write: each sees them whole, its writes stay its
 * own, the tables keep their identity when they are copied, and each VM has its own library state.
 */
class SandboxCopyOnWriteTest {
    private final ByteArrayOutputStream outA = new ByteArrayOutputStream();
    private final ByteArrayOutputStream outB = new ByteArrayOutputStream();
    private final Vm a = sandbox(outA);
    private final Vm b = sandbox(outB);

    private String inA(String code) {
        return run(a, outA, code);
    }

    private String inB(String code) {
        return run(b, outB, code);
    }

    /** Lists a table's keys in traversal order, then its length. */
    private static final String LIST = "local function list(t) local keys = {} for k in pairs(t) do keys[#keys + 1] = tostring(k) end "
            + "return table.concat(keys, ' ') .. ' #' .. #t end ";

    @Test
    void aLibraryTableKeepsItsIdentityWhenAScriptFirstWritesToIt() {
        assertEquals("true\ttrue\ttrue\ttrue\n", inA("local s, g, m = string, _G, math "
                + "string.shout = function(x) return x:upper() .. '!' end _G.answer = 42 rawset(math, 'tau', 2 * math.pi) "
                + "print(rawequal(s, string), rawequal(g, _G), rawequal(m, math), rawequal(getmetatable('').__index, string))"));
        assertEquals("HI!\t42\ttrue\n", inA("print(('hi'):shout(), answer, math.tau == 2 * math.pi)"));
        assertEquals("nil\tnil\tnil\n", inB("print(string.shout, answer, math.tau)"));
    }

    @Test
    void traversalAndLengthAreTheSameInEveryVmUntilOneChangesATable() {
        String listing = LIST + "print(list(string)) print(list(_G)) print(list(os)) print(list(table))";
        String fresh = inA(listing);
        assertEquals(fresh, inB(listing));
        assertTrue(fresh.contains("format") && fresh.contains("coroutine") && fresh.contains("clock"), fresh);
        inA("string.format = nil table.extra = 1 x = 1 for k in pairs(os) do os[k] = nil end");
        assertEquals(fresh, inB(listing));
        String changed = inA(listing);
        assertTrue(!changed.contains("format") && changed.contains("extra"), changed);
    }

    @Test
    void aTraversalThatClearsASharedTableVisitsEveryKeyOnce() {
        String count = "local n = 0 for _ in pairs(string) do n = n + 1 end print(n)";
        String size = inB(count);
        assertEquals(size, inA("local n = 0 for k in pairs(string) do string[k] = nil n = n + 1 end print(n)"));
        assertEquals("0\n", inA(count));
        assertEquals(size, inB(count));
    }

    @Test
    void arraysAndLengthsOfCopiesFollowTheirOwnWrites() {
        inA("setmetatable(table, {__index = function() return 'meta' end}) table[1] = 'a' table[2] = 'b'");
        assertEquals("2\tmeta\tnil\n", inA("print(#table, table.missing, getmetatable(string))"));
        assertEquals("0\tnil\tnil\n", inB("print(#table, table.missing, getmetatable(table))"));
    }

    @Test
    void eachVmHasItsOwnRandomSequence() {
        inA("math.randomseed(7)");
        inB("math.randomseed(7)");
        String first = inA("print(math.random(1 << 40))");
        inA("for i = 1, 5 do math.random() end math.randomseed(8)");
        assertEquals(first, inB("print(math.random(1 << 40))"));
    }

    @Test
    void eachVmHasItsOwnCollectorSettingsAndClock() {
        assertEquals("false\t100\n", inA("collectgarbage('stop') collectgarbage('setpause', 100) print(collectgarbage('isrunning'), collectgarbage('setpause', 100))"));
        assertEquals("true\t200\n", inB("print(collectgarbage('isrunning'), collectgarbage('setpause', 200))"));
        assertEquals("true\n", inB("print(os.clock() < 60)"));
    }

    @Test
    void eachVmHasItsOwnWarningSwitch() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream captured = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            System.setErr(captured);
            inA("warn('@on') warn('from a')");
            inB("warn('from b')");
        } finally {
            System.setErr(saved);
        }
        assertEquals("Lua warning: from a\n", err.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aModuleGrantedToOneVmIsNotGrantedToAnother() {
        GrantedModules.grant(a, "kv", "the kv module");
        assertEquals("the kv module\n", inA("print(require 'kv')"));
        assertEquals("false\tmodule 'kv' not found: not granted to this sandbox\n", inB("print(pcall(require, 'kv'))"));
    }

    @Test
    void aVmIsChargedForTheLibraryPartsItCopiesOnly() {
        long fresh = a.measureMemory();
        assertEquals(fresh, b.measureMemory());
        long libraries = fresh - new Vm().measureMemory();
        assertTrue(libraries < 2048, "the sandbox libraries cost a fresh VM " + libraries + " bytes");
        inA("string.format = nil");
        long afterWrite = a.measureMemory();
        assertTrue(afterWrite > fresh, afterWrite + " after a write, " + fresh + " before");
        assertEquals(fresh, b.measureMemory());
    }
}
