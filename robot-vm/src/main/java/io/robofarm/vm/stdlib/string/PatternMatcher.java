package io.robofarm.vm.stdlib.string;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Lua 5.4 pattern matching over a subject and a pattern whose chars are bytes. One instance holds the
 * state of one search (captures, nesting depth) and is reused for every start position and every
 * match of {@code gmatch}/{@code gsub}.
 *
 * <p>The matcher backtracks by recursion exactly where Lua's does, and bounds it the same way: more
 * than {@value #MAX_DEPTH} nested calls is "pattern too complex", so Lua and this class accept the
 * same patterns and the Java stack stays small. Work is reported to a fuel hook every
 * {@value #WORK_QUANTUM} steps, so a pathological pattern can be stopped from outside.
 */
final class PatternMatcher {
    /** Lua's MAXCAPTURES. */
    public static final int MAX_CAPTURES = 32;
    /** Lua's MAXCCALLS as used by lstrlib's matchdepth. */
    static final int MAX_DEPTH = 200;
    private static final int WORK_QUANTUM = 1024;

    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final String SPECIALS = "^$*+?.([%-";

    private final String src;
    private final int srcEnd;
    private final String pat;
    private final int patEnd;
    private final LongConsumer fuel;

    private int depth;
    private int level;
    /** Capture arrays grow on demand up to {@link #MAX_CAPTURES}; most patterns have few. */
    private int[] captureStart = new int[4];
    private int[] captureLen = new int[4];
    private int work;

    /**
     * @param src  the subject
     * @param pat  the pattern (without a leading {@code ^} when the caller treats it as an anchor)
     * @param fuel receives units of work done, to charge them and possibly stop the search
     */
    public PatternMatcher(String src, String pat, LongConsumer fuel) {
        this.src = src;
        this.srcEnd = src.length();
        this.pat = pat;
        this.patEnd = pat.length();
        this.fuel = fuel;
    }

    /** True when {@code pattern} has no magic characters, so a plain substring search is equivalent. */
    public static boolean isPlain(String pattern) {
        for (int i = 0, n = pattern.length(); i < n; i++) {
            if (SPECIALS.indexOf(pattern.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The byte every match must start with, or -1 when matches may start with anything. Callers use it
     * to skip positions where {@link #matchAt} would fail at once, without changing any result.
     */
    public int requiredFirstChar() {
        if (patEnd == 0) {
            return -1;
        }
        char c = pat.charAt(0);
        if ("()%.[$".indexOf(c) >= 0) {
            return -1;
        }
        if (patEnd > 1 && "*?-".indexOf(pat.charAt(1)) >= 0) {
            return -1;
        }
        return c;
    }

    /**
     * Tries to match the whole pattern at subject position {@code start}.
     *
     * @return the end of the match (exclusive), or -1
     * @throws PatternError when the pattern is malformed (found lazily, as Lua does)
     */
    public int matchAt(int start) {
        level = 0;
        depth = MAX_DEPTH;
        return match(start, 0);
    }

    /** Reports the work not yet charged; call when a search ends. */
    public void flushWork() {
        if (work > 0) {
            fuel.accept(work);
            work = 0;
        }
    }

    /** Charges {@code units} of work done on the matcher's behalf (e.g. scanning for a start position). */
    public void addWork(int units) {
        work += units;
        if (work >= WORK_QUANTUM) {
            flushWork();
        }
    }

    /** Captures of the last successful match. */
    public int captureCount() {
        return level;
    }

    /**
     * Capture {@code i} (0-based) of the match {@code [s, e)}: a String, or a Long for a position
     * capture. When the pattern has no captures, capture 0 is the whole match.
     */
    public Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i != 0) {
                throw new PatternError("invalid capture index %" + (i + 1));
            }
            return src.substring(s, e);
        }
        int len = captureLen[i];
        if (len == CAP_UNFINISHED) {
            throw new PatternError("unfinished capture");
        }
        if (len == CAP_POSITION) {
            return (long) captureStart[i] + 1;
        }
        return src.substring(captureStart[i], captureStart[i] + len);
    }

    /** Number of values a match yields: its captures, or the whole match when there are none. */
    public int resultCount() {
        return level == 0 ? 1 : level;
    }

    private void tick() {
        if (++work >= WORK_QUANTUM) {
            fuel.accept(work);
            work = 0;
        }
    }

    private int match(int s, int p) {
        if (depth-- == 0) {
            throw new PatternError("pattern too complex");
        }
        int result = matchBody(s, p);
        depth++;
        return result;
    }

    /** Matches pattern suffix {@code p} at {@code s}; single items advance in a loop instead of recursing. */
    private int matchBody(int s, int p) {
        while (true) {
            if (p == patEnd) {
                return s;
            }
            tick();
            char pc = pat.charAt(p);
            switch (pc) {
                case '(':
                    if (p + 1 < patEnd && pat.charAt(p + 1) == ')') {
                        return startCapture(s, p + 2, CAP_POSITION);
                    }
                    return startCapture(s, p + 1, CAP_UNFINISHED);
                case ')':
                    return endCapture(s, p + 1);
                case '$':
                    if (p + 1 == patEnd) {
                        return s == srcEnd ? s : -1;
                    }
                    break;
                case '%':
                    if (p + 1 < patEnd) {
                        char next = pat.charAt(p + 1);
                        if (next == 'b') {
                            s = matchBalance(s, p + 2);
                            if (s == -1) {
                                return -1;
                            }
                            p += 4;
                            continue;
                        }
                        if (next == 'f') {
                            p += 2;
                            if (p >= patEnd || pat.charAt(p) != '[') {
                                throw new PatternError("missing '[' after '%f' in pattern");
                            }
                            int ep = classEnd(p);
                            int prev = s == 0 ? 0 : src.charAt(s - 1);
                            int cur = s < srcEnd ? src.charAt(s) : 0;
                            if (matchBracketClass(prev, p, ep - 1) || !matchBracketClass(cur, p, ep - 1)) {
                                return -1;
                            }
                            p = ep;
                            continue;
                        }
                        if (CType.isDigit(next)) {
                            s = matchBackReference(s, next);
                            if (s == -1) {
                                return -1;
                            }
                            p += 2;
                            continue;
                        }
                    }
                    break;
                default:
                    break;
            }
            int ep = classEnd(p);
            char quantifier = ep < patEnd ? pat.charAt(ep) : 0;
            if (s >= srcEnd || !singleMatch(src.charAt(s), p, ep)) {
                if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
                    p = ep + 1;
                    continue;
                }
                return -1;
            }
            switch (quantifier) {
                case '?': {
                    int r = match(s + 1, ep + 1);
                    if (r != -1) {
                        return r;
                    }
                    p = ep + 1;
                    continue;
                }
                case '+':
                    return maxExpand(s + 1, p, ep);
                case '*':
                    return maxExpand(s, p, ep);
                case '-':
                    return minExpand(s, p, ep);
                default:
                    s++;
                    p = ep;
            }
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < srcEnd && singleMatch(src.charAt(s + i), p, ep)) {
            i++;
        }
        work += i;
        for (; i >= 0; i--) {
            int r = match(s + i, ep + 1);
            if (r != -1) {
                return r;
            }
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int r = match(s, ep + 1);
            if (r != -1) {
                return r;
            }
            if (s < srcEnd && singleMatch(src.charAt(s), p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level == captureStart.length) {
            if (level >= MAX_CAPTURES) {
                throw new PatternError("too many captures");
            }
            captureStart = Arrays.copyOf(captureStart, MAX_CAPTURES);
            captureLen = Arrays.copyOf(captureLen, MAX_CAPTURES);
        }
        captureStart[level] = s;
        captureLen[level] = what;
        level++;
        int r = match(s, p);
        if (r == -1) {
            level--;
        }
        return r;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLen[l] = s - captureStart[l];
        int r = match(s, p);
        if (r == -1) {
            captureLen[l] = CAP_UNFINISHED;
        }
        return r;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLen[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new PatternError("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p + 1 >= patEnd) {
            throw new PatternError("malformed pattern (missing arguments to '%b')");
        }
        if (s >= srcEnd || src.charAt(s) != pat.charAt(p)) {
            return -1;
        }
        char open = pat.charAt(p);
        char close = pat.charAt(p + 1);
        int nesting = 1;
        int start = s;
        while (++s < srcEnd) {
            char c = src.charAt(s);
            if (c == close) {
                if (--nesting == 0) {
                    work += s - start;
                    return s + 1;
                }
            } else if (c == open) {
                nesting++;
            }
        }
        work += s - start;
        return -1;
    }

    private int matchBackReference(int s, char digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLen[l] == CAP_UNFINISHED) {
            throw new PatternError("invalid capture index %" + (l + 1));
        }
        int len = captureLen[l];
        // A position capture has no text: a back-reference to it never matches, as in Lua.
        if (len < 0 || srcEnd - s < len || !src.regionMatches(s, src, captureStart[l], len)) {
            return -1;
        }
        return s + len;
    }

    /** End (exclusive) of the single-char class starting at {@code p}. */
    private int classEnd(int p) {
        char c = pat.charAt(p++);
        if (c == '%') {
            if (p >= patEnd) {
                throw new PatternError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (p < patEnd && pat.charAt(p) == '^') {
                p++;
            }
            // The first char of a set is a member even if it is ']'.
            do {
                if (p >= patEnd) {
                    throw new PatternError("malformed pattern (missing ']')");
                }
                char member = pat.charAt(p++);
                if (member == '%' && p < patEnd) {
                    p++;
                }
            } while (p >= patEnd || pat.charAt(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        char pc = pat.charAt(p);
        switch (pc) {
            case '.':
                return true;
            case '%':
                return CType.matchesClass(c, pat.charAt(p + 1));
            case '[':
                return matchBracketClass(c, p, ep - 1);
            default:
                return pc == c;
        }
    }

    /** Whether {@code c} is in the set {@code [...]} spanning {@code p} (the '[') to {@code ec} (the ']'). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean member = true;
        if (pat.charAt(p + 1) == '^') {
            member = false;
            p++;
        }
        while (++p < ec) {
            char pc = pat.charAt(p);
            if (pc == '%') {
                p++;
                if (CType.matchesClass(c, pat.charAt(p))) {
                    return member;
                }
            } else if (pat.charAt(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pc <= c && c <= pat.charAt(p)) {
                    return member;
                }
            } else if (pc == c) {
                return member;
            }
        }
        return !member;
    }
}
