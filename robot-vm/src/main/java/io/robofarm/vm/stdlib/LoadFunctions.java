package io.robofarm.vm.stdlib;

import io.robofarm.vm.code.ChunkNames;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaClosure;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.parse.LuaSyntaxError;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The chunk-loading functions of the base library: {@code load}, {@code loadfile} and
 * {@code dofile}. Only source chunks are accepted; a binary chunk is refused with lua5.4's message.
 * Files resolve against the VM's working directory.
 */
public final class LoadFunctions {
    /** The UTF-8 byte-order mark as three Latin-1 chars, the way a source file's bytes are read. */
    private static final String UTF8_BOM = "\u00EF\u00BB\u00BF";

    /** First byte of a precompiled chunk (LUA_SIGNATURE). */
    private static final char BINARY_MARK = '\u001b';

    private LoadFunctions() {
    }

    /** Installs load, loadfile and dofile into the globals. */
    public static void open(Vm vm) {
        LuaTable g = vm.globals();
        g.put("load", JavaFunction.of("load", LoadFunctions::load));
        g.put("loadfile", JavaFunction.of("loadfile", LoadFunctions::loadfile));
        g.put("dofile", JavaFunction.of("dofile", LoadFunctions::dofile));
    }

    /**
     * Loads the source file {@code name} (a UTF-8 byte-order mark and a first line starting with '#'
     * are ignored, as lua5.4 does) with {@code env} as its _ENV.
     *
     * @throws LuaError with lua5.4's message ("cannot open ...", or the syntax error)
     */
    public static LuaClosure loadFile(Vm vm, String name, Object env) {
        String text;
        String chunkName;
        try {
            if (name == null) {
                chunkName = "=stdin";
                text = latin1(vm.stdin().readAllBytes());
            } else {
                chunkName = "@" + name;
                text = latin1(Files.readAllBytes(vm.resolvePath(name)));
            }
        } catch (NoSuchFileException e) {
            throw new LuaError("cannot open " + name + ": No such file or directory");
        } catch (IOException e) {
            throw new LuaError("cannot read " + (name == null ? "stdin" : name) + ": " + e.getMessage());
        }
        if (text.startsWith(UTF8_BOM)) {
            text = text.substring(UTF8_BOM.length());
        }
        if (text.startsWith("#")) {
            int eol = text.indexOf('\n');
            text = eol < 0 ? "" : text.substring(eol);
        }
        return compile(vm, text, chunkName, "bt", env);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static LuaClosure compile(Vm vm, String text, String chunkName, String mode, Object env) {
        boolean binary = !text.isEmpty() && text.charAt(0) == BINARY_MARK;
        if (binary && mode.indexOf('b') < 0) {
            throw new LuaError("attempt to load a binary chunk (mode is '" + mode + "')");
        }
        if (!binary && mode.indexOf('t') < 0) {
            throw new LuaError("attempt to load a text chunk (mode is '" + mode + "')");
        }
        if (binary) {
            throw new LuaError(ChunkNames.shortName(chunkName) + ": bad binary format (precompiled chunks are not supported)");
        }
        try {
            return vm.load(text, chunkName, env);
        } catch (LuaSyntaxError e) {
            throw new LuaError(e.getMessage());
        }
    }

    /** load(chunk [, chunkname [, mode [, env]]]): the chunk, or nil plus the error message. */
    private static int load(LuaState L) {
        Object chunk = L.arg(1);
        String mode = L.optString(3, "bt");
        Object env = L.isNone(4) ? L.vm().globals() : L.arg(4);
        String text;
        String chunkName;
        if (L.isString(1)) {
            text = L.checkString(1);
            chunkName = L.optString(2, text);
        } else {
            L.checkFunction(1);
            chunkName = L.optString(2, "=(load)");
            try {
                text = readPieces(L, chunk);
            } catch (LuaError e) {
                L.pushNil();
                L.push(e.value());
                return 2;
            }
        }
        try {
            L.push(compile(L.vm(), text, chunkName, mode, env));
            return 1;
        } catch (LuaError e) {
            L.pushNil();
            L.push(e.value());
            return 2;
        }
    }

    private static String readPieces(LuaState L, Object reader) {
        StringBuilder sb = new StringBuilder();
        L.trackBuffer(sb);
        try {
            while (true) {
                Object piece = L.call(reader);
                if (piece == null || piece instanceof String s && s.isEmpty()) {
                    return sb.toString();
                }
                String s = piece instanceof String text ? text : numberText(piece);
                if (s == null) {
                    throw L.error("reader function must return a string");
                }
                L.allocate(s.length());
                sb.append(s);
                L.checkInterrupt(s.length());
            }
        } finally {
            L.untrackBuffer(sb);
        }
    }

    /** A number a reader returned, as the piece of text lua_tolstring makes of it; null for other values. */
    private static String numberText(Object piece) {
        if (piece instanceof Long l) {
            return LuaNumbers.toString(l);
        }
        return piece instanceof Double d ? LuaNumbers.toString(d) : null;
    }

    /** loadfile([filename [, mode [, env]]]). */
    private static int loadfile(LuaState L) {
        String name = L.optString(1, null);
        String mode = L.optString(2, "bt");
        Object env = L.isNone(3) ? L.vm().globals() : L.arg(3);
        try {
            LuaClosure fn = loadFile(L.vm(), name, env);
            if (mode.indexOf('t') < 0) {
                throw new LuaError("attempt to load a text chunk (mode is '" + mode + "')");
            }
            L.push(fn);
            return 1;
        } catch (LuaError e) {
            L.pushNil();
            L.push(e.value());
            return 2;
        }
    }

    /** dofile([filename]): runs the file and returns its results; errors propagate. */
    private static int dofile(LuaState L) {
        String name = L.optString(1, null);
        LuaClosure fn = loadFile(L.vm(), name, L.vm().globals());
        Object[] results = L.callMulti(fn);
        for (Object r : results) {
            L.push(r);
        }
        return results.length;
    }
}
