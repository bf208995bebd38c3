package io.robofarm.vm.interp;

import io.robofarm.vm.value.LuaTable;

/** Lua's basic type codes (as lua.h numbers them) and names, for library code that checks arguments. */
public final class LuaType {
    public static final int NONE = -1;
    public static final int NIL = 0;
    public static final int BOOLEAN = 1;
    public static final int NUMBER = 3;
    public static final int STRING = 4;
    public static final int TABLE = 5;
    public static final int FUNCTION = 6;
    public static final int THREAD = 8;

    private LuaType() {
    }

    /** The type code of a Lua value. */
    public static int of(Object v) {
        if (v == null) {
            return NIL;
        }
        if (v instanceof String) {
            return STRING;
        }
        if (v instanceof Long || v instanceof Double) {
            return NUMBER;
        }
        if (v instanceof LuaTable) {
            return TABLE;
        }
        if (v instanceof LuaFunction) {
            return FUNCTION;
        }
        if (v instanceof Boolean) {
            return BOOLEAN;
        }
        if (v instanceof Coroutine) {
            return THREAD;
        }
        throw new IllegalArgumentException("not a Lua value: " + v.getClass().getName());
    }

    /** The name {@code type()} returns for a type code ("no value" for {@link #NONE}). */
    public static String name(int type) {
        switch (type) {
            case NONE: return "no value";
            case NIL: return "nil";
            case BOOLEAN: return "boolean";
            case NUMBER: return "number";
            case STRING: return "string";
            case TABLE: return "table";
            case FUNCTION: return "function";
            case THREAD: return "thread";
            default: throw new IllegalArgumentException("bad type code " + type);
        }
    }

    /** The name {@code type()} returns for a value. */
    public static String nameOf(Object v) {
        return name(of(v));
    }
}
