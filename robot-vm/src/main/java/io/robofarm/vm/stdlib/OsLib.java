package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.LuaType;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The {@code os} library: time and dates (in the host's time zone, as lua5.4 uses the C library's),
 * environment, exit, and file removal and renaming relative to the VM's working directory.
 */
public final class OsLib {
    /** Most chars of {@code os.date} output per char of its format (a two-char conversion gives at most 26). */
    private static final long MAX_EXPANSION = 13;

    /** Registry key of the {@link System#nanoTime()} from which {@code os.clock} counts. */
    private static final String CLOCK_START_KEY = "_CLOCK";

    private OsLib() {
    }

    /** Installs the {@code os} table into the VM's globals. */
    public static void open(Vm vm) {
        LuaTable os = vm.newTable(0, 16);
        startClock(vm);
        register(os, "os.clock", OsLib::clock);
        register(os, "os.date", OsLib::date);
        register(os, "os.difftime", OsLib::difftime);
        register(os, "os.exit", OsLib::exit);
        register(os, "os.getenv", OsLib::getenv);
        register(os, "os.remove", OsLib::remove);
        register(os, "os.rename", OsLib::rename);
        register(os, "os.setlocale", OsLib::setlocale);
        register(os, "os.time", OsLib::time);
        vm.globals().put("os", os);
    }

    /**
     * The VM always works in the C locale (number formatting, character classes), so only "C",
     * "POSIX" and "" (the environment's locale, which we do not adopt) can be selected, and every
     * query answers "C"; any other name fails with nil, as setlocale does for an unknown locale.
     */
    private static int setlocale(LuaState L) {
        String name = L.optString(1, null);
        String category = L.optString(2, "all");
        switch (category) {
            case "all", "collate", "ctype", "monetary", "numeric", "time" -> {
            }
            default -> throw L.argError(2, "invalid option '" + category + "'");
        }
        if (name == null || name.isEmpty() || name.equals("C") || name.equals("POSIX")) {
            L.pushString("C");
        } else {
            L.pushNil();
        }
        return 1;
    }

    private static int time(LuaState L) {
        if (L.isNoneOrNil(1)) {
            L.pushInteger(Math.floorDiv(System.currentTimeMillis(), 1000));
            return 1;
        }
        Object t = L.arg(1);
        if (!(t instanceof LuaTable)) {
            throw L.typeError(1, "table");
        }
        int year = field(L, t, "year", -1, 1900);
        int month = field(L, t, "month", -1, 1);
        int day = field(L, t, "day", -1, 0);
        int hour = field(L, t, "hour", 12, 0);
        int min = field(L, t, "min", 0, 0);
        int sec = field(L, t, "sec", 0, 0);
        Object isdst = L.index(t, "isdst");
        ZonedDateTime normalized;
        try {
            // mktime's normalization: months carry into years, then the rest is a plain duration.
            LocalDateTime local = LocalDateTime.of(1900, 1, 1, 0, 0)
                    .plusYears(year).plusMonths(month).plusDays(day - 1L)
                    .plusHours(hour).plusMinutes(min).plusSeconds(sec);
            normalized = honourIsdst(local.atZone(ZoneId.systemDefault()), isdst);
        } catch (DateTimeException | ArithmeticException e) {
            throw L.error("time result cannot be represented in this installation");
        }
        setAllFields(L, t, normalized);
        L.pushInteger(normalized.toEpochSecond());
        return 1;
    }

    /**
     * mktime with an explicit tm_isdst: a wall time said to be in daylight saving time when the zone
     * is not (or the reverse) is read with the other offset, which glibc takes as one hour apart.
     */
    private static ZonedDateTime honourIsdst(ZonedDateTime wallTime, Object isdst) {
        if (isdst == null) {
            return wallTime;
        }
        boolean requested = isdst != Boolean.FALSE;
        boolean actual = wallTime.getZone().getRules().isDaylightSavings(wallTime.toInstant());
        if (requested == actual) {
            return wallTime;
        }
        return wallTime.plusSeconds(requested ? -3600 : 3600);
    }

    /** A date field as C's struct tm holds it ({@code delta} subtracted), like lua5.4's getfield. */
    private static int field(LuaState L, Object t, String key, int absent, int delta) {
        Object v = L.index(t, key);
        Object n = v instanceof String s ? LuaNumbers.parse(s) : v;
        if (n instanceof Double d && LuaNumbers.fitsInteger(d)) {
            n = (long) (double) d;
        }
        if (!(n instanceof Long)) {
            if (v != null) {
                throw L.error("field '" + key + "' is not an integer");
            }
            if (absent < 0) {
                throw L.error("field '" + key + "' missing in date table");
            }
            return absent;
        }
        long res = (Long) n;
        if (!(res >= 0 ? res - delta <= Integer.MAX_VALUE : Integer.MIN_VALUE + delta <= res)) {
            throw L.error("field '" + key + "' is out-of-bound");
        }
        return (int) (res - delta);
    }

    private static void setAllFields(LuaState L, Object t, ZonedDateTime d) {
        L.setIndex(t, "year", (long) d.getYear());
        L.setIndex(t, "month", (long) d.getMonthValue());
        L.setIndex(t, "day", (long) d.getDayOfMonth());
        L.setIndex(t, "hour", (long) d.getHour());
        L.setIndex(t, "min", (long) d.getMinute());
        L.setIndex(t, "sec", (long) d.getSecond());
        L.setIndex(t, "yday", (long) d.getDayOfYear());
        L.setIndex(t, "wday", (long) (d.getDayOfWeek().getValue() % 7 + 1));
        L.setIndex(t, "isdst", d.getZone().getRules().isDaylightSavings(d.toInstant()));
    }

    private static int date(LuaState L) {
        String format = L.optString(1, "%c");
        long seconds = L.isNoneOrNil(2) ? Math.floorDiv(System.currentTimeMillis(), 1000) : L.checkInteger(2);
        boolean utc = format.startsWith("!");
        ZonedDateTime d;
        try {
            d = Instant.ofEpochSecond(seconds).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        } catch (DateTimeException e) {
            throw L.error("date result cannot be represented in this installation");
        }
        int i = utc ? 1 : 0;
        if (format.startsWith("*t", i) && format.length() == i + 2) {
            LuaTable t = L.newTable(0, 9);
            setAllFields(L, t, d);
            L.push(t);
            return 1;
        }
        // A conversion of two or more chars expands to at most 26 (%c); nothing else is allocated meanwhile.
        L.allocate(MAX_EXPANSION * (format.length() - i));
        L.checkInterrupt(format.length() - i);
        StringBuilder out = new StringBuilder();
        for (; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int length = Strftime.conversionLength(format, i + 1);
            if (length == 0) {
                throw L.argError(1, "invalid conversion specifier '" + format.substring(i) + "'");
            }
            i += length;
            Strftime.append(out, format.charAt(i), d, utc);
        }
        L.pushString(out.toString());
        return 1;
    }

    /**
     * Starts {@code vm}'s {@code os.clock} at zero now. lua5.4's clock counts the processor time of
     * the process; a VM's counts the seconds since its libraries were opened.
     */
    static void startClock(Vm vm) {
        vm.registry().put(CLOCK_START_KEY, System.nanoTime());
    }

    private static int clock(LuaState L) {
        long start = (Long) L.vm().registry().get(CLOCK_START_KEY);
        L.pushNumber((System.nanoTime() - start) / 1e9);
        return 1;
    }

    private static int difftime(LuaState L) {
        long t1 = L.checkInteger(1);
        long t2 = L.checkInteger(2);
        L.pushNumber((double) t1 - (double) t2);
        return 1;
    }

    private static int exit(LuaState L) {
        int status;
        if (L.type(1) == LuaType.BOOLEAN) {
            status = L.toBoolean(1) ? 0 : 1;
        } else {
            status = (int) L.optInteger(1, 0);
        }
        throw new ScriptExit(status);
    }

    private static int getenv(LuaState L) {
        L.push(System.getenv(L.checkString(1)));
        return 1;
    }

    private static int remove(LuaState L) {
        String name = L.checkString(1);
        try {
            Files.delete(L.vm().resolvePath(name));
        } catch (IOException e) {
            return failure(L, name + ": ", e);
        }
        L.pushBoolean(true);
        return 1;
    }

    private static int rename(LuaState L) {
        String from = L.checkString(1);
        String to = L.checkString(2);
        try {
            Files.move(L.vm().resolvePath(from), L.vm().resolvePath(to), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return failure(L, "", e);
        }
        L.pushBoolean(true);
        return 1;
    }

    /** lua5.4's luaL_fileresult for a failure: nil, message, errno. */
    private static int failure(LuaState L, String prefix, IOException e) {
        String message;
        long errno;
        if (e instanceof NoSuchFileException) {
            message = "No such file or directory";
            errno = 2;
        } else if (e instanceof DirectoryNotEmptyException) {
            message = "Directory not empty";
            errno = 39;
        } else if (e instanceof AccessDeniedException) {
            message = "Permission denied";
            errno = 13;
        } else {
            message = "Input/output error";
            errno = 5;
        }
        L.pushNil();
        L.pushString(prefix + message);
        L.pushInteger(errno);
        return 3;
    }
}
