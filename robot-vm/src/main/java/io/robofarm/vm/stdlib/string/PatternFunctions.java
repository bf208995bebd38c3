package io.robofarm.vm.stdlib.string;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

/**
 * {@code string.find}, {@code match}, {@code gmatch} and {@code gsub}: argument handling and the
 * scan over start positions around {@link PatternMatcher}.
 *
 * <p>Positions where no match can start (the pattern is plain text, or begins with a fixed byte) are
 * skipped with {@link String#indexOf}, which the JVM vectorizes; the matcher would reject them at
 * once, so results and errors are the same as trying each position.
 */
public final class PatternFunctions {

    private PatternFunctions() {
    }

    /** {@code string.find (s, pattern [, init [, plain]])} */
    public static int find(LuaState L) {
        return findOrMatch(L, true);
    }

    /** {@code string.match (s, pattern [, init])} */
    public static int match(LuaState L) {
        return findOrMatch(L, false);
    }

    private static int findOrMatch(LuaState L, boolean find) {
        String s = L.checkString(1);
        String p = L.checkString(2);
        int len = s.length();
        long init = StringPositions.start(L.optInteger(3, 1), len) - 1;
        if (init > len) {
            L.pushNil();
            return 1;
        }
        int start = (int) init;
        if (find && (L.toBoolean(4) || PatternMatcher.isPlain(p))) {
            int at = s.indexOf(p, start);
            if (at < 0) {
                L.pushNil();
                return 1;
            }
            L.pushInteger(at + 1);
            L.pushInteger(at + p.length());
            return 2;
        }
        boolean anchor = !p.isEmpty() && p.charAt(0) == '^';
        PatternMatcher m = new PatternMatcher(s, anchor ? p.substring(1) : p, L::checkInterrupt);
        Candidates next = anchor ? null : Candidates.of(p, m);
        try {
            int pos = start;
            do {
                if (next != null) {
                    pos = next.from(s, pos, m);
                    if (pos < 0) {
                        break;
                    }
                }
                int end = m.matchAt(pos);
                if (end >= 0) {
                    if (find) {
                        L.pushInteger(pos + 1);
                        L.pushInteger(end);
                        return 2 + pushCaptures(L, m, pos, end, false);
                    }
                    return pushCaptures(L, m, pos, end, true);
                }
            } while (pos++ < len && !anchor);
        } catch (PatternError e) {
            throw L.error(e.getMessage());
        } finally {
            m.flushWork();
        }
        L.pushNil();
        return 1;
    }

    private static int pushCaptures(LuaState L, PatternMatcher m, int s, int e, boolean wholeIfNone) {
        int n = wholeIfNone ? m.resultCount() : m.captureCount();
        for (int i = 0; i < n; i++) {
            Object capture = m.capture(i, s, e);
            if (capture instanceof String text) {
                L.pushString(text);
            } else {
                L.push(capture);
            }
        }
        return n;
    }

    /** {@code string.gmatch (s, pattern [, init])}: an iterator over successive matches. */
    public static int gmatch(LuaState L) {
        String s = L.checkString(1);
        String p = L.checkString(2);
        long init = StringPositions.start(L.optInteger(3, 1), s.length()) - 1;
        int start = (int) Math.min(init, s.length() + 1L);
        L.push(new MatchIterator(s, p, start, new PatternMatcher(s, p, L::checkInterrupt)));
        return 1;
    }

    /** The state of one {@code gmatch} loop; unlike find, a leading '^' is an ordinary char here. */
    private static final class MatchIterator extends JavaFunction {
        private final String src;
        private final PatternMatcher matcher;
        private final Candidates next;
        private int pos;
        private int lastMatch = -1;

        MatchIterator(String src, String pattern, int start, PatternMatcher matcher) {
            super("gmatch_aux");
            this.src = src;
            this.matcher = matcher;
            this.next = Candidates.of(pattern, matcher);
            this.pos = start;
        }

        @Override
        protected Object[] heldValues() {
            return new Object[] {src};
        }

        @Override
        public int call(LuaState L) {
            try {
                for (int s = pos; s <= src.length(); s++) {
                    if (next != null) {
                        s = next.from(src, s, matcher);
                        if (s < 0) {
                            break;
                        }
                    }
                    int end = matcher.matchAt(s);
                    if (end >= 0 && end != lastMatch) {
                        pos = lastMatch = end;
                        return pushCaptures(L, matcher, s, end, true);
                    }
                }
            } catch (PatternError e) {
                throw L.error(e.getMessage());
            } finally {
                matcher.flushWork();
            }
            pos = src.length() + 1;
            return 0;
        }
    }

    /** {@code string.gsub (s, pattern, repl [, n])} */
    public static int gsub(LuaState L) {
        String src = L.checkString(1);
        String p = L.checkString(2);
        int replType = L.type(3);
        long maxN = L.optInteger(4, src.length() + 1L);
        if (replType != LuaType.NUMBER && replType != LuaType.STRING && replType != LuaType.FUNCTION
                && replType != LuaType.TABLE) {
            throw L.typeError(3, "string/function/table");
        }
        Object repl = replType == LuaType.NUMBER ? L.checkString(3) : L.arg(3);
        boolean anchor = !p.isEmpty() && p.charAt(0) == '^';
        PatternMatcher m = new PatternMatcher(src, anchor ? p.substring(1) : p, L::checkInterrupt);
        Candidates next = anchor ? null : Candidates.of(p, m);
        int len = src.length();
        L.allocate(len + 16L);
        StringBuilder out = new StringBuilder(len + 16);
        int pos = 0;
        int lastMatch = -1;
        long n = 0;
        L.trackBuffer(out);
        try {
            while (n < maxN) {
                if (next != null) {
                    int candidate = next.from(src, pos, m);
                    if (candidate < 0) {
                        break;
                    }
                    out.append(src, pos, candidate);
                    pos = candidate;
                }
                int end = m.matchAt(pos);
                if (end >= 0 && end != lastMatch) {
                    n++;
                    appendReplacement(L, out, m, src, pos, end, repl);
                    pos = lastMatch = end;
                } else if (pos < len) {
                    out.append(src.charAt(pos++));
                } else {
                    break;
                }
                if (anchor) {
                    break;
                }
            }
        } catch (PatternError e) {
            throw L.error(e.getMessage());
        } finally {
            m.flushWork();
            L.untrackBuffer(out);
        }
        if (n == 0) {
            L.pushString(src);
        } else {
            out.append(src, pos, len);
            L.pushString(out.toString());
        }
        L.pushInteger(n);
        return 2;
    }

    private static void appendReplacement(LuaState L, StringBuilder out, PatternMatcher m, String src, int s,
                                          int e, Object repl) {
        if (repl instanceof String r) {
            appendTemplate(L, out, m, src, s, e, r);
            return;
        }
        Object value;
        if (repl instanceof LuaTable) {
            value = L.index(repl, m.capture(0, s, e));
        } else {
            int n = m.resultCount();
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = m.capture(i, s, e);
            }
            value = L.call(repl, args);
        }
        if (value == null || value == Boolean.FALSE) {
            out.append(src, s, e);
        } else if (value instanceof String v) {
            L.allocate(v.length());
            out.append(v);
        } else if (value instanceof Long v) {
            out.append(LuaNumbers.toString(v));
        } else if (value instanceof Double v) {
            out.append(LuaNumbers.toString(v));
        } else {
            throw L.error("invalid replacement value (a " + LuaType.nameOf(value) + ")");
        }
    }

    /** A replacement string: {@code %0}-{@code %9} name captures, {@code %%} is a percent sign. */
    private static void appendTemplate(LuaState L, StringBuilder out, PatternMatcher m, String src, int s, int e,
                                       String template) {
        int from = 0;
        int esc;
        while ((esc = template.indexOf('%', from)) >= 0) {
            L.allocate(esc - from);
            out.append(template, from, esc);
            char c = esc + 1 < template.length() ? template.charAt(esc + 1) : 0;
            if (c == '%') {
                out.append('%');
            } else if (c == '0') {
                L.allocate(e - s);
                out.append(src, s, e);
            } else if (CType.isDigit(c)) {
                Object capture = m.capture(c - '1', s, e);
                String text = capture instanceof Long position ? position.toString() : (String) capture;
                L.allocate(text.length());
                out.append(text);
            } else {
                throw L.error("invalid use of '%' in replacement string");
            }
            from = esc + 2;
        }
        L.allocate(template.length() - from);
        out.append(template, from, template.length());
    }

    /**
     * Finds the next position where a match may start: the next occurrence of a plain pattern, or of
     * the fixed byte a pattern starts with. Skipped text is charged as work like matching it would be.
     */
    private record Candidates(String literal, char first) {
        static Candidates of(String pattern, PatternMatcher m) {
            if (!pattern.isEmpty() && PatternMatcher.isPlain(pattern) && pattern.indexOf(')') < 0) {
                return new Candidates(pattern, (char) 0);
            }
            int c = m.requiredFirstChar();
            return c < 0 ? null : new Candidates(null, (char) c);
        }

        int from(String s, int pos, PatternMatcher m) {
            int at = literal != null ? s.indexOf(literal, pos) : s.indexOf(first, pos);
            m.addWork(((at < 0 ? s.length() : at) - pos) >> 4);
            return at;
        }
    }
}
