package io.robofarm.vm.stdlib.string;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The arithmetic metamethods of the string metatable. Lua 5.4 no longer coerces strings in the
 * arithmetic instructions themselves; {@code "10" + 1} works because the string library's
 * {@code __add} converts numeric strings and retries, or defers to the other operand's metamethod.
 */
public final class StringArithmetic {
    /** The operations, ADD..IDIV in Lua's order so that {@code ordinal()} is the {@link LuaNumbers} code. */
    private enum Op { ADD, SUB, MUL, MOD, POW, DIV, IDIV, UNM }

    /** The metamethods by event name, shared by every VM's string metatable. */
    private static final Map<String, JavaFunction> METAMETHODS = metamethods();

    private StringArithmetic() {
    }

    private static Map<String, JavaFunction> metamethods() {
        Map<String, JavaFunction> m = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            String event = "__" + op.name().toLowerCase(Locale.ROOT);
            m.put(event, JavaFunction.of(event, L -> arith(L, op, event)));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Puts {@code __add}, {@code __sub}, ... {@code __unm} into the string metatable {@code mt}. */
    public static void install(LuaTable mt) {
        METAMETHODS.forEach(mt::put);
    }

    private static int arith(LuaState L, Op op, String event) {
        Object a = toNumber(L.arg(1));
        Object b = toNumber(L.arg(2));
        if (a != null && b != null) {
            L.push(compute(op, a, b));
            return 1;
        }
        Object other = L.arg(2);
        Object handler = other instanceof String ? null : metafield(L, other, event);
        if (handler == null) {
            throw L.error("attempt to " + event.substring(2) + " a '" + LuaType.nameOf(L.arg(1)) + "' with a '"
                    + LuaType.nameOf(other) + "'");
        }
        L.push(L.call(handler, L.arg(1), other));
        return 1;
    }

    private static Object metafield(LuaState L, Object v, String event) {
        LuaTable mt = L.getMetatable(v);
        return mt == null ? null : mt.get(event);
    }

    /** A number, or a string that reads entirely as a numeral; else null. */
    private static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        }
        return v instanceof String s ? LuaNumbers.parse(s) : null;
    }

    private static Object compute(Op op, Object a, Object b) {
        if (op == Op.UNM) {
            if (a instanceof Long x) {
                return -x;
            }
            return -(Double) a;
        }
        int code = op.ordinal();
        if (a instanceof Long x && b instanceof Long y && op != Op.DIV && op != Op.POW) {
            if (y == 0 && (op == Op.MOD || op == Op.IDIV)) {
                throw new LuaError(op == Op.MOD ? "attempt to perform 'n%0'" : "attempt to divide by zero");
            }
            return LuaNumbers.integerArith(code, x, y);
        }
        return LuaNumbers.floatArith(code, ((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
}
