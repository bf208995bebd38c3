package io.robofarm.vm.lex;

/**
 * The kinds of Lua tokens. The text of a fixed token is what Lua quotes in "near ..." messages;
 * tokens that carry a value (names, strings, numerals) and the end of the stream print their
 * placeholder text unquoted when named in an "expected" message.
 */
public enum Token {
    AND("and"), BREAK("break"), DO("do"), ELSE("else"), ELSEIF("elseif"), END("end"),
    FALSE("false"), FOR("for"), FUNCTION("function"), GOTO("goto"), IF("if"), IN("in"),
    LOCAL("local"), NIL("nil"), NOT("not"), OR("or"), REPEAT("repeat"), RETURN("return"),
    THEN("then"), TRUE("true"), UNTIL("until"), WHILE("while"),

    IDIV("//"), CONCAT(".."), DOTS("..."), EQ("=="), GE(">="), LE("<="), NE("~="),
    SHL("<<"), SHR(">>"), DBCOLON("::"),

    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), CARET("^"), HASH("#"),
    AMP("&"), TILDE("~"), PIPE("|"), LT("<"), GT(">"), ASSIGN("="),
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"),
    SEMICOLON(";"), COLON(":"), COMMA(","), DOT("."),
    /** Any other single character; the lexer keeps which one. */
    OTHER(null),

    EOS("<eof>"), FLT("<number>"), INT("<integer>"), NAME("<name>"), STRING("<string>");

    /** Source text of a fixed token, or the placeholder of a valued token. */
    public final String text;

    Token(String text) {
        this.text = text;
    }

    /** True for reserved words, which cannot be used as names. */
    public boolean isReserved() {
        return ordinal() <= WHILE.ordinal();
    }

    /** How an "expected" message names this token: quoted when its text is fixed. */
    public String describe() {
        return ordinal() < EOS.ordinal() ? "'" + text + "'" : text;
    }
}
