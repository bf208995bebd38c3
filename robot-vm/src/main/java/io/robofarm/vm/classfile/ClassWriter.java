package io.robofarm.vm.classfile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one class file, so that the VM can turn hot Lua functions into JVM code without a
 * third-party bytecode library. It writes version 49 (Java 5) class files: those need no stack map
 * frames, since the JVM verifies them by type inference, which keeps the generator small; such
 * classes still run with all of HotSpot's compilers.
 */
public final class ClassWriter {
    public static final int ACC_PUBLIC = 0x0001, ACC_FINAL = 0x0010, ACC_SUPER = 0x0020;

    private static final int MAGIC = 0xCAFEBABE;
    private static final int MAJOR_VERSION = 49;

    private final ConstantPool pool = new ConstantPool();
    private final int thisClass;
    private final int superClass;
    private final int[] interfaces;
    private final List<byte[]> methods = new ArrayList<>();

    /** A final class {@code name} (internal form, {@code a/b/C}) extending {@code superName}. */
    public ClassWriter(String name, String superName, String... interfaceNames) {
        thisClass = pool.classRef(name);
        superClass = pool.classRef(superName);
        interfaces = new int[interfaceNames.length];
        for (int j = 0; j < interfaceNames.length; j++) {
            interfaces[j] = pool.classRef(interfaceNames[j]);
        }
    }

    /** Starts a method; its code is added to the class by {@link Code#finish}. */
    public Code method(int access, String name, String descriptor, int maxLocals, int maxStack) {
        return new Code(pool, this, access, pool.utf8(name), pool.utf8(descriptor), maxLocals, maxStack);
    }

    void addMethod(byte[] method) {
        methods.add(method);
    }

    int codeAttributeName() {
        return pool.utf8("Code");
    }

    /** The finished class file. */
    public byte[] toByteArray() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(0);
            out.writeShort(MAJOR_VERSION);
            pool.writeTo(out);
            out.writeShort(ACC_FINAL | ACC_SUPER);
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(interfaces.length);
            for (int index : interfaces) {
                out.writeShort(index);
            }
            out.writeShort(0);
            out.writeShort(methods.size());
            for (byte[] method : methods) {
                out.write(method);
            }
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
