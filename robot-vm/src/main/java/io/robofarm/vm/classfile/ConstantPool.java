package io.robofarm.vm.classfile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constant pool of one class file being written: each distinct entry is added once and named by
 * its index, as the JVM specification (chapter 4.4) lays it out.
 */
final class ConstantPool {
    private static final int UTF8 = 1, INTEGER = 3, LONG = 5, DOUBLE = 6, CLASS = 7, FIELD = 9, METHOD = 10,
            NAME_AND_TYPE = 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<List<Object>, Integer> indexes = new HashMap<>();
    private int count = 1;

    int utf8(String s) {
        return entry(List.of(UTF8, s), 1, o -> o.writeUTF(s));
    }

    int classRef(String internalName) {
        int name = utf8(internalName);
        return entry(List.of(CLASS, internalName), 1, o -> o.writeShort(name));
    }

    int integer(int v) {
        return entry(List.of(INTEGER, v), 1, o -> o.writeInt(v));
    }

    int longValue(long v) {
        return entry(List.of(LONG, v), 2, o -> o.writeLong(v));
    }

    /** A double constant, keyed by its bits so that -0.0 and every NaN keep their own entries. */
    int doubleValue(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return entry(List.of(DOUBLE, bits), 2, o -> o.writeLong(bits));
    }

    int field(String owner, String name, String descriptor) {
        return member(FIELD, owner, name, descriptor);
    }

    int method(String owner, String name, String descriptor) {
        return member(METHOD, owner, name, descriptor);
    }

    private int member(int tag, String owner, String name, String descriptor) {
        int ownerIndex = classRef(owner);
        int nameIndex = utf8(name);
        int typeIndex = utf8(descriptor);
        int nameAndType = entry(List.of(NAME_AND_TYPE, name, descriptor), 1, o -> {
            o.writeShort(nameIndex);
            o.writeShort(typeIndex);
        });
        return entry(List.of(tag, owner, name, descriptor), 1, o -> {
            o.writeShort(ownerIndex);
            o.writeShort(nameAndType);
        });
    }

    /** The pool as it appears in the class file: its count, then its entries. */
    void writeTo(DataOutputStream target) throws IOException {
        target.writeShort(count);
        bytes.writeTo(target);
    }

    private int entry(List<Object> key, int slots, Body body) {
        Integer known = indexes.get(key);
        if (known != null) {
            return known;
        }
        if (count + slots > 0xFFFF) {
            throw new ClassTooLargeException("constant pool overflow");
        }
        try {
            out.writeByte((Integer) key.get(0));
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = count;
        count += slots;
        indexes.put(key, index);
        return index;
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }
}
