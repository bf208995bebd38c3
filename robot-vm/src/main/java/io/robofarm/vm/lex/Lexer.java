package io.robofarm.vm.lex;

import io.robofarm.vm.code.ChunkNames;
import io.robofarm.vm.parse.LuaSyntaxError;
import io.robofarm.vm.value.LuaNumbers;

import java.util.HashMap;
import java.util.Map;

/**
 * Splits Lua source into tokens, one token of lookahead at most. Source chars stand for bytes
 * (0..255). Errors carry Lua's exact wording, including the partial token text that Lua shows
 * after "near", so the lexer saves chars into its buffer exactly when Lua would.
 */
public final class Lexer {
    private static final int EOZ = -1;
    private static final Map<String, Token> RESERVED = new HashMap<>();

    static {
        for (Token t : Token.values()) {
            if (t.isReserved()) {
                RESERVED.put(t.text, t);
            }
        }
    }

    private final String src;
    private final int length;
    private final String chunkId;
    private final StringBuilder buf = new StringBuilder();
    private int pos;
    private int current;
    private int line = 1;
    private int lastLine = 1;
    /** Source index where the current line starts, for columns. */
    private int lineStart;

    private Token token;
    private int tokenColumn = 1;
    private String text;
    private String stringValue;
    private Object numberValue;
    private int otherChar;

    /** The token after the current one, once {@link #lookahead} has scanned it. */
    private Scanned ahead;

    /**
     * @param source    the chunk, one char per byte
     * @param chunkName the chunk name as given to {@code load} ("@file.lua", "=stdin", ...)
     */
    public Lexer(String source, String chunkName) {
        this.src = source;
        this.length = source.length();
        this.chunkId = ChunkNames.shortName(chunkName);
        advance();
    }

    /** The current token. */
    public Token token() {
        return token;
    }

    /** Value of the current NAME or STRING token. */
    public String stringValue() {
        return stringValue;
    }

    /** Value of the current INT (Long) or FLT (Double) token. */
    public Object numberValue() {
        return numberValue;
    }

    /** Line of the current token's end (Lua's {@code linenumber}). */
    public int line() {
        return line;
    }

    /** 1-based column where the current token starts. */
    public int column() {
        return tokenColumn;
    }

    /** Line of the last token consumed (Lua's {@code lastline}). */
    public int lastLine() {
        return lastLine;
    }

    /** Moves to the next token. */
    public void next() {
        lastLine = line;
        if (ahead != null) {
            restore(ahead);
            ahead = null;
        } else {
            token = scan();
        }
    }

    /** Peeks at the token after the current one. */
    public Token lookahead() {
        Scanned current = scanned(token);
        ahead = scanned(scan());
        restore(current);
        return ahead.token();
    }

    /** A token with what {@link #scan} found out about it. */
    private record Scanned(Token token, String text, String stringValue, Object numberValue, int otherChar, int column) {
    }

    private Scanned scanned(Token t) {
        return new Scanned(t, text, stringValue, numberValue, otherChar, tokenColumn);
    }

    private void restore(Scanned scanned) {
        token = scanned.token();
        text = scanned.text();
        stringValue = scanned.stringValue();
        numberValue = scanned.numberValue();
        otherChar = scanned.otherChar();
        tokenColumn = scanned.column();
    }

    /** An error about the current token: "chunk:line: msg near 'tok'". */
    public LuaSyntaxError syntaxError(String msg) {
        return new LuaSyntaxError(chunkId + ":" + line + ": " + msg + " near " + currentTokenText(), line, tokenColumn);
    }

    /** An error without a token, such as a semantic error found by the parser. */
    public LuaSyntaxError semanticError(String msg) {
        return new LuaSyntaxError(chunkId + ":" + line + ": " + msg, line, tokenColumn);
    }

    private String currentTokenText() {
        switch (token) {
            case NAME, STRING, FLT, INT:
                return "'" + text + "'";
            case OTHER:
                return otherChar >= 0x20 && otherChar < 0x7F ? "'" + (char) otherChar + "'" : "'<\\" + otherChar + ">'";
            default:
                return token.describe();
        }
    }

    /**
     * An error in the middle of a token: Lua shows the chars read so far, or {@code <eof>}; the column
     * is where the token starts.
     */
    private LuaSyntaxError lexError(String msg, boolean atEnd) {
        String near = atEnd ? Token.EOS.text : "'" + buf + "'";
        return new LuaSyntaxError(chunkId + ":" + line + ": " + msg + " near " + near, line, tokenColumn);
    }

    private void advance() {
        current = pos < length ? src.charAt(pos++) : EOZ;
    }

    /** Index of the current char in the source. */
    private int mark() {
        return current == EOZ ? length : pos - 1;
    }

    private void saveAndNext() {
        buf.append((char) current);
        advance();
    }

    private boolean checkNext(char c) {
        if (current == c) {
            advance();
            return true;
        }
        return false;
    }

    private static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    private static int hexValue(int c) {
        if (isDigit(c)) {
            return c - '0';
        }
        int l = c | 0x20;
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    /** Skips a newline sequence: \n, \r, \n\r or \r\n. */
    private void incLineNumber() {
        int old = current;
        advance();
        if (isNewline(current) && current != old) {
            advance();
        }
        line++;
        lineStart = mark();
    }

    private Token scan() {
        for (;;) {
            tokenColumn = mark() - lineStart + 1;
            switch (current) {
                case '\n', '\r' -> incLineNumber();
                case ' ', '\t', '\f', 0x0B -> advance();
                case '-' -> {
                    advance();
                    if (current != '-') {
                        return Token.MINUS;
                    }
                    advance();
                    skipComment();
                }
                case '[' -> {
                    buf.setLength(0);
                    int sep = skipSeparator();
                    if (sep >= 2) {
                        readLongString(sep, true);
                        return Token.STRING;
                    }
                    if (sep == 0) {
                        throw lexError("invalid long string delimiter", false);
                    }
                    return Token.LBRACKET;
                }
                case '=' -> {
                    advance();
                    return checkNext('=') ? Token.EQ : Token.ASSIGN;
                }
                case '<' -> {
                    advance();
                    return checkNext('=') ? Token.LE : checkNext('<') ? Token.SHL : Token.LT;
                }
                case '>' -> {
                    advance();
                    return checkNext('=') ? Token.GE : checkNext('>') ? Token.SHR : Token.GT;
                }
                case '/' -> {
                    advance();
                    return checkNext('/') ? Token.IDIV : Token.SLASH;
                }
                case '~' -> {
                    advance();
                    return checkNext('=') ? Token.NE : Token.TILDE;
                }
                case ':' -> {
                    advance();
                    return checkNext(':') ? Token.DBCOLON : Token.COLON;
                }
                case '"', '\'' -> {
                    return readString(current);
                }
                case '.' -> {
                    int start = mark();
                    advance();
                    if (checkNext('.')) {
                        return checkNext('.') ? Token.DOTS : Token.CONCAT;
                    }
                    return isDigit(current) ? readNumeral(start) : Token.DOT;
                }
                case EOZ -> {
                    return Token.EOS;
                }
                default -> {
                    if (isDigit(current)) {
                        return readNumeral(mark());
                    }
                    if (isAlpha(current)) {
                        return readName();
                    }
                    return singleChar();
                }
            }
        }
    }

    private Token singleChar() {
        int c = current;
        advance();
        return switch (c) {
            case '+' -> Token.PLUS;
            case '*' -> Token.STAR;
            case '%' -> Token.PERCENT;
            case '^' -> Token.CARET;
            case '#' -> Token.HASH;
            case '&' -> Token.AMP;
            case '|' -> Token.PIPE;
            case '(' -> Token.LPAREN;
            case ')' -> Token.RPAREN;
            case '{' -> Token.LBRACE;
            case '}' -> Token.RBRACE;
            case ']' -> Token.RBRACKET;
            case ';' -> Token.SEMICOLON;
            case ',' -> Token.COMMA;
            default -> {
                otherChar = c;
                yield Token.OTHER;
            }
        };
    }

    /** After "--": a long comment, or the rest of the line. */
    private void skipComment() {
        if (current == '[') {
            buf.setLength(0);
            int sep = skipSeparator();
            if (sep >= 2) {
                readLongString(sep, false);
                return;
            }
        }
        while (!isNewline(current) && current != EOZ) {
            advance();
        }
    }

    private Token readName() {
        int start = mark();
        do {
            advance();
        } while (isAlnum(current));
        String name = src.substring(start, mark());
        Token reserved = RESERVED.get(name);
        if (reserved != null) {
            return reserved;
        }
        text = name;
        stringValue = name;
        return Token.NAME;
    }

    /** Reads a numeral the way Lua does: digits, dots and exponents, then lets the converter judge. */
    private Token readNumeral(int start) {
        char e1 = 'E';
        char e2 = 'e';
        int first = current;
        advance();
        if (first == '0' && (current == 'x' || current == 'X')) {
            advance();
            e1 = 'P';
            e2 = 'p';
        }
        for (;;) {
            if (current == e1 || current == e2) {
                advance();
                if (current == '+' || current == '-') {
                    advance();
                }
            } else if (hexValue(current) >= 0 || current == '.') {
                advance();
            } else {
                break;
            }
        }
        if (isAlpha(current)) {
            advance();
        }
        text = src.substring(start, mark());
        Object value = LuaNumbers.parse(text);
        if (value == null) {
            buf.setLength(0);
            buf.append(text);
            throw lexError("malformed number", false);
        }
        numberValue = value;
        return value instanceof Long ? Token.INT : Token.FLT;
    }

    /**
     * Reads "[" or "]" followed by '=' signs. Returns the level plus 2 when the opening char is
     * repeated (a well-formed bracket), 1 for a lone bracket, 0 for a bracket with '=' but no match.
     */
    private int skipSeparator() {
        int bracket = current;
        int count = 0;
        saveAndNext();
        while (current == '=') {
            saveAndNext();
            count++;
        }
        return current == bracket ? count + 2 : count == 0 ? 1 : 0;
    }

    private void readLongString(int sep, boolean isString) {
        int startLine = line;
        saveAndNext();
        if (isNewline(current)) {
            incLineNumber();
        }
        for (;;) {
            switch (current) {
                case EOZ -> throw lexError("unfinished long " + (isString ? "string" : "comment")
                        + " (starting at line " + startLine + ")", true);
                case ']' -> {
                    if (skipSeparator() == sep) {
                        saveAndNext();
                        if (isString) {
                            text = buf.toString();
                            stringValue = text.substring(sep, text.length() - sep);
                        }
                        return;
                    }
                }
                case '\n', '\r' -> {
                    buf.append('\n');
                    incLineNumber();
                    if (!isString) {
                        buf.setLength(0);
                    }
                }
                default -> {
                    if (isString) {
                        saveAndNext();
                    } else {
                        advance();
                    }
                }
            }
        }
    }

    private Token readString(int delimiter) {
        buf.setLength(0);
        saveAndNext();
        while (current != delimiter) {
            switch (current) {
                case EOZ -> throw lexError("unfinished string", true);
                case '\n', '\r' -> throw lexError("unfinished string", false);
                case '\\' -> readEscape();
                default -> saveAndNext();
            }
        }
        saveAndNext();
        text = buf.toString();
        stringValue = text.substring(1, text.length() - 1);
        return Token.STRING;
    }

    /**
     * Reads one escape sequence. The backslash and the chars of the escape stay in the buffer until
     * the escape is complete, so an error message shows them.
     */
    private void readEscape() {
        saveAndNext();
        int c;
        switch (current) {
            case 'a' -> c = 0x07;
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'v' -> c = 0x0B;
            case '\\', '"', '\'' -> c = current;
            case 'x' -> {
                int high = savedHexDigit();
                c = (high << 4) + savedHexDigit();
                buf.setLength(buf.length() - 2);
            }
            case 'u' -> {
                readUtf8Escape();
                return;
            }
            case '\n', '\r' -> {
                incLineNumber();
                replaceEscape('\n');
                return;
            }
            case 'z' -> {
                buf.setLength(buf.length() - 1);
                advance();
                while (isSpace(current)) {
                    if (isNewline(current)) {
                        incLineNumber();
                    } else {
                        advance();
                    }
                }
                return;
            }
            case EOZ -> {
                return;
            }
            default -> {
                escapeCheck(isDigit(current), "invalid escape sequence");
                replaceEscape(readDecimalEscape());
                return;
            }
        }
        advance();
        replaceEscape(c);
    }

    /** Replaces the saved backslash with the char it produced. */
    private void replaceEscape(int c) {
        buf.setCharAt(buf.length() - 1, (char) c);
    }

    private void escapeCheck(boolean ok, String msg) {
        if (!ok) {
            if (current != EOZ) {
                saveAndNext();
            }
            throw lexError(msg, false);
        }
    }

    /** Saves the current char, then returns the value of the hex digit that follows it. */
    private int savedHexDigit() {
        saveAndNext();
        int v = hexValue(current);
        escapeCheck(v >= 0, "hexadecimal digit expected");
        return v;
    }

    private int readDecimalEscape() {
        int r = 0;
        int i = 0;
        for (; i < 3 && isDigit(current); i++) {
            r = 10 * r + current - '0';
            saveAndNext();
        }
        escapeCheck(r <= 0xFF, "decimal escape too large");
        buf.setLength(buf.length() - i);
        return r;
    }

    /** Reads {@code \}{@code u{XXX}} and appends the code point in Lua's extended UTF-8 (up to 2^31). */
    private void readUtf8Escape() {
        int start = buf.length() - 1;
        saveAndNext();
        escapeCheck(current == '{', "missing '{'");
        long r = savedHexDigit();
        for (;;) {
            saveAndNext();
            int d = hexValue(current);
            if (d < 0) {
                break;
            }
            escapeCheck(r <= (0x7FFFFFFFL >> 4), "UTF-8 value too large");
            r = (r << 4) + d;
        }
        escapeCheck(current == '}', "missing '}'");
        advance();
        buf.setLength(start);
        appendUtf8(r);
    }

    private void appendUtf8(long x) {
        if (x < 0x80) {
            buf.append((char) x);
            return;
        }
        int n = x < 0x800 ? 2 : x < 0x10000 ? 3 : x < 0x200000 ? 4 : x < 0x4000000 ? 5 : 6;
        int firstBytePrefix = (0xFF << (8 - n)) & 0xFF;
        buf.append((char) (firstBytePrefix | (x >>> (6 * (n - 1)))));
        for (int shift = 6 * (n - 2); shift >= 0; shift -= 6) {
            buf.append((char) (0x80 | ((x >>> shift) & 0x3F)));
        }
    }
}
