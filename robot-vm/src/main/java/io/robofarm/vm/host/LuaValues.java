package io.robofarm.vm.host;

import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.ByteStrings;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts values crossing between a script and the host, in JSON-friendly shapes. Lua to Java: nil
 * is null, booleans are {@link Boolean}, integers {@link Long}, floats {@link Double}, strings
 * {@link String} (their bytes read as UTF-8), a table whose keys are exactly 1..n (n > 0) a
 * {@link List}, any other table a {@link Map} with string keys (numbers and booleans written as Lua
 * writes them). Java to Lua goes the other way and also takes the other {@link Number} types,
 * arrays and any {@link Collection}.
 */
public final class LuaValues {
    /** Deepest table nesting converted; deeper (or cyclic) data is refused. */
    static final int MAX_DEPTH = 64;

    private LuaValues() {
    }

    /**
     * The Java value of a Lua value.
     *
     * @throws IllegalArgumentException for functions, coroutines, tables with other keys than
     *                                  strings, numbers and booleans, and nesting beyond 64 levels
     */
    public static Object toJava(Object lua) {
        return toJava(lua, true, 0);
    }

    /**
     * Like {@link #toJava} but never fails, for reporting what a script returned: what has no Java
     * shape becomes a description such as "function: 0x1b6d3586".
     */
    public static Object toJavaLenient(Object lua) {
        return toJava(lua, false, 0);
    }

    private static Object toJava(Object v, boolean strict, int depth) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof String s) {
            return ByteStrings.decode(s);
        }
        if (v instanceof LuaTable t) {
            if (depth >= MAX_DEPTH) {
                if (strict) {
                    throw new IllegalArgumentException("table nested too deeply (or cyclic)");
                }
                return describe(v);
            }
            return isSequence(t) ? list(t, strict, depth) : map(t, strict, depth);
        }
        if (strict) {
            throw new IllegalArgumentException("cannot pass a " + LuaType.nameOf(v) + " value to the host");
        }
        return describe(v);
    }

    private static boolean isSequence(LuaTable t) {
        long count = 0;
        for (int s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            count++;
        }
        if (count == 0) {
            return false;
        }
        for (long i = 1; i <= count; i++) {
            if (t.get(i) == null) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> list(LuaTable t, boolean strict, int depth) {
        long n = t.length();
        List<Object> list = new ArrayList<>((int) n);
        for (long i = 1; i <= n; i++) {
            list.add(toJava(t.get(i), strict, depth + 1));
        }
        return list;
    }

    private static Map<String, Object> map(LuaTable t, boolean strict, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            Object key = t.keyAt(s);
            String name;
            if (key instanceof String k) {
                name = ByteStrings.decode(k);
            } else if (key instanceof Long l) {
                name = LuaNumbers.toString(l);
            } else if (key instanceof Double d) {
                name = LuaNumbers.toString(d);
            } else if (key instanceof Boolean b) {
                name = b.toString();
            } else if (strict) {
                throw new IllegalArgumentException("cannot pass a table with a " + LuaType.nameOf(key) + " key to the host");
            } else {
                name = describe(key);
            }
            map.put(name, toJava(t.valueAt(s), strict, depth + 1));
        }
        return map;
    }

    private static String describe(Object v) {
        return String.format("%s: 0x%08x", LuaType.nameOf(v), System.identityHashCode(v));
    }

    /**
     * The Lua value of a Java value, with maps and lists as tables of {@code vm}, charged to its
     * memory limit like the tables its script makes (a script may grow them).
     *
     * @throws IllegalArgumentException for types without a Lua shape, and nesting beyond 64 levels
     */
    public static Object toLua(Vm vm, Object java) {
        return toLua(vm, java, 0);
    }

    private static Object toLua(Vm vm, Object v, int depth) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof BigDecimal d && d.scale() <= 0 && d.toBigInteger().bitLength() < 64) {
            return d.longValueExact();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof CharSequence s) {
            return ByteStrings.encode(s.toString());
        }
        if (v instanceof Character c) {
            return ByteStrings.encode(c.toString());
        }
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("value nested too deeply (or cyclic) for Lua");
        }
        if (v instanceof Map<?, ?> m) {
            LuaTable t = vm.newTable(0, m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    t.put(toLua(vm, e.getKey(), depth + 1), toLua(vm, e.getValue(), depth + 1));
                }
            }
            return t;
        }
        if (v instanceof Collection<?> c) {
            return sequence(vm, c.toArray(), depth);
        }
        if (v instanceof Object[] a) {
            return sequence(vm, a, depth);
        }
        throw new IllegalArgumentException("cannot give a " + v.getClass().getSimpleName() + " to Lua");
    }

    private static LuaTable sequence(Vm vm, Object[] values, int depth) {
        LuaTable t = vm.newTable(values.length, 0);
        for (int i = 0; i < values.length; i++) {
            t.put(i + 1L, toLua(vm, values[i], depth + 1));
        }
        return t;
    }
}
