package io.robofarm.vm.interp;

/**
 * The objects a {@link LiveData} walk has already counted, compared by identity: open addressing
 * over one array, so the walk needs about eight bytes per object it visits (an IdentityHashMap
 * would need four times that, and the walk runs exactly when memory is scarce).
 */
final class IdentitySet {
    private Object[] slots = new Object[256];
    private int size;

    /** Adds {@code o}; false when it was already present. */
    boolean add(Object o) {
        if (size * 2 >= slots.length) {
            grow();
        }
        Object[] s = slots;
        int mask = s.length - 1;
        for (int i = slot(o, mask); ; i = (i + 1) & mask) {
            Object present = s[i];
            if (present == null) {
                s[i] = o;
                size++;
                return true;
            }
            if (present == o) {
                return false;
            }
        }
    }

    private static int slot(Object o, int mask) {
        return (System.identityHashCode(o) * 0x9E3779B9) & mask;
    }

    private void grow() {
        Object[] old = slots;
        Object[] s = new Object[old.length * 2];
        int mask = s.length - 1;
        for (Object o : old) {
            if (o != null) {
                int i = slot(o, mask);
                while (s[i] != null) {
                    i = (i + 1) & mask;
                }
                s[i] = o;
            }
        }
        slots = s;
    }
}
