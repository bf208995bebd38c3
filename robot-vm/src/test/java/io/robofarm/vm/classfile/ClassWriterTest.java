package io.robofarm.vm.classfile;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntBinaryOperator;

import static io.robofarm.vm.classfile.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Class files written by {@link ClassWriter} load, pass the JVM's verifier and run as written. */
class ClassWriterTest {

    /** {@code (a, b) -> a == 0 ? a + b : a == 1 ? 3 * b (by a loop) : 1_000_000_007}. */
    private static byte[] switchAndLoop() {
        ClassWriter cw = new ClassWriter("io/robofarm/vm/classfile/Generated", "java/lang/Object",
                "java/util/function/IntBinaryOperator");
        cw.method(0, "<init>", "()V", 1, 1).local(ALOAD, 0).invokeSpecial("java/lang/Object", "<init>", "()V")
                .op(RETURN).finish();
        Code m = cw.method(ClassWriter.ACC_PUBLIC, "applyAsInt", "(II)I", 4, 2);
        Label add = new Label();
        Label loop = new Label();
        Label head = new Label();
        Label end = new Label();
        Label otherwise = new Label();
        m.local(ILOAD, 1).tableSwitch(0, otherwise, add, loop);
        m.place(add).local(ILOAD, 1).local(ILOAD, 2).op(IADD).op(IRETURN);
        m.place(loop).iconst(0).local(ISTORE, 3);
        m.place(head).local(ILOAD, 2).jump(IFLE, end);
        m.local(ILOAD, 3).iconst(3).op(IADD).local(ISTORE, 3);
        m.local(ILOAD, 2).iconst(1).op(ISUB).local(ISTORE, 2).jump(GOTO, head);
        m.place(end).local(ILOAD, 3).op(IRETURN);
        m.place(otherwise).iconst(1_000_000_007).op(IRETURN);
        m.finish();
        return cw.toByteArray();
    }

    @Test
    void aGeneratedClassRunsItsSwitchBranchesAndLoops() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(switchAndLoop(), true);
        IntBinaryOperator op = (IntBinaryOperator) lookup.findConstructor(lookup.lookupClass(),
                MethodType.methodType(void.class)).invoke();
        assertEquals(5, op.applyAsInt(0, 5));
        assertEquals(12, op.applyAsInt(1, 4));
        assertEquals(0, op.applyAsInt(1, 0));
        assertEquals(1_000_000_007, op.applyAsInt(7, 2));
    }

    @Test
    void aBranchBeyondSixteenBitsIsRefused() {
        Code m = new ClassWriter("io/robofarm/vm/classfile/Far", "java/lang/Object")
                .method(ClassWriter.ACC_PUBLIC, "far", "()V", 1, 1);
        Label far = new Label();
        m.jump(GOTO, far);
        for (int i = 0; i < 20_000; i++) {
            m.iconst(0).op(POP);
        }
        assertThrows(ClassTooLargeException.class, () -> m.place(far));
    }
}
