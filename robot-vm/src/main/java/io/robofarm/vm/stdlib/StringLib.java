package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.JavaBody;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.MemoryMeter;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.stdlib.string.PatternFunctions;
import io.robofarm.vm.stdlib.string.StringArithmetic;
import io.robofarm.vm.stdlib.string.StringFormat;
import io.robofarm.vm.stdlib.string.StringPacking;
import io.robofarm.vm.stdlib.string.StringPositions;
import io.robofarm.vm.value.LuaTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lua 5.4's {@code string} library and the string metatable that makes {@code s:upper()} and
 * {@code "10" + 1} work. Strings are byte strings: every char is 0..255, and case mapping follows the
 * C locale. Patterns, formatting and packing live in {@code io.robofarm.vm.stdlib.string}; the small
 * functions are here.
 */
public final class StringLib {
    /** Lua's limit on the length of a string built by the library (lstrlib's MAXSIZE). */
    private static final long MAX_SIZE = Integer.MAX_VALUE;
    /** Results {@code string.byte} may push at once, Lua's LUAI_MAXSTACK. */
    private static final long MAX_RESULTS = 1_000_000;

    /**
     * The library's functions by name, in a fixed order so that every VM's table iterates alike. They hold
     * no state, so every VM shares the same objects.
     */
    private static final Map<String, JavaFunction> FUNCTIONS = functions();

    private StringLib() {
    }

    private static Map<String, JavaFunction> functions() {
        Map<String, JavaFunction> f = new LinkedHashMap<>();
        add(f, "byte", StringLib::byteValues);
        add(f, "char", StringLib::fromBytes);
        add(f, "dump", StringLib::dump);
        add(f, "find", PatternFunctions::find);
        add(f, "format", StringFormat::format);
        add(f, "gmatch", PatternFunctions::gmatch);
        add(f, "gsub", PatternFunctions::gsub);
        add(f, "len", L -> pushLength(L, L.checkString(1)));
        add(f, "lower", L -> mapCase(L, false));
        add(f, "match", PatternFunctions::match);
        add(f, "pack", StringPacking::pack);
        add(f, "packsize", StringPacking::packsize);
        add(f, "rep", StringLib::rep);
        add(f, "reverse", StringLib::reverse);
        add(f, "sub", StringLib::sub);
        add(f, "unpack", StringPacking::unpack);
        add(f, "upper", L -> mapCase(L, true));
        return Collections.unmodifiableMap(f);
    }

    private static void add(Map<String, JavaFunction> functions, String name, JavaBody body) {
        functions.put(name, JavaFunction.of("string." + name, body));
    }

    /** Installs the global {@code string} and sets the VM's string metatable ({@code __index = string}). */
    public static void open(Vm vm) {
        LuaTable string = vm.newTable(0, FUNCTIONS.size());
        FUNCTIONS.forEach(string::put);
        vm.globals().put("string", string);

        LuaTable meta = vm.newTable(0, 10);
        meta.put("__index", string);
        StringArithmetic.install(meta);
        vm.setStringMetatable(meta);
    }

    private static int pushLength(LuaState L, String s) {
        L.pushInteger(s.length());
        return 1;
    }

    /** {@code string.byte (s [, i [, j]])} */
    private static int byteValues(LuaState L) {
        String s = L.checkString(1);
        int len = s.length();
        long i = L.optInteger(2, 1);
        long last = StringPositions.end(L.optInteger(3, i), len);
        long first = StringPositions.start(i, len);
        if (first > last) {
            return 0;
        }
        long n = last - first + 1;
        if (n >= MAX_RESULTS) {
            throw L.error("stack overflow (string slice too long)");
        }
        for (long k = first - 1; k < last; k++) {
            L.pushInteger(s.charAt((int) k));
        }
        return (int) n;
    }

    /** {@code string.char (...)} */
    private static int fromBytes(LuaState L) {
        int n = L.getTop();
        char[] bytes = new char[n];
        for (int i = 1; i <= n; i++) {
            long c = L.checkInteger(i);
            if (c < 0 || c > 255) {
                throw L.argError(i, "value out of range");
            }
            bytes[i - 1] = (char) c;
        }
        L.pushString(new String(bytes));
        return 1;
    }

    /**
     * {@code string.dump (f)}: functions here have no binary chunk form, so every function is one that
     * "cannot be dumped", as C functions are in lua5.4.
     */
    private static int dump(LuaState L) {
        L.checkFunction(1);
        throw L.error("unable to dump given function");
    }

    /** {@code string.lower (s)} and {@code string.upper (s)}: ASCII letters only, as in the C locale. */
    private static int mapCase(LuaState L, boolean upper) {
        String s = L.checkString(1);
        char from = upper ? 'a' : 'A';
        int shift = upper ? 'A' - 'a' : 'a' - 'A';
        char[] out = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= from && c <= from + 25) {
                if (out == null) {
                    L.allocate(2L * n + MemoryMeter.stringBytes(n));
                    out = s.toCharArray();
                }
                out[i] = (char) (c + shift);
            }
        }
        L.push(out == null ? s : new String(out));
        return 1;
    }

    /** {@code string.rep (s, n [, sep])}: the size is checked, against the memory limit too, before anything is allocated. */
    private static int rep(LuaState L) {
        String s = L.checkString(1);
        long n = L.checkInteger(2);
        String sep = L.optString(3, "");
        long unit = (long) s.length() + sep.length();
        if (n <= 0 || unit == 0) {
            L.pushString("");
            return 1;
        }
        if (unit > MAX_SIZE / n) {
            L.checkMemoryFits(unit > Long.MAX_VALUE / n ? Long.MAX_VALUE : MemoryMeter.stringBytes(unit * n));
            throw L.error("resulting string too large");
        }
        long total = unit * n - sep.length();
        L.allocate(MemoryMeter.stringBytes(total));
        L.checkInterrupt(total >> 6);
        if (sep.isEmpty()) {
            L.push(s.repeat((int) n));
            return 1;
        }
        L.allocate(total);
        StringBuilder out = new StringBuilder((int) total);
        out.append(s);
        for (long k = 1; k < n; k++) {
            out.append(sep).append(s);
        }
        L.push(out.toString());
        return 1;
    }

    /** {@code string.reverse (s)} */
    private static int reverse(LuaState L) {
        String s = L.checkString(1);
        int n = s.length();
        L.allocate(2L * n + MemoryMeter.stringBytes(n));
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.charAt(n - 1 - i);
        }
        L.push(new String(out));
        return 1;
    }

    /** {@code string.sub (s, i [, j])}: positions are clamped, never an error. */
    private static int sub(LuaState L) {
        String s = L.checkString(1);
        int len = s.length();
        long start = StringPositions.start(L.checkInteger(2), len);
        long end = StringPositions.end(L.optInteger(3, -1), len);
        L.pushString(start > end ? "" : s.substring((int) start - 1, (int) end));
        return 1;
    }
}
