package io.robofarm.vm.stdlib.string;

/**
 * One parsed C conversion specification ({@code %-+ #0}, width, {@code .precision}, conversion), as
 * {@code string.format} hands it to {@link NumberConversions}. Mutable so that one instance serves a
 * whole format string without allocating per item.
 */
final class FormatSpec {
    boolean leftAlign;
    boolean plusSign;
    boolean spaceSign;
    boolean alternate;
    boolean zeroPad;
    /** Minimum field width, 0 when absent. */
    int width;
    /** Precision, -1 when absent. */
    int precision;
    char conversion;

    /** A spec with no flags, width or precision. */
    public FormatSpec(char conversion) {
        this.conversion = conversion;
        this.precision = -1;
    }

    /**
     * Reads flags, width and precision from {@code text[start, end)} (the part between '%' and the
     * conversion letter, already validated by the caller) and sets the conversion.
     */
    public FormatSpec set(String text, int start, int end, char conversion) {
        leftAlign = plusSign = spaceSign = alternate = zeroPad = false;
        width = 0;
        precision = -1;
        this.conversion = conversion;
        int i = start;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c == '-') {
                leftAlign = true;
            } else if (c == '+') {
                plusSign = true;
            } else if (c == ' ') {
                spaceSign = true;
            } else if (c == '#') {
                alternate = true;
            } else if (c == '0') {
                zeroPad = true;
            } else {
                break;
            }
        }
        while (i < end && CType.isDigit(text.charAt(i))) {
            width = width * 10 + text.charAt(i++) - '0';
        }
        if (i < end && text.charAt(i) == '.') {
            i++;
            precision = 0;
            while (i < end && CType.isDigit(text.charAt(i))) {
                precision = precision * 10 + text.charAt(i++) - '0';
            }
        }
        return this;
    }

    /** True when the spec is just the conversion letter, so the plain fast paths apply. */
    boolean isPlain() {
        return !(leftAlign || plusSign || spaceSign || alternate || zeroPad) && width == 0 && precision < 0;
    }
}
