package io.robofarm.vm.interp;

/**
 * The register encoding: a value lives in two parallel arrays, {@code Object[] refs} and
 * {@code long[] nums}. A number keeps its bits in {@code nums} and one of the two tag objects
 * {@link #INT} / {@link #FLT} in {@code refs}, so arithmetic never boxes; any other value (nil =
 * null, Boolean, String, table, function, coroutine) is stored as itself in {@code refs}. A boxed
 * Long or Double never appears in {@code refs}.
 */
final class Slots {
    /** Tag of an integer register: the value is {@code nums[i]}. */
    static final Object INT = new Tag("integer");
    /** Tag of a float register: the value is {@code Double.longBitsToDouble(nums[i])}. */
    static final Object FLT = new Tag("float");

    private Slots() {
    }

    /** A register as a Lua value (numbers boxed). */
    static Object get(Object[] refs, long[] nums, int i) {
        Object r = refs[i];
        if (r == INT) {
            return nums[i];
        }
        if (r == FLT) {
            return Double.longBitsToDouble(nums[i]);
        }
        return r;
    }

    /** Stores a Lua value (numbers boxed) into a register. */
    static void set(Object[] refs, long[] nums, int i, Object v) {
        if (v instanceof Long l) {
            refs[i] = INT;
            nums[i] = l;
        } else if (v instanceof Double d) {
            refs[i] = FLT;
            nums[i] = Double.doubleToRawLongBits(d);
        } else {
            refs[i] = v;
        }
    }

    /** The value of a tagged pair, boxing numbers. */
    static Object box(Object ref, long num) {
        if (ref == INT) {
            return num;
        }
        if (ref == FLT) {
            return Double.longBitsToDouble(num);
        }
        return ref;
    }

    private static final class Tag {
        private final String name;

        Tag(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
