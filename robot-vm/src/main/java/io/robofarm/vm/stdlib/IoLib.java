package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code io} library reduced to the standard streams: robots never open host files, so only
 * {@code io.write}, {@code io.read}, {@code io.lines} over stdin and the methods of
 * {@code io.stdin}, {@code io.stdout} and {@code io.stderr} exist. A file is a table with a
 * "FILE*" metatable (there is no userdata type); its methods accept only this VM's three streams.
 */
public final class IoLib {
    private final Vm vm;
    private final LuaInput input;
    private final LuaTable stdin;
    private final LuaTable stdout;
    private final LuaTable stderr;

    private IoLib(Vm vm) {
        this.vm = vm;
        this.input = new LuaInput(vm::stdin);
        LuaTable meta = fileMetatable();
        stdin = newFile(meta);
        stdout = newFile(meta);
        stderr = newFile(meta);
    }

    /** Installs the {@code io} table into the VM's globals. */
    public static void open(Vm vm) {
        new IoLib(vm).install();
    }

    private void install() {
        LuaTable io = vm.newTable(0, 16);
        register(io, "io.write", L -> write(L, stdout, 1));
        register(io, "io.read", L -> read(L, 1));
        register(io, "io.lines", this::lines);
        register(io, "io.type", this::type);
        register(io, "io.flush", L -> {
            flush(stdout);
            L.pushBoolean(true);
            return 1;
        });
        register(io, "io.output", L -> currentFile(L, stdout));
        register(io, "io.input", L -> currentFile(L, stdin));
        io.put("stdin", stdin);
        io.put("stdout", stdout);
        io.put("stderr", stderr);
        vm.globals().put("io", io);
    }

    private LuaTable newFile(LuaTable meta) {
        LuaTable file = vm.newTable(0, 0);
        file.setMetatable(meta);
        return file;
    }

    private LuaTable fileMetatable() {
        LuaTable methods = vm.newTable(0, 8);
        register(methods, "file.write", L -> write(L, checkFile(L), 2));
        register(methods, "file.read", L -> checkFile(L) == stdin ? read(L, 2) : badDescriptor(L));
        register(methods, "file.lines", L -> checkFile(L) == stdin ? linesIterator(L, 2) : badDescriptor(L));
        register(methods, "file.flush", L -> {
            flush(checkFile(L));
            L.pushBoolean(true);
            return 1;
        });
        register(methods, "file.close", L -> {
            checkFile(L);
            L.pushNil();
            L.pushString("cannot close standard file");
            return 2;
        });
        register(methods, "file.setvbuf", L -> {
            checkFile(L);
            L.pushBoolean(true);
            return 1;
        });
        register(methods, "file.seek", L -> {
            checkFile(L);
            L.pushNil();
            L.pushString("Illegal seek");
            L.pushInteger(29);
            return 3;
        });
        LuaTable meta = vm.newTable(0, 4);
        meta.put("__index", methods);
        meta.put("__name", "FILE*");
        meta.put("__tostring", JavaFunction.of("file.__tostring", L -> {
            L.pushString(String.format("file (0x%08x)", System.identityHashCode(L.arg(1))));
            return 1;
        }));
        return meta;
    }

    private LuaTable checkFile(LuaState L) {
        Object self = L.arg(1);
        if (self != stdin && self != stdout && self != stderr) {
            throw L.typeError(1, "FILE*");
        }
        return (LuaTable) self;
    }

    /** The failure of reading an output stream, as C's read(2) reports it. */
    private static int badDescriptor(LuaState L) {
        L.pushNil();
        L.pushString("Bad file descriptor");
        L.pushInteger(9);
        return 3;
    }

    private OutputStream streamOf(LuaTable file) {
        return file == stderr ? System.err : vm.stdout();
    }

    private int write(LuaState L, LuaTable file, int firstArg) {
        int n = L.getTop();
        StringBuilder text = new StringBuilder();
        L.trackBuffer(text);
        try {
            for (int i = firstArg; i <= n; i++) {
                Object v = L.arg(i);
                String s = v instanceof Long l ? LuaNumbers.toString(l)
                        : v instanceof Double d ? formatFloat(d) : L.checkString(i);
                L.allocate(s.length());
                text.append(s);
            }
            LuaStreams.write(L, streamOf(file), text);
        } finally {
            L.untrackBuffer(text);
        }
        L.push(file);
        return 1;
    }

    /** C's "%.14g", which io.write uses for floats (no ".0" suffix, unlike tostring). */
    private static String formatFloat(double d) {
        String s = LuaNumbers.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private void flush(LuaTable file) {
        try {
            streamOf(file).flush();
        } catch (IOException e) {
            throw new LuaError(e.getMessage());
        }
    }

    /** Reads with the formats from argument {@code first} on; stops at the first failing format. */
    private int read(LuaState L, int first) {
        flush(stdout);
        int n = L.getTop();
        if (n < first) {
            L.push(input.readLine(false));
            return 1;
        }
        int pushed = 0;
        for (int i = first; i <= n; i++) {
            Object result = readFormat(L, i);
            L.push(result);
            pushed++;
            if (result == null) {
                break;
            }
        }
        return pushed;
    }

    private Object readFormat(LuaState L, int arg) {
        if (L.type(arg) == LuaType.NUMBER) {
            return input.readChars(L.checkInteger(arg));
        }
        String format = L.checkString(arg);
        int start = format.startsWith("*") ? 1 : 0;
        char kind = format.length() > start ? format.charAt(start) : '\0';
        return switch (kind) {
            case 'n' -> input.readNumber();
            case 'l' -> input.readLine(false);
            case 'L' -> input.readLine(true);
            case 'a' -> input.readAll();
            default -> throw L.argError(arg, "invalid format");
        };
    }

    private int lines(LuaState L) {
        if (!L.isNoneOrNil(1)) {
            throw L.error("cannot open file '" + L.checkString(1) + "' (Permission denied)");
        }
        return linesIterator(L, 2);
    }

    /** An iterator reading stdin with the formats given from argument {@code first} on ("l" by default). */
    private int linesIterator(LuaState L, int first) {
        int n = L.getTop();
        Object[] formats = new Object[Math.max(n - first + 1, 0)];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = L.arg(first + i);
        }
        L.push(JavaFunction.of("lines_iterator", it -> {
            for (Object f : formats) {
                it.push(f);
            }
            return read(it, it.getTop() - formats.length + 1);
        }));
        return 1;
    }

    private int type(LuaState L) {
        L.checkAny(1);
        Object v = L.arg(1);
        if (v == stdin || v == stdout || v == stderr) {
            L.pushString("file");
        } else {
            L.pushNil();
        }
        return 1;
    }

    private int currentFile(LuaState L, LuaTable file) {
        if (!L.isNoneOrNil(1) && L.arg(1) != file) {
            if (!L.isString(1)) {
                throw L.typeError(1, "FILE*");
            }
            throw L.error("cannot open file '" + L.checkString(1) + "' (Permission denied)");
        }
        L.push(file);
        return 1;
    }
}
