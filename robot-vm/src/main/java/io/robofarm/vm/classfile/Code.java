package io.robofarm.vm.classfile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import static io.robofarm.vm.classfile.Opcodes.*;

/**
 * The code of one method being written: instructions appended in order, branches to {@link Label}s
 * resolved as the labels are placed. The caller declares the operand-stack and local-variable sizes,
 * which the JVM's verifier then checks.
 */
public final class Code {
    private static final int MAX_CODE = 0xFFFF;

    private final ConstantPool pool;
    private final ClassWriter owner;
    private final int access;
    private final int name;
    private final int descriptor;
    private final int maxLocals;
    private final int maxStack;
    private byte[] code = new byte[256];
    private int length;

    Code(ConstantPool pool, ClassWriter owner, int access, int name, int descriptor, int maxLocals, int maxStack) {
        this.pool = pool;
        this.owner = owner;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.maxLocals = maxLocals;
        this.maxStack = maxStack;
    }

    /** Bytes of code so far. */
    public int size() {
        return length;
    }

    /** An instruction without operands. */
    public Code op(int opcode) {
        u1(opcode);
        return this;
    }

    /** Pushes an int constant with the shortest instruction. */
    public Code iconst(int v) {
        if (v >= -1 && v <= 5) {
            u1(ICONST_0 + v);
        } else if (v == (byte) v) {
            u1(BIPUSH);
            u1(v);
        } else if (v == (short) v) {
            u1(SIPUSH);
            u2(v);
        } else {
            ldc(pool.integer(v));
        }
        return this;
    }

    public Code lconst(long v) {
        if (v == 0 || v == 1) {
            u1(LCONST_0 + (int) v);
        } else {
            u1(LDC2_W);
            u2(pool.longValue(v));
        }
        return this;
    }

    public Code dconst(double v) {
        u1(LDC2_W);
        u2(pool.doubleValue(v));
        return this;
    }

    /** A load or store of local {@code index} ({@code ILOAD}, {@code ASTORE}, ...). */
    public Code local(int opcode, int index) {
        u1(opcode);
        u1(index);
        return this;
    }

    public Code field(int opcode, String ownerName, String fieldName, String fieldDescriptor) {
        u1(opcode);
        u2(pool.field(ownerName, fieldName, fieldDescriptor));
        return this;
    }

    public Code invokeStatic(String ownerName, String methodName, String methodDescriptor) {
        return invoke(INVOKESTATIC, ownerName, methodName, methodDescriptor);
    }

    public Code invokeSpecial(String ownerName, String methodName, String methodDescriptor) {
        return invoke(INVOKESPECIAL, ownerName, methodName, methodDescriptor);
    }

    private Code invoke(int opcode, String ownerName, String methodName, String methodDescriptor) {
        u1(opcode);
        u2(pool.method(ownerName, methodName, methodDescriptor));
        return this;
    }

    /** {@code CHECKCAST}, {@code INSTANCEOF} or {@code NEW} of class {@code className}. */
    public Code type(int opcode, String className) {
        u1(opcode);
        u2(pool.classRef(className));
        return this;
    }

    /** A conditional or unconditional branch with a 16-bit offset. */
    public Code jump(int opcode, Label target) {
        int start = length;
        u1(opcode);
        offset(target, start, 2);
        return this;
    }

    /** Places {@code label} here. */
    public Code place(Label label) {
        if (label.position >= 0) {
            throw new IllegalStateException("label placed twice");
        }
        label.position = length;
        for (int[] use : label.pending) {
            patch(use[0], use[1], use[2], length);
        }
        label.pending.clear();
        return this;
    }

    /** A {@code TABLESWITCH} over the values {@code low .. low + targets.length - 1}. */
    public Code tableSwitch(int low, Label otherwise, Label... targets) {
        int start = length;
        u1(TABLESWITCH);
        while (length % 4 != 0) {
            u1(0);
        }
        offset(otherwise, start, 4);
        u4(low);
        u4(low + targets.length - 1);
        for (Label target : targets) {
            offset(target, start, 4);
        }
        return this;
    }

    /** Adds the method to its class; every label used must have been placed. */
    public void finish() {
        if (length > MAX_CODE) {
            throw new ClassTooLargeException("method code over 64 KiB");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(access);
            out.writeShort(name);
            out.writeShort(descriptor);
            out.writeShort(1);
            out.writeShort(owner.codeAttributeName());
            out.writeInt(12 + length);
            out.writeShort(maxStack);
            out.writeShort(maxLocals);
            out.writeInt(length);
            out.write(code, 0, length);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        owner.addMethod(bytes.toByteArray());
    }

    private void ldc(int index) {
        if (index < 256) {
            u1(LDC);
            u1(index);
        } else {
            u1(LDC_W);
            u2(index);
        }
    }

    private void offset(Label target, int start, int width) {
        int at = length;
        if (width == 2) {
            u2(0);
        } else {
            u4(0);
        }
        if (target.position >= 0) {
            patch(start, at, width, target.position);
        } else {
            target.pending.add(new int[] {start, at, width});
        }
    }

    private void patch(int start, int at, int width, int position) {
        int delta = position - start;
        if (width == 2) {
            if (delta != (short) delta) {
                throw new ClassTooLargeException("branch offset out of 16-bit range");
            }
            code[at] = (byte) (delta >> 8);
            code[at + 1] = (byte) delta;
        } else {
            code[at] = (byte) (delta >> 24);
            code[at + 1] = (byte) (delta >> 16);
            code[at + 2] = (byte) (delta >> 8);
            code[at + 3] = (byte) delta;
        }
    }

    private void u1(int v) {
        if (length == code.length) {
            code = Arrays.copyOf(code, length * 2);
        }
        code[length++] = (byte) v;
    }

    private void u2(int v) {
        u1(v >> 8);
        u1(v);
    }

    private void u4(int v) {
        u2(v >> 16);
        u2(v);
    }
}
