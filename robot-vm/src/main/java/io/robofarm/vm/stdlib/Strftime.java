package io.robofarm.vm.stdlib;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * C's {@code strftime} in the "C" locale, as {@code os.date} uses it: the conversions C99 defines
 * (including the E and O modifiers, which change nothing in that locale), with lua5.4's check of
 * which conversions are valid.
 */
final class Strftime {
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String SINGLE = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
    private static final String AFTER_E = "cCxXyY";
    private static final String AFTER_O = "deHImMSuUVwWy";
    /** The zone's abbreviation at that instant (EST or EDT), as the C library's tm_zone gives it. */
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private Strftime() {
    }

    /**
     * Length of the conversion starting at {@code format[i]} (just after a '%'): 1 or 2 characters,
     * or 0 if lua5.4 would reject it.
     */
    static int conversionLength(String format, int i) {
        if (i >= format.length()) {
            return 0;
        }
        char c = format.charAt(i);
        if (SINGLE.indexOf(c) >= 0) {
            return 1;
        }
        if (i + 1 < format.length()) {
            char d = format.charAt(i + 1);
            if (c == 'E' && AFTER_E.indexOf(d) >= 0 || c == 'O' && AFTER_O.indexOf(d) >= 0) {
                return 2;
            }
        }
        return 0;
    }

    /** Appends one conversion ({@code spec} is its last character, modifiers removed). */
    static void append(StringBuilder out, char spec, ZonedDateTime t, boolean utc) {
        int wday = t.getDayOfWeek().getValue() % 7;
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        switch (spec) {
            case 'a' -> out.append(DAYS[wday], 0, 3);
            case 'A' -> out.append(DAYS[wday]);
            case 'b', 'h' -> out.append(MONTHS[t.getMonthValue() - 1], 0, 3);
            case 'B' -> out.append(MONTHS[t.getMonthValue() - 1]);
            case 'c' -> appendAll(out, "a b e T Y", t, utc);
            case 'C' -> pad(out, Math.floorDiv(t.getYear(), 100), 2, '0');
            case 'd' -> pad(out, t.getDayOfMonth(), 2, '0');
            case 'D', 'x' -> appendAll(out, "m/d/y", t, utc);
            case 'e' -> pad(out, t.getDayOfMonth(), 2, ' ');
            case 'F' -> appendAll(out, "Y-m-d", t, utc);
            case 'g' -> pad(out, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0');
            case 'G' -> out.append(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> pad(out, t.getHour(), 2, '0');
            case 'I' -> pad(out, hour12, 2, '0');
            case 'j' -> pad(out, t.getDayOfYear(), 3, '0');
            case 'm' -> pad(out, t.getMonthValue(), 2, '0');
            case 'M' -> pad(out, t.getMinute(), 2, '0');
            case 'n' -> out.append('\n');
            case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
            case 'r' -> appendAll(out, "I:M:S p", t, utc);
            case 'R' -> appendAll(out, "H:M", t, utc);
            case 'S' -> pad(out, t.getSecond(), 2, '0');
            case 't' -> out.append('\t');
            case 'T', 'X' -> appendAll(out, "H:M:S", t, utc);
            case 'u' -> out.append(wday == 0 ? 7 : wday);
            case 'U' -> pad(out, (t.getDayOfYear() - 1 + 7 - wday) / 7, 2, '0');
            case 'V' -> pad(out, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
            case 'w' -> out.append(wday);
            case 'W' -> pad(out, (t.getDayOfYear() - 1 + 7 - (wday + 6) % 7) / 7, 2, '0');
            case 'y' -> pad(out, Math.floorMod(t.getYear(), 100), 2, '0');
            case 'Y' -> out.append(t.getYear());
            case 'z' -> appendOffset(out, t.getOffset().getTotalSeconds());
            case 'Z' -> out.append(utc ? "GMT" : ZONE_ABBREVIATION.format(t));
            case '%' -> out.append('%');
            default -> throw new IllegalArgumentException("unchecked conversion " + spec);
        }
    }

    /**
     * A composite conversion by its definition: each letter of {@code conversions} is a
     * conversion, every other character is copied.
     */
    private static void appendAll(StringBuilder out, String conversions, ZonedDateTime t, boolean utc) {
        for (int i = 0; i < conversions.length(); i++) {
            char c = conversions.charAt(i);
            if (Character.isLetter(c)) {
                append(out, c, t, utc);
            } else {
                out.append(c);
            }
        }
    }

    private static void appendOffset(StringBuilder out, int seconds) {
        out.append(seconds < 0 ? '-' : '+');
        int minutes = Math.abs(seconds) / 60;
        pad(out, minutes / 60, 2, '0');
        pad(out, minutes % 60, 2, '0');
    }

    private static void pad(StringBuilder out, int value, int width, char fill) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append(fill);
        }
        out.append(digits);
    }
}
