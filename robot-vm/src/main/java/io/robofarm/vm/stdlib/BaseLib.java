package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * Lua's basic functions (lbaselib): type inspection, raw access, metatables, iteration, conversion,
 * {@code print} and a {@code collectgarbage} that answers like lua5.4 although the JVM collects.
 * The error-handling and chunk-loading functions ({@code pcall}, {@code load}, ...) belong to the
 * interpreter and are installed by it.
 */
public final class BaseLib {

    private static final JavaFunction NEXT = JavaFunction.of("next", BaseLib::next);
    private static final JavaFunction IPAIRS_STEP = JavaFunction.of("ipairs_aux", BaseLib::ipairsStep);
    /** Registry key of the VM's collector settings. */
    private static final String COLLECTOR_KEY = "_GC";

    private BaseLib() {
    }

    /** Installs the basic functions, {@code _G} and {@code _VERSION} into the VM's globals. */
    public static void open(Vm vm) {
        LuaTable g = vm.globals();
        g.put("_G", g);
        g.put("_VERSION", "Lua 5.4");
        register(g, "assert", BaseLib::assertTrue);
        register(g, "getmetatable", BaseLib::getmetatable);
        register(g, "setmetatable", BaseLib::setmetatable);
        register(g, "ipairs", BaseLib::ipairs);
        g.put("next", NEXT);
        register(g, "pairs", BaseLib::pairs);
        register(g, "print", BaseLib::print);
        register(g, "rawequal", BaseLib::rawequal);
        register(g, "rawget", BaseLib::rawget);
        register(g, "rawlen", BaseLib::rawlen);
        register(g, "rawset", BaseLib::rawset);
        register(g, "select", BaseLib::select);
        register(g, "tonumber", BaseLib::tonumber);
        register(g, "tostring", BaseLib::tostring);
        register(g, "type", BaseLib::type);
        register(g, "collectgarbage", BaseLib::collectgarbage);
        register(g, "warn", Warnings::warn);
    }

    private static int assertTrue(LuaState L) {
        if (L.toBoolean(1)) {
            int n = L.getTop();
            for (int i = 1; i <= n; i++) {
                L.push(L.arg(i));
            }
            return n;
        }
        L.checkAny(1);
        Object message = L.getTop() >= 2 ? L.arg(2) : "assertion failed!";
        // As error(message, 1): a string message gets the position of assert's caller.
        if (message instanceof String text) {
            throw L.error(text);
        }
        throw new LuaError(message);
    }

    private static int getmetatable(LuaState L) {
        L.checkAny(1);
        LuaTable mt = L.getMetatable(L.arg(1));
        if (mt == null) {
            L.pushNil();
            return 1;
        }
        Object protectedValue = mt.get("__metatable");
        L.push(protectedValue != null ? protectedValue : mt);
        return 1;
    }

    private static int setmetatable(LuaState L) {
        LuaTable t = L.checkTable(1);
        int mtType = L.type(2);
        if (mtType != LuaType.NIL && mtType != LuaType.TABLE) {
            throw L.typeError(2, "nil or table");
        }
        LuaTable old = t.getMetatable();
        if (old != null && old.get("__metatable") != null) {
            throw L.error("cannot change a protected metatable");
        }
        t.setMetatable((LuaTable) L.arg(2));
        L.push(t);
        return 1;
    }

    private static int ipairs(LuaState L) {
        L.checkAny(1);
        L.push(IPAIRS_STEP);
        L.push(L.arg(1));
        L.pushInteger(0);
        return 3;
    }

    private static int ipairsStep(LuaState L) {
        long i = L.checkInteger(2) + 1;
        Object t = L.arg(1);
        Object v = t instanceof LuaTable table && table.getMetatable() == null ? table.get(i) : L.index(t, i);
        if (v == null) {
            L.pushNil();
            return 1;
        }
        L.pushInteger(i);
        L.push(v);
        return 2;
    }

    private static int next(LuaState L) {
        LuaTable t = L.checkTable(1);
        int from;
        try {
            from = t.slotAfter(L.arg(2));
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
        int slot = t.nextSlot(from);
        if (slot < 0) {
            L.pushNil();
            return 1;
        }
        L.push(t.keyAt(slot));
        L.push(t.valueAt(slot));
        return 2;
    }

    private static int pairs(LuaState L) {
        L.checkAny(1);
        Object t = L.arg(1);
        LuaTable mt = L.getMetatable(t);
        Object handler = mt == null ? null : mt.get("__pairs");
        if (handler == null) {
            L.push(NEXT);
            L.push(t);
            L.pushNil();
            return 3;
        }
        Object[] results = L.callMulti(handler, t);
        for (int i = 0; i < 3; i++) {
            L.push(i < results.length ? results[i] : null);
        }
        return 3;
    }

    private static int print(LuaState L) {
        int n = L.getTop();
        StringBuilder line = new StringBuilder();
        L.trackBuffer(line);
        try {
            for (int i = 1; i <= n; i++) {
                if (i > 1) {
                    line.append('\t');
                }
                String text = L.toDisplayString(L.arg(i));
                L.allocate(text.length() + 1L);
                line.append(text);
            }
            line.append('\n');
            LuaStreams.write(L, L.vm().stdout(), line);
        } finally {
            L.untrackBuffer(line);
        }
        return 0;
    }

    private static int rawequal(LuaState L) {
        L.checkAny(1);
        L.checkAny(2);
        L.pushBoolean(rawEquals(L.arg(1), L.arg(2)));
        return 1;
    }

    /** Primitive equality: numbers by mathematical value, strings by content, the rest by identity. */
    static boolean rawEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x) {
            return b instanceof Long y ? x.longValue() == y.longValue() : b instanceof Double d && sameNumber(x, d);
        }
        if (a instanceof Double x) {
            return b instanceof Double y ? x.doubleValue() == y.doubleValue() : b instanceof Long i && sameNumber(i, x);
        }
        if (a instanceof String || a instanceof Boolean) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean sameNumber(long i, double d) {
        return LuaNumbers.fitsInteger(d) && (long) d == i;
    }

    private static int rawget(LuaState L) {
        LuaTable t = L.checkTable(1);
        L.checkAny(2);
        L.push(t.get(L.arg(2)));
        return 1;
    }

    private static int rawlen(LuaState L) {
        Object v = L.arg(1);
        if (v instanceof LuaTable t) {
            L.pushInteger(t.length());
        } else if (v instanceof String s) {
            L.pushInteger(s.length());
        } else {
            throw L.typeError(1, "table or string");
        }
        return 1;
    }

    private static int rawset(LuaState L) {
        LuaTable t = L.checkTable(1);
        L.checkAny(2);
        L.checkAny(3);
        try {
            t.put(L.arg(2), L.arg(3));
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
        L.push(t);
        return 1;
    }

    private static int select(LuaState L) {
        int n = L.getTop();
        if (L.type(1) == LuaType.STRING && ((String) L.arg(1)).startsWith("#")) {
            L.pushInteger(n - 1);
            return 1;
        }
        long i = L.checkInteger(1);
        if (i < 0) {
            i = n + i;
        } else if (i > n) {
            i = n;
        }
        if (i < 1) {
            throw L.argError(1, "index out of range");
        }
        for (int k = (int) i + 1; k <= n; k++) {
            L.push(L.arg(k));
        }
        return n - (int) i;
    }

    private static int tonumber(LuaState L) {
        if (L.isNoneOrNil(2)) {
            L.checkAny(1);
            Object v = L.arg(1);
            if (v instanceof Long || v instanceof Double) {
                L.push(v);
            } else {
                L.push(v instanceof String s ? LuaNumbers.parse(s) : null);
            }
            return 1;
        }
        long base = L.checkInteger(2);
        if (L.type(1) != LuaType.STRING) {
            throw L.typeError(1, "string");
        }
        String s = (String) L.arg(1);
        if (base < 2 || base > 36) {
            throw L.argError(2, "base out of range");
        }
        L.push(parseInBase(s, (int) base));
        return 1;
    }

    /** An integer written in {@code base} with optional spaces and sign, or null. Overflow wraps, as in Lua. */
    private static Long parseInBase(String s, int base) {
        int i = skipSpaces(s, 0);
        boolean negative = false;
        if (i < s.length() && s.charAt(i) == '-') {
            negative = true;
            i++;
        } else if (i < s.length() && s.charAt(i) == '+') {
            i++;
        }
        int start = i;
        long n = 0;
        for (; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), 36);
            if (digit < 0 || digit >= base || s.charAt(i) > 'z') {
                break;
            }
            n = n * base + digit;
        }
        if (i == start || skipSpaces(s, i) != s.length()) {
            return null;
        }
        return negative ? -n : n;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C's isspace in the "C" locale. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int tostring(LuaState L) {
        L.checkAny(1);
        L.pushString(L.toDisplayString(L.arg(1)));
        return 1;
    }

    private static int type(LuaState L) {
        L.checkAny(1);
        L.pushString(L.typeName(1));
        return 1;
    }

    /**
     * {@code collectgarbage}: the JVM owns collection, so this keeps only the observable state lua5.4
     * reports (running or stopped, the current mode, the pause and step parameters), per VM in its
     * registry. "collect" measures the VM's live data, and "count" reports that estimate (see
     * {@link Vm#memoryInUse()}): the bytes this VM holds, not the whole JVM heap.
     */
    private static int collectgarbage(LuaState L) {
        String option = L.optString(1, "collect");
        switch (option) {
            case "collect" -> {
                L.vm().measureMemory();
                L.pushInteger(0);
            }
            case "count" -> L.pushNumber(L.vm().memoryInUse() / 1024.0);
            case "stop", "restart", "step", "isrunning", "setpause", "setstepmul", "generational", "incremental" ->
                    VmState.get(L, COLLECTOR_KEY, CollectorSettings.class, CollectorSettings::new).apply(L, option);
            default -> throw L.argError(1, "invalid option '" + option + "'");
        }
        return 1;
    }

    /** The collector state one VM's {@code collectgarbage} reports and changes. */
    private static final class CollectorSettings {
        private boolean running = true;
        /** lua5.4's standalone interpreter switches to generational mode at startup. */
        private boolean generational = true;
        /* Kept in quarters, as Lua stores them in a byte: setpause(150) then reads back 148. */
        private long pauseQuarters = 50;
        private long stepMultiplierQuarters = 25;

        /** Answers one of the options that read or change the settings, pushing the one result. */
        void apply(LuaState L, String option) {
            switch (option) {
                case "stop", "restart" -> {
                    running = option.equals("restart");
                    L.pushInteger(0);
                }
                case "step" -> L.pushBoolean(!generational);
                case "isrunning" -> L.pushBoolean(running);
                case "setpause" -> L.pushInteger(swapPause(L.optInteger(2, 0)));
                case "setstepmul" -> L.pushInteger(swapStepMultiplier(L.optInteger(2, 0)));
                default -> {
                    L.pushString(generational ? "generational" : "incremental");
                    generational = option.equals("generational");
                }
            }
        }

        private long swapPause(long value) {
            long old = pauseQuarters * 4;
            pauseQuarters = value / 4;
            return old;
        }

        private long swapStepMultiplier(long value) {
            long old = stepMultiplierQuarters * 4;
            stepMultiplierQuarters = value / 4;
            return old;
        }
    }
}
