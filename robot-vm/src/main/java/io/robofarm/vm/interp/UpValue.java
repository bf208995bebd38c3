package io.robofarm.vm.interp;

/**
 * A variable captured by a closure. While the variable's function is active the upvalue is open and
 * points into that coroutine's register arrays ({@code refs}/{@code nums} at {@code index}; the
 * arrays are re-pointed when the stack grows); when the variable goes out of scope it is closed and
 * keeps the value itself, so closures created in the same scope keep sharing it.
 */
final class UpValue {
    /** Register arrays while open; null once closed. */
    Object[] refs;
    long[] nums;
    final int index;
    /** The value once closed (tag or reference, plus number bits). */
    Object ref;
    long num;
    /** Next open upvalue of the same coroutine, at a lower index. */
    UpValue nextOpen;

    UpValue(Object[] refs, long[] nums, int index) {
        this.refs = refs;
        this.nums = nums;
        this.index = index;
    }

    /** A closed upvalue holding {@code value} (for closures built outside a running frame). */
    static UpValue closed(Object value) {
        UpValue u = new UpValue(null, null, 0);
        u.setValue(value);
        return u;
    }

    Object getValue() {
        Object[] r = refs;
        return r != null ? Slots.get(r, nums, index) : Slots.box(ref, num);
    }

    void setValue(Object v) {
        Object[] r = refs;
        if (r != null) {
            Slots.set(r, nums, index, v);
        } else if (v instanceof Long l) {
            ref = Slots.INT;
            num = l;
        } else if (v instanceof Double d) {
            ref = Slots.FLT;
            num = Double.doubleToRawLongBits(d);
        } else {
            ref = v;
        }
    }

    void close() {
        ref = refs[index];
        num = nums[index];
        refs = null;
        nums = null;
    }
}
