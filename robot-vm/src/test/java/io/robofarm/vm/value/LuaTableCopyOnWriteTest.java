package io.robofarm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Tables made with {@link LuaTable#copyOnWrite}: same contents, separate changes, charged when copied. */
class LuaTableCopyOnWriteTest {

    /** An account that sums what it is charged. */
    private static final class Counter implements MemoryAccount {
        long bytes;

        @Override
        public void allocate(long n) {
            bytes += n;
        }
    }

    /** Keys 1..4 in the array part, then a few string keys and a float key in the hash part. */
    private static LuaTable source() {
        LuaTable t = new LuaTable(4, 0, MemoryAccount.UNMETERED);
        for (long i = 1; i <= 4; i++) {
            t.put(i, "v" + i);
        }
        for (String k : new String[] {"format", "upper", "lower", "rep", "sub"}) {
            t.put(k, k.toUpperCase());
        }
        t.put(2.5, "float key");
        return t;
    }

    private static LuaTable copyOf(LuaTable source, MemoryAccount account) {
        LuaTable copy = new LuaTable(0, 0, account);
        copy.copyOnWrite(source);
        return copy;
    }

    private static List<Object> entries(LuaTable t) {
        List<Object> entries = new ArrayList<>();
        for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
            entries.add(t.keyAt(slot) + "=" + t.valueAt(slot));
        }
        return entries;
    }

    @Test
    void aCopyHoldsWhatItsSourceHoldsInTheSameOrder() {
        LuaTable source = source();
        LuaTable copy = copyOf(source, MemoryAccount.UNMETERED);
        assertEquals(entries(source), entries(copy));
        assertEquals(4, copy.length());
        assertEquals("FORMAT", copy.get("format"));
        assertEquals("v3", copy.get(3L));
        assertEquals("float key", copy.get((Object) 2.5));
        assertEquals(source.nextKey("format"), copy.nextKey("format"));
    }

    @Test
    void changesToACopyAreInvisibleToItsSourceAndToOtherCopies() {
        LuaTable source = source();
        List<Object> before = entries(source);
        LuaTable a = copyOf(source, MemoryAccount.UNMETERED);
        LuaTable b = copyOf(source, MemoryAccount.UNMETERED);
        a.put("format", "hacked");
        a.put("upper", null);
        a.put(1L, "changed");
        a.put("new key", true);
        a.put(2.5, null);
        a.replaceAtSlot(a.slotOf("lower", 0), "replaced");
        assertEquals("hacked", a.get("format"));
        assertNull(a.get("upper"));
        assertEquals("changed", a.get(1L));
        assertEquals(Boolean.TRUE, a.get("new key"));
        assertEquals("replaced", a.get("lower"));
        assertEquals(before, entries(source));
        assertEquals(before, entries(b));
    }

    @Test
    void changesToTheSourceAreInvisibleToItsCopies() {
        LuaTable source = source();
        LuaTable copy = copyOf(source, MemoryAccount.UNMETERED);
        List<Object> before = entries(copy);
        source.put("format", null);
        source.put(4L, null);
        source.put("grown", 1L);
        assertEquals(before, entries(copy));
        assertEquals(4, copy.length());
        assertEquals(3, source.length());
    }

    @Test
    void aWriteDuringATraversalKeepsItsPosition() {
        LuaTable source = source();
        LuaTable copy = copyOf(source, MemoryAccount.UNMETERED);
        List<Object> seen = new ArrayList<>();
        for (Object key = copy.nextKey(null); key != null; key = copy.nextKey(key)) {
            seen.add(key);
            copy.put(key, null);
        }
        assertEquals(10, seen.size());
        assertEquals(List.of(), entries(copy));
        assertEquals(10, entries(source).size());
    }

    @Test
    void theHashPartIsChargedWhenItIsCopiedAndTheArrayPartAtOnce() {
        LuaTable source = source();
        Counter counter = new Counter();
        LuaTable copy = copyOf(source, counter);
        Counter sameArray = new Counter();
        new LuaTable(source.arrayCapacity(), 0, sameArray);
        assertEquals(sameArray.bytes, counter.bytes);
        assertTrue(copy.sharesHashKeys() && copy.sharesHashValues());

        copy.put(2L, "x");
        assertEquals(sameArray.bytes, counter.bytes);

        copy.put("format", "changed");
        long values = counter.bytes - sameArray.bytes;
        assertTrue(values > 0);
        assertFalse(copy.sharesHashValues());
        assertTrue(copy.sharesHashKeys());
        copy.put("upper", "changed too");
        assertEquals(sameArray.bytes + values, counter.bytes);

        copy.put("new key", true);
        assertFalse(copy.sharesHashKeys());
        assertTrue(counter.bytes > sameArray.bytes + values);
        assertTrue(source.sharesHashKeys() && source.sharesHashValues());
        assertEquals("v2", source.get(2L));
    }

    @Test
    void aRefusedCopyLeavesTheTableSharedAndUnchanged() {
        LuaTable source = source();
        boolean[] full = {false};
        LuaTable copy = copyOf(source, bytes -> {
            if (full[0]) {
                throw new IllegalStateException("over the limit");
            }
        });
        full[0] = true;
        assertThrows(IllegalStateException.class, () -> copy.put("format", "changed"));
        assertEquals("FORMAT", copy.get("format"));
        assertTrue(copy.sharesHashValues());
        assertEquals("FORMAT", source.get("format"));
    }

    @Test
    void aCopyOfACopyIsIndependentOfBoth() {
        LuaTable source = source();
        LuaTable first = copyOf(source, MemoryAccount.UNMETERED);
        LuaTable second = copyOf(first, MemoryAccount.UNMETERED);
        first.put("rep", "first");
        second.put("rep", "second");
        assertEquals("REP", source.get("rep"));
        assertEquals("first", first.get("rep"));
        assertEquals("second", second.get("rep"));
    }

    @Test
    void onlyATableWithoutPartsCanBecomeACopy() {
        LuaTable used = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        used.put("x", 1L);
        used.put("x", null);
        assertThrows(IllegalStateException.class, () -> used.copyOnWrite(source()));
    }

    @Test
    void resizingACopyOwnsItsNewParts() {
        LuaTable source = source();
        LuaTable copy = copyOf(source, MemoryAccount.UNMETERED);
        copy.resize(8, 16);
        assertFalse(copy.sharesHashKeys() || copy.sharesHashValues());
        copy.put(8L, "eight");
        copy.put("format", "changed");
        assertNull(source.get(8L));
        assertEquals("FORMAT", source.get("format"));
        assertEquals("v4", copy.get(4L));
    }
}
