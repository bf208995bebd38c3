package io.robofarm.vm.interp;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the size of the dispatch loop: HotSpot never compiles a method whose bytecode exceeds
 * 8000 bytes (HugeMethodLimit), so a loop that grows past it would silently run interpreted, many
 * times slower. The test reads the compiled class file itself (a minimal class-file parser: the
 * constant pool for names, then each method's Code attribute).
 */
class InterpreterSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void dispatchLoopStaysCompilable() throws IOException {
        Map<String, Integer> sizes = codeSizes(Interpreter.class);
        Integer run = sizes.get("run");
        assertNotNull(run, "no method 'run' in " + sizes.keySet());
        assertTrue(run < HUGE_METHOD_LIMIT, "Interpreter.run is " + run + " bytes of bytecode; HotSpot does not "
                + "compile methods of " + HUGE_METHOD_LIMIT + " bytes or more: move rare opcodes out");
        sizes.forEach((name, size) -> assertTrue(size < HUGE_METHOD_LIMIT, name + " is " + size + " bytes"));
    }

    /** Bytecode length of each method of {@code type} (the largest, for overloads). */
    private static Map<String, Integer> codeSizes(Class<?> type) throws IOException {
        String resource = type.getSimpleName() + ".class";
        try (InputStream raw = type.getResourceAsStream(resource)) {
            assertNotNull(raw, resource);
            DataInputStream in = new DataInputStream(raw);
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            String[] utf8 = readConstantPool(in);
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> sizes = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.readUnsignedShort();
                        in.readUnsignedShort();
                        int codeLength = in.readInt();
                        sizes.merge(name, codeLength, Math::max);
                        in.skipBytes(length - 8);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return sizes;
        }
    }

    /** Reads the constant pool, keeping only its UTF-8 entries (by index). */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
