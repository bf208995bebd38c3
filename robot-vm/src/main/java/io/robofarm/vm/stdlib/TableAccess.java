package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * Element access for the table library as lua5.4 performs it: through metamethods (lua_geti,
 * lua_seti, luaL_len), but with a raw fast path for the common plain table without metatable.
 */
final class TableAccess {
    static final int READ = 1;
    static final int WRITE = 2;
    static final int LENGTH = 4;

    private TableAccess() {
    }

    /**
     * Checks that argument {@code arg} is a table, or has a metatable providing the metamethods the
     * {@code needs} bits ask for (lua5.4's checktab); otherwise "table expected".
     */
    static Object check(LuaState L, int arg, int needs) {
        Object v = L.arg(arg);
        if (v instanceof LuaTable) {
            return v;
        }
        LuaTable mt = L.getMetatable(v);
        if (mt != null
                && ((needs & READ) == 0 || mt.get("__index") != null)
                && ((needs & WRITE) == 0 || mt.get("__newindex") != null)
                && ((needs & LENGTH) == 0 || mt.get("__len") != null)) {
            return v;
        }
        throw L.typeError(arg, LuaType.name(LuaType.TABLE));
    }

    static Object get(LuaState L, Object t, long i) {
        if (t instanceof LuaTable table && table.getMetatable() == null) {
            return table.get(i);
        }
        return L.index(t, i);
    }

    static void set(LuaState L, Object t, long i, Object v) {
        if (t instanceof LuaTable table && table.getMetatable() == null) {
            table.put(i, v);
        } else {
            L.setIndex(t, i, v);
        }
    }

    /** {@code #t} with __len, which must give an integer (luaL_len). */
    static long length(LuaState L, Object t) {
        if (t instanceof LuaTable table && table.getMetatable() == null) {
            return table.length();
        }
        Object n = L.len(t);
        if (n instanceof String s) {
            n = LuaNumbers.parse(s);
        }
        if (n instanceof Long l) {
            return l;
        }
        if (n instanceof Double d && LuaNumbers.fitsInteger(d)) {
            return (long) (double) d;
        }
        throw L.error("object length is not an integer");
    }
}
