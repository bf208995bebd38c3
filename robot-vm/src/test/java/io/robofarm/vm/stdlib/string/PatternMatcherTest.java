package io.robofarm.vm.stdlib.string;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The matching engine on its own, without an interpreter. */
class PatternMatcherTest {

    private static PatternMatcher matcher(String src, String pattern) {
        return new PatternMatcher(src, pattern, work -> { });
    }

    @Test
    void reportsCapturesAndPositions() {
        PatternMatcher m = matcher("key = value", "(%w+)%s*()=%s*(%w+)");
        assertEquals(11, m.matchAt(0));
        assertEquals(3, m.captureCount());
        assertEquals("key", m.capture(0, 0, 11));
        assertEquals(5L, m.capture(1, 0, 11));
        assertEquals("value", m.capture(2, 0, 11));
    }

    @Test
    void usesTheWholeMatchWhenThereAreNoCaptures() {
        PatternMatcher m = matcher("abc", "b+");
        assertEquals(-1, m.matchAt(0));
        assertEquals(2, m.matchAt(1));
        assertEquals(1, m.resultCount());
        assertEquals("b", m.capture(0, 1, 2));
    }

    @Test
    void classesFollowTheCLocale() {
        assertEquals(-1, matcher("\u00e9", "%a").matchAt(0));
        assertEquals(1, matcher("\u00e9", "%A").matchAt(0));
        assertEquals(1, matcher("\u007f", "%c").matchAt(0));
        assertEquals(1, matcher("\u000b", "%s").matchAt(0));
    }

    @Test
    void balancesAndFrontiers() {
        assertEquals(7, matcher("(a(b)c)d", "%b()").matchAt(0));
        assertEquals(-1, matcher("(a(b c", "%b()").matchAt(0));
        assertEquals(3, matcher("the", "%f[%a]%a+$").matchAt(0));
        assertEquals(-1, matcher("the", "%f[%a]%a+$").matchAt(1));
    }

    @Test
    void boundsBacktrackingDepthLikeLua() {
        String src = "a".repeat(300);
        PatternError e = assertThrows(PatternError.class, () -> matcher(src, "a?".repeat(300)).matchAt(0));
        assertEquals("pattern too complex", e.getMessage());
        assertEquals(200, matcher(src, "a?".repeat(199) + "a").matchAt(0));
    }

    @Test
    void chargesWorkToTheFuelHook() {
        AtomicLong charged = new AtomicLong();
        PatternMatcher m = new PatternMatcher("a".repeat(5000) + "b", "a-a-b", charged::addAndGet);
        assertEquals(5001, m.matchAt(0));
        m.flushWork();
        assertTrue(charged.get() > 5000, "charged " + charged.get());
    }

    @Test
    void detectsPlainPatternsAndFixedFirstBytes() {
        assertTrue(PatternMatcher.isPlain("a)b]"));
        assertEquals('k', matcher("", "k+ey").requiredFirstChar());
        assertEquals(-1, matcher("", "k*ey").requiredFirstChar());
        assertEquals(-1, matcher("", "%d").requiredFirstChar());
    }
}
