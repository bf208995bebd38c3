package io.robofarm.vm.value;

/**
 * Lua's only data structure: a raw (metamethod-free) associative array with an array part for the
 * keys 1..n and a hash part for every other key, sized like Lua's own tables so that {@code #t}
 * and traversal behave as in lua5.4.
 *
 * <p>Key normalization: a float key with an integral value is stored as its integer ({@code 2.0}
 * and {@code 2} are the same key). A nil key or a NaN key cannot be stored: {@link #put} throws an
 * {@link IllegalArgumentException} whose message is Lua's ("table index is nil", "table index is NaN"); the
 * interpreter turns it into a Lua error.
 *
 * <p>Iteration without allocation: traversal positions are <em>slots</em>. Slots
 * {@code 0..arrayCapacity()-1} are the array part (slot {@code s} holds key {@code s + 1}); the
 * following slots are the hash part. {@link #nextSlot(int)} finds the first slot at or after a
 * position that holds a non-nil value, {@link #keyAt} / {@link #valueAt} read it, and
 * {@link #slotAfter(Object)} turns the key given to {@code next} into the position to search from.
 * Assigning nil to existing fields during a traversal is allowed (the key stays findable, as a
 * dead key does in Lua); adding new keys during a traversal is not, as in Lua.
 *
 * <p>Metamethod cache: a table used as a metatable remembers which of the most frequent
 * metamethods ({@link #TM_INDEX} ... {@link #TM_EQ}) it lacks, so the interpreter can skip the
 * lookup with {@link #metamethod(int)}. Any store of a non-integer key clears the cache.
 *
 * <p>Memory: a table charges its {@link MemoryAccount} before it allocates its parts, at creation
 * and at every resize, with the estimate of {@link #partBytes}; so a VM's memory limit can refuse
 * a growth before it happens.
 *
 * <p>Copy on write: {@link #copyOnWrite} makes a table share the hash part of another (the
 * standard library tables every VM starts with, say). A shared array of the hash part is copied,
 * and charged, by the first write that needs it, so neither table ever sees the other's changes;
 * the table object itself is never shared, so its identity and metatable stay its own. The array
 * part is never shared, so writes to it, the most frequent, check nothing.
 */
public final class LuaTable {

    public static final int TM_INDEX = 0;
    public static final int TM_NEWINDEX = 1;
    public static final int TM_GC = 2;
    public static final int TM_MODE = 3;
    public static final int TM_LEN = 4;
    public static final int TM_EQ = 5;
    private static final String[] TM_NAMES = {"__index", "__newindex", "__gc", "__mode", "__len", "__eq"};

    /* Bits of 'sharedParts': which arrays of the hash part this table shares with others and must copy before writing. */
    private static final byte SHARED_KEYS = 1;
    private static final byte SHARED_VALUES = 2;

    private static final Object[] EMPTY = new Object[0];
    /** Largest array part: 2^30 (a Java array cannot reach 2^31). */
    private static final int MAX_ARRAY_BITS = 30;
    /** Estimated bytes of a table object itself, its fields and header (compressed references). */
    public static final long OBJECT_BYTES = 56;
    /** Bytes of an array header. */
    private static final long ARRAY_HEADER_BYTES = 16;
    /** Bytes of a reference in an array. */
    private static final long REFERENCE_BYTES = 4;
    /** Bytes of a boxed number: array and hash values are Long or Double objects when numeric. */
    private static final long BOX_BYTES = 16;

    private Object[] array = EMPTY;
    /** Hint for the length operator: a border candidate inside the array part, as Lua's 'alimit'. */
    private int lengthHint;

    /* Hash part: open addressing with linear probing. A key whose value is null is a dead key: it is
       kept so traversals can continue after fields are cleared, and reused if the same key returns.
       'hashKeys.length' is twice the logical size, so probes stay short. */
    private Object[] hashKeys = EMPTY;
    private Object[] hashValues = EMPTY;
    /** Logical size of the hash part (a power of two, or 0): how many keys it accepts before a rehash. */
    private int hashLimit;
    /** Occupied key slots, dead keys included. */
    private int hashUsed;
    private int hashShift = 32;

    private LuaTable metatable;
    /** Bit {@code tm} set = this table, as a metatable, is known to lack metamethod {@code tm}. */
    private byte absentMeta;
    /** SHARED_ bits of the parts shared with other tables (see {@link #copyOnWrite}); 0 for most tables. */
    private byte sharedParts;
    private final MemoryAccount account;

    /**
     * An empty table with room for {@code narr} array items and {@code nhash} other keys, charging
     * {@code account} for itself and for every later growth. Tables a script can reach come from
     * {@code Vm.newTable}, which charges the VM's memory limit; {@link MemoryAccount#UNMETERED} is
     * for tables no script writes into.
     */
    public LuaTable(int narr, int nhash, MemoryAccount account) {
        this.account = account;
        int hashSize = nhash > 0 ? ceilPow2(nhash) : 0;
        account.allocate(OBJECT_BYTES + partBytes(narr, hashSize));
        if (narr > 0) {
            array = new Object[narr];
            lengthHint = narr;
        }
        if (nhash > 0) {
            allocateHash(hashSize);
        }
    }

    /**
     * Estimated bytes of an array part of {@code narr} slots and a hash part of logical size
     * {@code hashSize}, counting a boxed number for each slot: an upper bound for the common tables
     * of numbers, so that charging it at allocation never lets the real size run far ahead.
     */
    private static long partBytes(long narr, long hashSize) {
        long arrayBytes = narr == 0 ? 0 : ARRAY_HEADER_BYTES + narr * (REFERENCE_BYTES + BOX_BYTES);
        long hashBytes = hashSize == 0 ? 0 : 2 * ARRAY_HEADER_BYTES + hashSize * 2 * (2 * REFERENCE_BYTES + BOX_BYTES);
        return arrayBytes + hashBytes;
    }

    // ---------------------------------------------------------------- reads

    /** Raw read of any key; nil (null) when absent. */
    public Object get(Object key) {
        if (key instanceof String s) {
            return get(s);
        }
        if (key instanceof Long l) {
            return get(l.longValue());
        }
        if (key instanceof Double d) {
            double v = d;
            long i = (long) v;
            if (i == v && v < 0x1p63) {
                return get(i);
            }
            if (v != v) {
                return null;
            }
        }
        if (key == null || hashLimit == 0) {
            return null;
        }
        int slot = findSlot(key);
        return slot < 0 ? null : hashValues[slot];
    }

    /** Raw read of an integer key. */
    public Object get(long key) {
        Object[] a = array;
        if (key - 1 < a.length && key > 0) {
            return a[(int) (key - 1)];
        }
        if (hashLimit == 0) {
            return null;
        }
        Object[] keys = hashKeys;
        int mask = keys.length - 1;
        for (int i = mix(hashLong(key)) >>> hashShift; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            if (k instanceof Long l && l == key) {
                return hashValues[i];
            }
        }
    }

    /** Raw read of a string key: the fast path for field access. */
    public Object get(String key) {
        if (hashLimit == 0) {
            return null;
        }
        Object[] keys = hashKeys;
        int mask = keys.length - 1;
        for (int i = mix(key.hashCode()) >>> hashShift; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return null;
            }
            if (key.equals(k)) {
                return hashValues[i];
            }
        }
    }

    /**
     * The hash-part slot of string key {@code key} (with a value or a dead key), or -1 when the key
     * is absent. Slot {@code hint} is checked first, by identity: the interpreter remembers per
     * instruction where the last table it saw kept the key, and tables built alike (objects of one
     * class) keep a key at the same slot, so most field accesses skip hashing and probing.
     */
    public int slotOf(String key, int hint) {
        Object[] keys = hashKeys;
        if (hint < keys.length && keys[hint] == key) {
            return hint;
        }
        if (hashLimit == 0) {
            return -1;
        }
        int mask = keys.length - 1;
        for (int i = mix(key.hashCode()) >>> hashShift; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return -1;
            }
            if (key.equals(k)) {
                return i;
            }
        }
    }

    /** The value at a hash slot returned by {@link #slotOf} (nil for a dead key). */
    public Object valueAtSlot(int slot) {
        return hashValues[slot];
    }

    /**
     * Replaces the value at a hash slot returned by {@link #slotOf} that holds a non-nil value; a
     * raw store of an existing key, which neither resizes the table nor needs {@code __newindex}.
     */
    public void replaceAtSlot(int slot, Object value) {
        if (sharedParts != 0) {
            ownParts(SHARED_VALUES);
        }
        hashValues[slot] = value;
    }

    // ---------------------------------------------------------------- writes

    /** Raw write; a nil value removes the key. */
    public void put(Object key, Object value) {
        if (key instanceof String s) {
            put(s, value);
            return;
        }
        if (key instanceof Long l) {
            put(l.longValue(), value);
            return;
        }
        if (key instanceof Double d) {
            double v = d;
            long i = (long) v;
            if (i == v && v < 0x1p63) {
                put(i, value);
                return;
            }
            if (v != v) {
                throw new IllegalArgumentException("table index is NaN");
            }
        } else if (key == null) {
            throw new IllegalArgumentException("table index is nil");
        }
        absentMeta = 0;
        putInHash(key, value);
    }

    /** Raw write of an integer key; a nil value removes the key. */
    public void put(long key, Object value) {
        Object[] a = array;
        if (key - 1 < a.length && key > 0) {
            a[(int) (key - 1)] = value;
            return;
        }
        if (hashLimit != 0) {
            Object[] keys = hashKeys;
            int mask = keys.length - 1;
            for (int i = mix(hashLong(key)) >>> hashShift; ; i = (i + 1) & mask) {
                Object k = keys[i];
                if (k == null) {
                    break;
                }
                if (k instanceof Long l && l == key) {
                    if (sharedParts != 0) {
                        ownParts(SHARED_VALUES);
                    }
                    hashValues[i] = value;
                    return;
                }
            }
        }
        if (value != null) {
            insertNewKey(key, value);
        }
    }

    /** Raw write of a string key; a nil value removes the key. */
    public void put(String key, Object value) {
        absentMeta = 0;
        putInHash(key, value);
    }

    private void putInHash(Object key, Object value) {
        if (hashLimit != 0) {
            int slot = findSlot(key);
            if (slot >= 0) {
                if (sharedParts != 0) {
                    ownParts(SHARED_VALUES);
                }
                hashValues[slot] = value;
                return;
            }
        }
        if (value != null) {
            insertNewKey(key, value);
        }
    }

    /** Adds a key known to be absent, growing the table first when the hash part is full. */
    private void insertNewKey(Object key, Object value) {
        if (hashUsed >= hashLimit) {
            rehash(key);
            put(key, value);
            return;
        }
        if (sharedParts != 0) {
            ownParts(SHARED_KEYS | SHARED_VALUES);
        }
        Object[] keys = hashKeys;
        int mask = keys.length - 1;
        int i = mix(hashOf(key)) >>> hashShift;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashValues[i] = value;
        hashUsed++;
    }

    /**
     * Resizes both parts, as the VM's table constructor and SETLIST need: the array part to exactly
     * {@code narr} slots, the hash part to hold at least {@code nhash} keys (more if needed).
     */
    public void resize(int narr, int nhash) {
        Object[] oldArray = array;
        Object[] oldKeys = hashKeys;
        Object[] oldValues = hashValues;
        int liveHash = 0;
        for (Object v : oldValues) {
            if (v != null) {
                liveHash++;
            }
        }
        for (int i = narr; i < oldArray.length; i++) {
            if (oldArray[i] != null) {
                liveHash++;
            }
        }
        int size = Math.max(nhash, liveHash);
        account.allocate(partBytes(narr == oldArray.length ? 0 : narr, size == 0 ? 0 : ceilPow2(size)));
        array = narr == oldArray.length ? oldArray : java.util.Arrays.copyOf(oldArray, narr);
        lengthHint = narr;
        sharedParts = 0;
        if (size == 0) {
            hashKeys = EMPTY;
            hashValues = EMPTY;
            hashLimit = 0;
            hashUsed = 0;
            hashShift = 32;
        } else {
            allocateHash(ceilPow2(size));
        }
        for (int i = narr; i < oldArray.length; i++) {
            if (oldArray[i] != null) {
                put(i + 1L, oldArray[i]);
            }
        }
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    // ---------------------------------------------------------------- rehash

    /**
     * Recomputes both part sizes when the hash part is full, counting every live key plus the one
     * being inserted: the array part becomes the largest power of two n such that more than n/2 of
     * the keys 1..n are present (Lua's rule), everything else goes to the hash part.
     */
    private void rehash(Object extraKey) {
        int[] nums = new int[MAX_ARRAY_BITS + 1];
        int integerKeys = countArray(nums);
        int total = integerKeys;
        for (int i = 0; i < hashKeys.length; i++) {
            if (hashValues[i] != null) {
                total++;
                integerKeys += countIntegerKey(hashKeys[i], nums);
            }
        }
        integerKeys += countIntegerKey(extraKey, nums);
        total++;
        int[] inArray = {integerKeys};
        int narr = computeArraySize(nums, inArray);
        resize(narr, total - inArray[0]);
    }

    private int countArray(int[] nums) {
        Object[] a = array;
        int count = 0;
        int i = 1;
        for (int bit = 0, limit = 1; bit <= MAX_ARRAY_BITS; bit++, limit <<= 1) {
            int upTo = Math.min(limit, a.length);
            int inSlice = 0;
            for (; i <= upTo; i++) {
                if (a[i - 1] != null) {
                    inSlice++;
                }
            }
            nums[bit] += inSlice;
            count += inSlice;
            if (upTo == a.length) {
                break;
            }
        }
        return count;
    }

    private static int countIntegerKey(Object key, int[] nums) {
        if (key instanceof Long l) {
            long k = l;
            if (k > 0 && k <= (1L << MAX_ARRAY_BITS)) {
                nums[64 - Long.numberOfLeadingZeros(k - 1)]++;
                return 1;
            }
        }
        return 0;
    }

    /** Largest power of two n with more than n/2 integer keys in 1..n; stores how many go there. */
    private static int computeArraySize(int[] nums, int[] keysInOut) {
        int candidates = keysInOut[0];
        int below = 0;
        int inArray = 0;
        int optimal = 0;
        for (int bit = 0; bit <= MAX_ARRAY_BITS && candidates > (1 << bit) / 2; bit++) {
            below += nums[bit];
            if (below > (1 << bit) / 2) {
                optimal = 1 << bit;
                inArray = below;
            }
        }
        keysInOut[0] = inArray;
        return optimal;
    }

    private void allocateHash(int logicalSize) {
        int capacity = logicalSize * 2;
        hashKeys = new Object[capacity];
        hashValues = new Object[capacity];
        hashLimit = logicalSize;
        hashUsed = 0;
        hashShift = Integer.numberOfLeadingZeros(capacity) + 1;
    }

    // ---------------------------------------------------------------- length

    /**
     * A border of the table ({@code t[n] ~= nil and t[n+1] == nil}, or 0 if {@code t[1]} is nil),
     * found as lua5.4 finds it, so tables with holes give the same {@code #} as the reference.
     */
    public long length() {
        Object[] a = array;
        int limit = lengthHint;
        boolean pow2Array = (a.length & (a.length - 1)) == 0;
        if (limit > 0 && a[limit - 1] == null) {
            if (limit >= 2 && a[limit - 2] != null) {
                if (pow2Array && ((limit - 1) & (limit - 2)) != 0) {
                    lengthHint = limit - 1;
                }
                return limit - 1;
            }
            int border = arrayBorder(a, 0, limit);
            if (pow2Array && border > a.length / 2) {
                lengthHint = border;
            }
            return border;
        }
        if (limit != a.length) {
            if (a[limit] == null) {
                return limit;
            }
            limit = a.length;
            if (a[limit - 1] == null) {
                int border = arrayBorder(a, lengthHint, limit);
                lengthHint = border;
                return border;
            }
            lengthHint = limit;
        }
        if (hashLimit == 0 || get(limit + 1L) == null) {
            return limit;
        }
        return hashBorder(limit);
    }

    /** Binary search for a border in the array part, with a[i] present (or i == 0) and a[j] absent. */
    private static int arrayBorder(Object[] a, int i, int j) {
        while (j - i > 1) {
            int m = (i + j) >>> 1;
            if (a[m - 1] == null) {
                j = m;
            } else {
                i = m;
            }
        }
        return i;
    }

    /** Unbounded search beyond the array part, where {@code t[j + 1]} is known to be present. */
    private long hashBorder(long j) {
        long i;
        if (j == 0) {
            j = 1;
        }
        do {
            i = j;
            if (j <= Long.MAX_VALUE / 2) {
                j *= 2;
            } else {
                j = Long.MAX_VALUE;
                if (get(j) == null) {
                    break;
                }
                return j;
            }
        } while (get(j) != null);
        while (j - i > 1) {
            long m = (i + j) >>> 1;
            if (get(m) == null) {
                j = m;
            } else {
                i = m;
            }
        }
        return i;
    }

    // ---------------------------------------------------------------- traversal

    /** Number of slots in the array part; slot {@code s < arrayCapacity()} holds key {@code s + 1}. */
    public int arrayCapacity() {
        return array.length;
    }

    /**
     * Number of slots in the hash part: slots {@code arrayCapacity()} up to {@code arrayCapacity() +
     * hashCapacity()} are hash slots. {@link #keyAt} of a hash slot may be a dead key (its value
     * nil) or null (never used).
     */
    public int hashCapacity() {
        return hashKeys.length;
    }

    /** First slot at or after {@code slot} holding a non-nil value, or -1 at the end. */
    public int nextSlot(int slot) {
        Object[] a = array;
        int i = slot;
        for (; i < a.length; i++) {
            if (a[i] != null) {
                return i;
            }
        }
        Object[] values = hashValues;
        for (int h = i - a.length; h < values.length; h++) {
            if (values[h] != null) {
                return h + a.length;
            }
        }
        return -1;
    }

    /** The key stored in a slot returned by {@link #nextSlot}. */
    public Object keyAt(int slot) {
        int n = array.length;
        return slot < n ? (Object) (long) (slot + 1) : hashKeys[slot - n];
    }

    /** The value stored in a slot returned by {@link #nextSlot}. */
    public Object valueAt(int slot) {
        int n = array.length;
        return slot < n ? array[slot] : hashValues[slot - n];
    }

    /**
     * The position from which {@code next(t, key)} searches: 0 for nil, else the slot after the
     * key's own slot. Throws if the key is not in the table (Lua: "invalid key to 'next'").
     */
    public int slotAfter(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Double d) {
            double v = d;
            long i = (long) v;
            if (i == v && v < 0x1p63) {
                key = i;
            }
        }
        if (key instanceof Long l) {
            long k = l;
            if (k > 0 && k <= array.length) {
                return (int) k;
            }
        }
        int slot = hashLimit == 0 ? -1 : findSlot(key);
        if (slot < 0) {
            throw new IllegalArgumentException("invalid key to 'next'");
        }
        return slot + array.length + 1;
    }

    /** The key following {@code key} in traversal order (nil = first), or null at the end. */
    public Object nextKey(Object key) {
        int slot = nextSlot(slotAfter(key));
        return slot < 0 ? null : keyAt(slot);
    }

    // ---------------------------------------------------------------- metatable

    public LuaTable getMetatable() {
        return metatable;
    }

    public void setMetatable(LuaTable mt) {
        metatable = mt;
    }

    /**
     * This table's entry for metamethod {@code tm} (one of the TM_ constants) when it is used as a
     * metatable, or null. An absent entry is remembered until the next store of a non-integer key,
     * so the common "no __index here" case costs one bit test.
     */
    public Object metamethod(int tm) {
        int bit = 1 << tm;
        if ((absentMeta & bit) != 0) {
            return null;
        }
        Object handler = get(TM_NAMES[tm]);
        if (handler == null) {
            absentMeta |= (byte) bit;
        }
        return handler;
    }

    // ---------------------------------------------------------------- copy on write

    /**
     * Makes this table, made with room for nothing and still empty, hold what {@code source} holds:
     * it copies the array part (charging its account) and shares the hash part. Both tables copy a
     * shared array of the hash part before their first write to it (a new key, a changed or removed
     * value), so each keeps seeing only its own changes. Traversal order and length are those of
     * {@code source}. The metatable is not taken: this table keeps its own.
     */
    public void copyOnWrite(LuaTable source) {
        if (array.length != 0 || hashKeys.length != 0) {
            throw new IllegalStateException("copy on write needs a table made with room for nothing");
        }
        source.shareParts();
        if (source.array.length != 0) {
            account.allocate(partBytes(source.array.length, 0));
            array = source.array.clone();
        }
        lengthHint = source.lengthHint;
        hashKeys = source.hashKeys;
        hashValues = source.hashValues;
        hashLimit = source.hashLimit;
        hashUsed = source.hashUsed;
        hashShift = source.hashShift;
        absentMeta = 0;
        sharedParts = source.sharedParts;
    }

    /**
     * Marks this table's hash part as shared, so that its own next write to it copies it first. A
     * table that is already marked is not written to: mark a template before other threads make
     * copies of it with {@link #copyOnWrite}, and those copies only read it.
     */
    public void shareParts() {
        if (hashKeys.length != 0 && sharedParts != (SHARED_KEYS | SHARED_VALUES)) {
            sharedParts = SHARED_KEYS | SHARED_VALUES;
        }
    }

    /** Whether the keys of the hash part are shared with another table (and so not this table's memory). */
    public boolean sharesHashKeys() {
        return (sharedParts & SHARED_KEYS) != 0;
    }

    /** Whether the values of the hash part are shared with another table. */
    public boolean sharesHashValues() {
        return (sharedParts & SHARED_VALUES) != 0;
    }

    /** Copies those of {@code parts} (SHARED_ bits) that are shared, charging the account for the copies first. */
    private void ownParts(int parts) {
        int copies = sharedParts & parts;
        if (copies == 0) {
            return;
        }
        long bytes = 0;
        if ((copies & SHARED_KEYS) != 0) {
            bytes += ARRAY_HEADER_BYTES + hashKeys.length * REFERENCE_BYTES;
        }
        if ((copies & SHARED_VALUES) != 0) {
            bytes += ARRAY_HEADER_BYTES + hashValues.length * (REFERENCE_BYTES + BOX_BYTES);
        }
        account.allocate(bytes);
        if ((copies & SHARED_KEYS) != 0) {
            hashKeys = hashKeys.clone();
        }
        if ((copies & SHARED_VALUES) != 0) {
            hashValues = hashValues.clone();
        }
        sharedParts &= (byte) ~copies;
    }

    // ---------------------------------------------------------------- hashing

    private int findSlot(Object key) {
        Object[] keys = hashKeys;
        int mask = keys.length - 1;
        for (int i = mix(hashOf(key)) >>> hashShift; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k == key || key.equals(k)) {
                return i;
            }
        }
    }

    /** Hash of a normalized key; must agree with the typed fast paths ({@link #hashLong}, String). */
    private static int hashOf(Object key) {
        if (key instanceof Long l) {
            return hashLong(l);
        }
        return key.hashCode();
    }

    private static int hashLong(long v) {
        return (int) (v ^ (v >>> 32));
    }

    /** Fibonacci hashing: the top bits of the product are well mixed, whatever the input's low bits. */
    private static int mix(int h) {
        return h * 0x9E3779B9;
    }

    private static int ceilPow2(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
