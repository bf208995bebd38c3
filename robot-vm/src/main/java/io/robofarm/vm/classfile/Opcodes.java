package io.robofarm.vm.classfile;

/** The JVM instruction opcodes the generators use (JVM specification, chapter 6). */
public final class Opcodes {
    public static final int ACONST_NULL = 1, ICONST_0 = 3, LCONST_0 = 9, LCONST_1 = 10, DCONST_0 = 14,
            BIPUSH = 16, SIPUSH = 17, LDC = 18, LDC_W = 19, LDC2_W = 20;
    public static final int ILOAD = 21, LLOAD = 22, DLOAD = 24, ALOAD = 25, IALOAD = 46, LALOAD = 47, AALOAD = 50;
    public static final int ISTORE = 54, LSTORE = 55, DSTORE = 57, ASTORE = 58, IASTORE = 79, LASTORE = 80,
            AASTORE = 83;
    public static final int POP = 87, POP2 = 88, DUP = 89, DUP_X1 = 90, DUP2 = 92, DUP2_X1 = 93;
    public static final int IADD = 96, LADD = 97, DADD = 99, ISUB = 100, LSUB = 101, DSUB = 103, IMUL = 104,
            LMUL = 105, DMUL = 107, DDIV = 111, LNEG = 117, DNEG = 119, IINC = 132, L2D = 138;
    public static final int LCMP = 148, DCMPL = 151, DCMPG = 152;
    public static final int IFEQ = 153, IFNE = 154, IFLT = 155, IFGE = 156, IFGT = 157, IFLE = 158,
            IF_ICMPEQ = 159, IF_ICMPNE = 160, IF_ICMPLT = 161, IF_ICMPGE = 162, IF_ICMPGT = 163, IF_ICMPLE = 164,
            IF_ACMPEQ = 165, IF_ACMPNE = 166, GOTO = 167, TABLESWITCH = 170, IFNULL = 198, IFNONNULL = 199;
    public static final int IRETURN = 172, ARETURN = 176, RETURN = 177;
    public static final int GETSTATIC = 178, GETFIELD = 180, PUTFIELD = 181,
            INVOKESPECIAL = 183, INVOKESTATIC = 184, INVOKEINTERFACE = 185;
    public static final int ATHROW = 191, NEW = 187, CHECKCAST = 192, INSTANCEOF = 193;

    private Opcodes() {
    }
}
