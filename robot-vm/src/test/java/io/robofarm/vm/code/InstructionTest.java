package io.robofarm.vm.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionTest {

    @Test
    void opcodesHaveLuaNumbers() {
        assertEquals(0, OpCode.MOVE.ordinal());
        assertEquals(46, OpCode.MMBIN.ordinal());
        assertEquals(82, OpCode.EXTRAARG.ordinal());
        assertEquals(83, OpCode.values().length);
    }

    @Test
    void abcFieldsRoundTrip() {
        int i = Instruction.createABCk(OpCode.SETFIELD, 255, 254, 253, true);
        assertEquals(OpCode.SETFIELD, Instruction.opCode(i));
        assertEquals(255, Instruction.a(i));
        assertEquals(254, Instruction.b(i));
        assertEquals(253, Instruction.c(i));
        assertTrue(Instruction.k(i));
    }

    @Test
    void signedFieldsUseExcessK() {
        assertEquals(-65535, Instruction.sbx(Instruction.createAsBx(OpCode.LOADI, 1, -65535)));
        assertEquals(65536, Instruction.sbx(Instruction.createAsBx(OpCode.LOADI, 1, 65536)));
        assertEquals(-16777215, Instruction.sj(Instruction.createsJ(OpCode.JMP, -16777215)));
        assertEquals(-127, Instruction.sc(Instruction.createABC(OpCode.ADDI, 0, 0, 0)));
        assertEquals(Instruction.MAXARG_AX, Instruction.ax(Instruction.createAx(OpCode.EXTRAARG, Instruction.MAXARG_AX)));
    }

    @Test
    void encodingMatchesLua() {
        assertEquals(0x00020080, Instruction.createABC(OpCode.MOVE, 1, 2, 0));
        assertEquals(0x7FFF8001, Instruction.createAsBx(OpCode.LOADI, 0, 0));
    }
}
