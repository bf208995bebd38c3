package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.value.LuaNumbers;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The reading side of a Lua file (only stdin here): the formats of {@code io.read} over a byte
 * stream with one byte of look-ahead, as C's {@code getc}/{@code ungetc} give lua5.4.
 */
final class LuaInput {
    /** Longest numeral {@code read("n")} accepts, lua5.4's L_MAXLENNUM. */
    private static final int MAX_NUMERAL = 200;
    private static final int NONE = -2;

    private final Supplier<InputStream> source;
    private int lookahead = NONE;

    /** {@code source} is asked for the stream at each read, so the host may replace it. */
    LuaInput(Supplier<InputStream> source) {
        this.source = source;
    }

    private int peek() {
        if (lookahead == NONE) {
            try {
                lookahead = source.get().read();
            } catch (IOException e) {
                throw new LuaError(e.getMessage());
            }
        }
        return lookahead;
    }

    private int next() {
        int c = peek();
        lookahead = NONE;
        return c;
    }

    /** A line, with its newline when {@code keepNewline}; null at end of input. */
    String readLine(boolean keepNewline) {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = next()) != -1 && c != '\n') {
            line.append((char) c);
        }
        if (c == '\n' && keepNewline) {
            line.append('\n');
        }
        return c == -1 && line.length() == 0 ? null : line.toString();
    }

    /** Everything up to the end of input (possibly ""). */
    String readAll() {
        StringBuilder all = new StringBuilder();
        int c;
        while ((c = next()) != -1) {
            all.append((char) c);
        }
        return all.toString();
    }

    /** Up to {@code n} bytes; null at end of input. {@code n == 0} only tests for the end. */
    String readChars(long n) {
        if (n == 0) {
            return peek() == -1 ? null : "";
        }
        StringBuilder chars = new StringBuilder();
        int c;
        while (chars.length() < n && (c = next()) != -1) {
            chars.append((char) c);
        }
        return chars.length() == 0 ? null : chars.toString();
    }

    /**
     * A numeral (Long or Double) read as lua5.4 does: the longest prefix that looks like one is
     * consumed, then converted; null when it is not a valid number.
     */
    Object readNumber() {
        int c;
        while ((c = peek()) != -1 && BaseLib.isSpace((char) c)) {
            next();
        }
        StringBuilder numeral = new StringBuilder();
        accept(numeral, "-+");
        int digits = 0;
        boolean hex = false;
        if (accept(numeral, "00")) {
            if (accept(numeral, "xX")) {
                hex = true;
            } else {
                digits = 1;
            }
        }
        digits += acceptDigits(numeral, hex);
        if (accept(numeral, "..")) {
            digits += acceptDigits(numeral, hex);
        }
        if (digits > 0 && accept(numeral, hex ? "pP" : "eE")) {
            accept(numeral, "-+");
            acceptDigits(numeral, false);
        }
        return numeral.length() > MAX_NUMERAL ? null : LuaNumbers.parse(numeral.toString());
    }

    private boolean accept(StringBuilder numeral, String oneOf) {
        int c = peek();
        if (c == oneOf.charAt(0) || c == oneOf.charAt(1)) {
            numeral.append((char) next());
            return true;
        }
        return false;
    }

    private int acceptDigits(StringBuilder numeral, boolean hex) {
        int count = 0;
        while (true) {
            int c = peek();
            boolean digit = c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
            if (!digit || numeral.length() > MAX_NUMERAL) {
                return count;
            }
            numeral.append((char) next());
            count++;
        }
    }
}
