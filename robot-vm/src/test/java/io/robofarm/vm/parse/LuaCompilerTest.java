package io.robofarm.vm.parse;

import io.robofarm.vm.code.Instruction;
import io.robofarm.vm.code.LocalVarInfo;
import io.robofarm.vm.code.OpCode;
import io.robofarm.vm.code.Prototype;
import io.robofarm.vm.code.UpvalueDesc;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of a prototype the interpreter relies on besides the code itself. */
class LuaCompilerTest {

    private static List<OpCode> ops(Prototype p) {
        return Arrays.stream(p.code).mapToObj(Instruction::opCode).toList();
    }

    @Test
    void mainChunkIsVarargWithEnvUpvalue() {
        Prototype p = LuaCompiler.compile("return", "@m.lua");
        assertTrue(p.isVararg);
        assertEquals("@m.lua", p.source);
        assertEquals(List.of(new UpvalueDesc("_ENV", true, 0, LocalVarInfo.REGULAR)), List.of(p.upvalues));
        assertEquals(List.of(OpCode.VARARGPREP, OpCode.RETURN, OpCode.RETURN), ops(p));
    }

    @Test
    void lineInfoIsAbsolutePerInstruction() {
        Prototype p = LuaCompiler.compile("local a = 1\n\nlocal b = a + 2\nreturn b", "=t");
        assertArrayEquals(new int[] {1, 1, 3, 3, 4, 4}, p.lineInfo);
    }

    @Test
    void localVariableRangesNameRegisters() {
        Prototype p = LuaCompiler.compile("local x = 1\ndo local y = x end\nlocal z = 2", "=t");
        assertEquals(List.of(new LocalVarInfo("x", 2, 5), new LocalVarInfo("y", 3, 3),
                new LocalVarInfo("z", 4, 5)), List.of(p.localVars));
        assertEquals("x", p.localName(0, 2));
        assertNull(p.localName(1, 2), "the MOVE into y's register still writes a temporary");
        assertEquals("z", p.localName(1, 4));
        assertNull(p.localName(2, 4));
    }

    @Test
    void constantsAreFoldedLikeLua() {
        Prototype p = LuaCompiler.compile("return 2^10, 7 // 2, 1 // 0, -0.0, 3 | 1.5", "=t");
        assertEquals(List.of(OpCode.VARARGPREP, OpCode.LOADF, OpCode.LOADI, OpCode.LOADI, OpCode.IDIVK,
                OpCode.MMBINK, OpCode.LOADF, OpCode.UNM, OpCode.LOADK, OpCode.BORK, OpCode.MMBINK,
                OpCode.RETURN, OpCode.RETURN), ops(p));
        assertEquals(List.of(0L, 3L, 1.5), List.of(p.constants));
    }

    @Test
    void compileTimeConstantsTakeNoRegister() {
        Prototype p = LuaCompiler.compile("local K <const> = 10\nlocal s <const> = 'x'\nreturn K * 2, s", "=t");
        assertEquals(0, p.localVars.length);
        assertFalse(ops(p).contains(OpCode.MUL));
        assertEquals(List.of(OpCode.VARARGPREP, OpCode.LOADI, OpCode.LOADK, OpCode.RETURN, OpCode.RETURN), ops(p));
    }

    @Test
    void loopBodiesCloseCapturedVariablesEachIteration() {
        Prototype p = LuaCompiler.compile("for i = 1, 3 do f(function() return i end) end", "=t");
        assertTrue(ops(p).contains(OpCode.CLOSE));
        UpvalueDesc up = p.protos[0].upvalues[0];
        assertEquals("i", up.name());
        assertTrue(up.inStack());
    }

    @Test
    void tailCallsAreNotUsedInsideToBeClosedScopes() {
        assertTrue(ops(LuaCompiler.compile("return f()", "=t")).contains(OpCode.TAILCALL));
        assertFalse(ops(LuaCompiler.compile("local x <close> = nil\nreturn f()", "=t")).contains(OpCode.TAILCALL));
    }
}
