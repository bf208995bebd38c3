package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;

/**
 * {@code table.sort}: the same quicksort as lua5.4 (median of three, pivot moved to {@code up - 1},
 * recursion on the smaller half), so that equal elements end in the same order as under the
 * reference interpreter, and an inconsistent comparator is detected where lua5.4 detects it
 * ("invalid order function for sorting") instead of running off the array.
 */
final class TableSorter {
    /** Below this interval size the pivot is always the middle element. */
    private static final long RANDOM_PIVOT_LIMIT = 100;

    private final LuaState L;
    private final Object table;
    private final Object comparator;

    private TableSorter(LuaState L, Object table, Object comparator) {
        this.L = L;
        this.table = table;
        this.comparator = comparator;
    }

    static int sort(LuaState L) {
        Object t = TableAccess.check(L, 1, TableAccess.READ | TableAccess.WRITE | TableAccess.LENGTH);
        long n = TableAccess.length(L, t);
        if (n > 1) {
            if (n >= Integer.MAX_VALUE) {
                throw L.argError(1, "array too big");
            }
            Object cmp = null;
            if (!L.isNoneOrNil(2)) {
                if (L.type(2) != LuaType.FUNCTION) {
                    throw L.typeError(2, "function");
                }
                cmp = L.arg(2);
            }
            new TableSorter(L, t, cmp).sort(1, n, 0);
        }
        return 0;
    }

    private void sort(long lo, long up, int rnd) {
        while (lo < up) {
            orderPair(lo, up);
            if (up - lo == 1) {
                return;
            }
            long p = up - lo < RANDOM_PIVOT_LIMIT || rnd == 0 ? (lo + up) / 2 : choosePivot(lo, up, rnd);
            Object atP = get(p);
            Object atLo = get(lo);
            if (less(atP, atLo)) {
                set(p, atLo);
                set(lo, atP);
            } else {
                Object atUp = get(up);
                if (less(atUp, atP)) {
                    set(p, atUp);
                    set(up, atP);
                }
            }
            if (up - lo == 2) {
                return;
            }
            Object pivot = get(p);
            set(p, get(up - 1));
            set(up - 1, pivot);
            p = partition(lo, up, pivot);
            long smaller;
            if (p - lo < up - p) {
                sort(lo, p - 1, rnd);
                smaller = p - lo;
                lo = p + 1;
            } else {
                sort(p + 1, up, rnd);
                smaller = up - p;
                up = p - 1;
            }
            if ((up - lo) / 128 > smaller) {
                rnd = (int) (System.nanoTime() ^ (System.nanoTime() >>> 32));
            }
        }
    }

    /** Swaps a[lo] and a[up] when a[up] < a[lo]. */
    private void orderPair(long lo, long up) {
        Object atLo = get(lo);
        Object atUp = get(up);
        if (less(atUp, atLo)) {
            set(lo, atUp);
            set(up, atLo);
        }
    }

    /**
     * Partitions a[lo..up] around {@code pivot}, which sits at a[up - 1], and returns its final
     * index. The bound checks only fail with a comparator that is not a strict order.
     */
    private long partition(long lo, long up, Object pivot) {
        long i = lo;
        long j = up - 1;
        while (true) {
            Object atI;
            while (less(atI = get(++i), pivot)) {
                if (i == up - 1) {
                    throw L.error("invalid order function for sorting");
                }
                L.checkInterrupt(1);
            }
            Object atJ;
            while (less(pivot, atJ = get(--j))) {
                if (j < i) {
                    throw L.error("invalid order function for sorting");
                }
                L.checkInterrupt(1);
            }
            if (j < i) {
                set(up - 1, atI);
                set(i, pivot);
                return i;
            }
            set(i, atJ);
            set(j, atI);
        }
    }

    private static long choosePivot(long lo, long up, int rnd) {
        long quarter = (up - lo) / 4;
        return Integer.toUnsignedLong(rnd) % (quarter * 2) + lo + quarter;
    }

    private boolean less(Object a, Object b) {
        if (comparator == null) {
            return L.lessThan(a, b);
        }
        Object r = L.call(comparator, a, b);
        return r != null && !Boolean.FALSE.equals(r);
    }

    private Object get(long i) {
        return TableAccess.get(L, table, i);
    }

    private void set(long i, Object v) {
        TableAccess.set(L, table, i, v);
    }
}
