package io.robofarm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected lengths are what lua5.4 prints for the same sequence of operations. */
class LuaTableTest {

    private static LuaTable sequence(int n) {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        for (long i = 1; i <= n; i++) {
            t.put(i, (Object) i);
        }
        return t;
    }

    @Test
    void lengthOfConstructedSequenceFollowsRemovalsAndAppends() {
        LuaTable t = new LuaTable(5, 0, MemoryAccount.UNMETERED);
        for (long i = 1; i <= 5; i++) {
            t.put(i, (Object) i);
        }
        t.put(5L, null);
        assertEquals(4, t.length());
        t.put(t.length() + 1, "x");
        assertEquals(5, t.length());
    }

    @Test
    void lengthAfterClearingTheUpperHalf() {
        LuaTable t = sequence(100);
        for (long i = 100; i >= 51; i--) {
            t.put(i, null);
        }
        assertEquals(50, t.length());
    }

    @Test
    void lengthWithHolesMatchesLua() {
        LuaTable t = sequence(10);
        t.put(5L, null);
        assertEquals(10, t.length());
        t.put(10L, null);
        assertEquals(9, t.length());

        LuaTable w = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        w.put(1L, (Object) 1L);
        w.put(2L, (Object) 2L);
        w.put(4L, (Object) 4L);
        assertEquals(4, w.length());

        LuaTable y = sequence(8);
        y.put(8L, null);
        y.put(7L, null);
        assertEquals(6, y.length());
        y.put(4L, null);
        assertEquals(6, y.length());
    }

    @Test
    void lengthOfConstructorWithHoles() {
        LuaTable u = new LuaTable(3, 0, MemoryAccount.UNMETERED);
        u.put(1L, (Object) 1L);
        u.put(3L, (Object) 3L);
        assertEquals(3, u.length());
        LuaTable v = new LuaTable(3, 0, MemoryAccount.UNMETERED);
        v.put(3L, (Object) 3L);
        assertEquals(3, v.length());
    }

    @Test
    void lengthContinuesIntoTheHashPart() {
        LuaTable t = new LuaTable(0, 4, MemoryAccount.UNMETERED);
        t.put(1L, "a");
        t.put(2L, "b");
        t.put(3L, "c");
        assertEquals(3, t.length());
        assertEquals(0, new LuaTable(0, 0, MemoryAccount.UNMETERED).length());
    }

    @Test
    void integralFloatKeysAreIntegers() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        t.put(2.0, "two");
        t.put(-0.0, "zero");
        t.put(1.5, "one and a half");
        assertEquals("two", t.get(2L));
        assertEquals("two", t.get((Object) 2L));
        assertEquals("zero", t.get(0L));
        assertEquals("one and a half", t.get(1.5));
        assertNull(t.get(Double.NaN));
        assertEquals("two", t.get(0x1p1));
        t.put(0x1p63, "big");
        assertEquals("big", t.get(0x1p63));
        assertNull(t.get(Long.MAX_VALUE));
    }

    @Test
    void nilAndNaNKeysAreRejected() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        assertEquals("table index is nil", assertThrows(IllegalArgumentException.class, () -> t.put(null, 1L)).getMessage());
        assertEquals("table index is NaN", assertThrows(IllegalArgumentException.class, () -> t.put(Double.NaN, 1L)).getMessage());
    }

    @Test
    void nextVisitsArrayThenHashExactlyOnce() {
        LuaTable t = sequence(5);
        t.put("x", "X");
        t.put(100L, "hundred");
        t.put(true, "T");
        Map<Object, Object> seen = new HashMap<>();
        for (Object k = t.nextKey(null); k != null; k = t.nextKey(k)) {
            assertNull(seen.put(k, t.get(k)));
        }
        assertEquals(8, seen.size());
        assertEquals(1L, t.nextKey(null));
        assertEquals("hundred", seen.get(100L));
    }

    @Test
    void clearingFieldsDuringTraversalKeepsTheTraversalValid() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        for (int i = 0; i < 50; i++) {
            t.put("k" + i, (Object) (long) i);
        }
        int visited = 0;
        for (Object k = t.nextKey(null); k != null; k = t.nextKey(k)) {
            t.put(k, null);
            visited++;
        }
        assertEquals(50, visited);
        assertNull(t.nextKey(null));
    }

    @Test
    void slotIterationIsAllocationFreeAndComplete() {
        LuaTable t = sequence(3);
        t.put("a", "A");
        int count = 0;
        for (int s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
            assertEquals(t.valueAt(s), t.get(t.keyAt(s)));
            count++;
        }
        assertEquals(4, count);
    }

    @Test
    void nextWithUnknownKeyFails() {
        LuaTable t = sequence(3);
        assertEquals("invalid key to 'next'",
                assertThrows(IllegalArgumentException.class, () -> t.nextKey("nope")).getMessage());
    }

    @Test
    void rehashMovesIntegerKeysToTheArrayPart() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        for (long i = 64; i >= 1; i--) {
            t.put(i, (Object) i);
        }
        assertEquals(64, t.arrayCapacity());
        assertEquals(64, t.length());
        for (long i = 1; i <= 64; i++) {
            assertEquals(i, t.get(i));
        }
    }

    @Test
    void sparseIntegerKeysStayInTheHashPart() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        for (long i = 1; i <= 20; i++) {
            t.put(i * 1000, (Object) i);
        }
        assertEquals(0, t.arrayCapacity());
        assertEquals(7L, t.get(7000L));
        assertEquals(0, t.length());
    }

    @Test
    void manyStringKeysSurviveGrowthAndRemoval() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        for (int i = 0; i < 10_000; i++) {
            t.put("key" + i, (Object) (long) i);
        }
        for (int i = 0; i < 10_000; i += 2) {
            t.put("key" + i, null);
        }
        for (int i = 0; i < 10_000; i++) {
            Object expected = i % 2 == 0 ? null : (Object) (long) i;
            assertEquals(expected, t.get("key" + i));
        }
    }

    @Test
    void metamethodAbsenceIsCachedUntilTheMetatableChanges() {
        LuaTable mt = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        assertNull(mt.metamethod(LuaTable.TM_INDEX));
        assertNull(mt.metamethod(LuaTable.TM_INDEX));
        LuaTable handler = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        mt.put("__index", handler);
        assertSame(handler, mt.metamethod(LuaTable.TM_INDEX));
        mt.put("__index", null);
        assertNull(mt.metamethod(LuaTable.TM_INDEX));
    }

    @Test
    void resizeKeepsEveryEntry() {
        LuaTable t = sequence(10);
        t.put("s", "S");
        t.resize(2, 0);
        assertEquals(2, t.arrayCapacity());
        for (long i = 1; i <= 10; i++) {
            assertEquals(i, t.get(i));
        }
        assertEquals("S", t.get("s"));
        t.resize(16, 1);
        assertEquals(10, t.length());
    }

    @Test
    void slotOfFindsStringKeysWithOrWithoutAGoodHint() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        t.put("x", 1L);
        t.put("y", 2L);
        int slot = t.slotOf("y", 0);
        assertEquals(2L, t.valueAtSlot(slot));
        assertEquals(slot, t.slotOf("y", slot));
        assertEquals(slot, t.slotOf(new String("y"), slot));
        assertEquals(-1, t.slotOf("z", slot));
        assertEquals(-1, new LuaTable(0, 0, MemoryAccount.UNMETERED).slotOf("x", 5));
        t.replaceAtSlot(slot, "two");
        assertEquals("two", t.get("y"));
    }

    @Test
    void slotOfStillFindsAClearedKeyWithNilValue() {
        LuaTable t = new LuaTable(0, 0, MemoryAccount.UNMETERED);
        t.put("gone", 1L);
        t.put("gone", null);
        int slot = t.slotOf("gone", 0);
        assertEquals(true, slot >= 0);
        assertNull(t.valueAtSlot(slot));
    }
}
