package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * Metamethod-aware operations on boxed values for Java code (library functions and the host): each
 * metamethod is called back through {@link LuaState#call}, so these are not yieldable. The
 * interpreter loop has its own register-based versions that run metamethods as heap frames.
 */
final class Metatables {
    /** Longest __index / __newindex chain followed before assuming a loop (Lua's MAXTAGLOOP). */
    static final int MAX_TAG_LOOP = 2000;

    private Metatables() {
    }

    static LuaTable metatable(Vm vm, Object v) {
        if (v instanceof LuaTable t) {
            return t.getMetatable();
        }
        if (v instanceof String) {
            return vm.getStringMetatable();
        }
        return null;
    }

    static Object metafield(LuaState L, Object v, String event) {
        LuaTable mt = metatable(L.vm, v);
        return mt == null ? null : mt.get(event);
    }

    static Object index(LuaState L, Object t, Object k) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (t instanceof LuaTable table) {
                Object v = table.get(k);
                if (v != null) {
                    return v;
                }
                LuaTable mt = table.getMetatable();
                handler = mt == null ? null : mt.metamethod(LuaTable.TM_INDEX);
                if (handler == null) {
                    return null;
                }
            } else {
                handler = metafield(L, t, "__index");
                if (handler == null) {
                    throw new LuaError(L.where(0) + "attempt to index a " + LuaType.nameOf(t) + " value");
                }
            }
            if (handler instanceof LuaFunction) {
                return L.call(handler, t, k);
            }
            t = handler;
        }
        throw new LuaError(L.where(0) + "'__index' chain too long; possible loop");
    }

    static void setIndex(LuaState L, Object t, Object k, Object v) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object handler;
            if (t instanceof LuaTable table) {
                LuaTable mt = table.getMetatable();
                handler = mt == null ? null : mt.metamethod(LuaTable.TM_NEWINDEX);
                if (handler == null || table.get(k) != null) {
                    rawSet(L, table, k, v);
                    return;
                }
            } else {
                handler = metafield(L, t, "__newindex");
                if (handler == null) {
                    throw new LuaError(L.where(0) + "attempt to index a " + LuaType.nameOf(t) + " value");
                }
            }
            if (handler instanceof LuaFunction) {
                L.call(handler, t, k, v);
                return;
            }
            t = handler;
        }
        throw new LuaError(L.where(0) + "'__newindex' chain too long; possible loop");
    }

    /** Raw store turning LuaTable's nil/NaN key refusal into a Lua error. */
    static void rawSet(LuaState L, LuaTable t, Object k, Object v) {
        if (k == null) {
            throw new LuaError(L.where(0) + "table index is nil");
        }
        if (k instanceof Double d && d.isNaN()) {
            throw new LuaError(L.where(0) + "table index is NaN");
        }
        t.put(k, v);
    }

    static boolean rawEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Long x) {
            if (b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return b instanceof Double y && (double) x == y && LuaNumbers.fitsInteger(y) && x == (long) (double) y;
        }
        if (a instanceof Double x) {
            if (b instanceof Double y) {
                return x.doubleValue() == y.doubleValue();
            }
            return b instanceof Long && rawEquals(b, a);
        }
        return a instanceof String && a.equals(b) || a instanceof Boolean && a.equals(b);
    }

    static boolean equals(LuaState L, Object a, Object b) {
        if (rawEquals(a, b)) {
            return true;
        }
        if (!(a instanceof LuaTable ta) || !(b instanceof LuaTable tb)) {
            return false;
        }
        Object h = eqHandler(ta, tb);
        return h != null && truthy(L.call(h, a, b));
    }

    static Object eqHandler(LuaTable a, LuaTable b) {
        LuaTable mt = a.getMetatable();
        Object h = mt == null ? null : mt.metamethod(LuaTable.TM_EQ);
        if (h == null) {
            mt = b.getMetatable();
            h = mt == null ? null : mt.metamethod(LuaTable.TM_EQ);
        }
        return h;
    }

    static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    static boolean lessThan(LuaState L, Object a, Object b) {
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return Numbers.lessThan(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return truthy(compareMeta(L, a, b, "__lt"));
    }

    static boolean lessEqual(LuaState L, Object a, Object b) {
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return Numbers.lessEqual(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) <= 0;
        }
        if (metafield(L, a, "__le") == null && metafield(L, b, "__le") == null
                && (metafield(L, a, "__lt") != null || metafield(L, b, "__lt") != null)) {
            return !truthy(compareMeta(L, b, a, "__lt"));
        }
        return truthy(compareMeta(L, a, b, "__le"));
    }

    private static Object compareMeta(LuaState L, Object a, Object b, String event) {
        Object h = metafield(L, a, event);
        if (h == null) {
            h = metafield(L, b, event);
        }
        if (h == null) {
            throw new LuaError(L.where(0) + compareError(a, b));
        }
        return L.call(h, a, b);
    }

    /** Lua's message for an order comparison without metamethod. */
    static String compareError(Object a, Object b) {
        String t1 = LuaType.nameOf(a);
        String t2 = LuaType.nameOf(b);
        if (t1.equals(t2)) {
            return "attempt to compare two " + t1 + " values";
        }
        return "attempt to compare " + t1 + " with " + t2;
    }

    static Object len(LuaState L, Object v) {
        if (v instanceof String s) {
            return (long) s.length();
        }
        Object h = metafield(L, v, "__len");
        if (h != null) {
            return L.call(h, v);
        }
        if (v instanceof LuaTable t) {
            return t.length();
        }
        throw new LuaError(L.where(0) + "attempt to get length of a " + LuaType.nameOf(v) + " value");
    }

    static String toDisplayString(LuaState L, Object v) {
        Object h = metafield(L, v, "__tostring");
        if (h != null) {
            Object s = L.call(h, v);
            if (s instanceof String str) {
                return str;
            }
            if (s instanceof Long || s instanceof Double) {
                return Numbers.toString(s);
            }
            throw new LuaError(L.where(0) + "'__tostring' must return a string");
        }
        if (v == null) {
            return "nil";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Double) {
            return Numbers.toString(v);
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        Object name = metafield(L, v, "__name");
        String type = name instanceof String s ? s : LuaType.nameOf(v);
        return type + ": " + address(v);
    }

    /** A stable pseudo address for printing tables, functions and coroutines. */
    static String address(Object v) {
        return String.format("0x%08x", System.identityHashCode(v));
    }
}
