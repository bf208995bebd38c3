package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * The {@code table} library with lua5.4's semantics: elements are read and written through
 * metamethods when the table has a metatable (raw access otherwise), and argument checks and error
 * messages are lua5.4's.
 */
public final class TableLib {
    /** Most values one call may return, as lua5.4's stack limit allows for {@code unpack}. */
    private static final long MAX_UNPACK = Vm.DEFAULT_MAX_STACK_SLOTS - 100;

    private TableLib() {
    }

    /** Installs the {@code table} table into the VM's globals. */
    public static void open(Vm vm) {
        LuaTable table = vm.newTable(0, 8);
        register(table, "table.concat", TableLib::concat);
        register(table, "table.insert", TableLib::insert);
        register(table, "table.move", TableLib::move);
        register(table, "table.pack", TableLib::pack);
        register(table, "table.remove", TableLib::remove);
        register(table, "table.sort", TableSorter::sort);
        register(table, "table.unpack", TableLib::unpack);
        vm.globals().put("table", table);
    }

    private static int concat(LuaState L) {
        Object t = TableAccess.check(L, 1, TableAccess.READ | TableAccess.LENGTH);
        long last = TableAccess.length(L, t);
        String sep = L.optString(2, "");
        long i = L.optInteger(3, 1);
        last = L.optInteger(4, last);
        StringBuilder out = new StringBuilder();
        L.trackBuffer(out);
        try {
            for (; i < last; i++) {
                appendField(L, out, t, i);
                L.allocate(sep.length());
                out.append(sep);
                L.checkInterrupt(1);
            }
            if (i == last) {
                appendField(L, out, t, i);
            }
        } finally {
            L.untrackBuffer(out);
        }
        L.pushString(out.toString());
        return 1;
    }

    private static void appendField(LuaState L, StringBuilder out, Object t, long i) {
        Object v = TableAccess.get(L, t, i);
        if (v instanceof String s) {
            L.allocate(s.length());
            out.append(s);
        } else if (v instanceof Long n) {
            out.append(LuaNumbers.toString(n));
        } else if (v instanceof Double d) {
            out.append(LuaNumbers.toString(d));
        } else {
            throw L.error("invalid value (" + LuaType.nameOf(v) + ") at index " + i + " in table for 'concat'");
        }
    }

    private static int insert(LuaState L) {
        Object t = TableAccess.check(L, 1, TableAccess.READ | TableAccess.WRITE | TableAccess.LENGTH);
        long end = TableAccess.length(L, t) + 1;
        long pos;
        switch (L.getTop()) {
            case 2 -> pos = end;
            case 3 -> {
                pos = L.checkInteger(2);
                if (Long.compareUnsigned(pos - 1, end) >= 0) {
                    throw L.argError(2, "position out of bounds");
                }
                for (long i = end; i > pos; i--) {
                    TableAccess.set(L, t, i, TableAccess.get(L, t, i - 1));
                    L.checkInterrupt(1);
                }
            }
            default -> throw L.error("wrong number of arguments to 'insert'");
        }
        TableAccess.set(L, t, pos, L.arg(L.getTop()));
        return 0;
    }

    private static int remove(LuaState L) {
        Object t = TableAccess.check(L, 1, TableAccess.READ | TableAccess.WRITE | TableAccess.LENGTH);
        long size = TableAccess.length(L, t);
        long pos = L.optInteger(2, size);
        if (pos != size && Long.compareUnsigned(pos - 1, size) > 0) {
            throw L.argError(1, "position out of bounds");
        }
        Object removed = TableAccess.get(L, t, pos);
        for (; pos < size; pos++) {
            TableAccess.set(L, t, pos, TableAccess.get(L, t, pos + 1));
            L.checkInterrupt(1);
        }
        TableAccess.set(L, t, pos, null);
        L.push(removed);
        return 1;
    }

    private static int move(LuaState L) {
        long from = L.checkInteger(2);
        long end = L.checkInteger(3);
        long to = L.checkInteger(4);
        int destArg = L.isNoneOrNil(5) ? 1 : 5;
        Object source = TableAccess.check(L, 1, TableAccess.READ);
        Object dest = TableAccess.check(L, destArg, TableAccess.WRITE);
        if (end >= from) {
            if (!(from > 0 || end < Long.MAX_VALUE + from)) {
                throw L.argError(3, "too many elements to move");
            }
            long n = end - from + 1;
            if (to > Long.MAX_VALUE - n + 1) {
                throw L.argError(4, "destination wrap around");
            }
            boolean forward = to > end || to <= from || (destArg != 1 && !L.equalsMeta(source, dest));
            if (forward) {
                for (long i = 0; i < n; i++) {
                    TableAccess.set(L, dest, to + i, TableAccess.get(L, source, from + i));
                    L.checkInterrupt(1);
                }
            } else {
                for (long i = n - 1; i >= 0; i--) {
                    TableAccess.set(L, dest, to + i, TableAccess.get(L, source, from + i));
                    L.checkInterrupt(1);
                }
            }
        }
        L.push(dest);
        return 1;
    }

    private static int pack(LuaState L) {
        int n = L.getTop();
        LuaTable t = L.newTable(n, 1);
        for (int i = 1; i <= n; i++) {
            t.put(i, L.arg(i));
        }
        t.put("n", (long) n);
        L.push(t);
        return 1;
    }

    private static int unpack(LuaState L) {
        Object t = L.arg(1);
        long i = L.optInteger(2, 1);
        long end = L.isNoneOrNil(3) ? TableAccess.length(L, t) : L.checkInteger(3);
        if (i > end) {
            return 0;
        }
        long n = end - i;
        if (Long.compareUnsigned(n, MAX_UNPACK) >= 0) {
            throw L.error("too many results to unpack");
        }
        L.checkInterrupt(n);
        for (long k = 0; k <= n; k++) {
            L.push(TableAccess.get(L, t, i + k));
        }
        return (int) n + 1;
    }
}
