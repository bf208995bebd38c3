package io.robofarm.vm.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Expected texts are what lua5.4's os.date printed with the same TZ setting. */
class StrftimeTest {

    private static String zone(String zone, long epochSecond) {
        StringBuilder out = new StringBuilder();
        Strftime.append(out, 'Z', Instant.ofEpochSecond(epochSecond).atZone(ZoneId.of(zone)), false);
        return out.toString();
    }

    @Test
    void zoneNameIsTheAbbreviationInEffectAtThatInstant() {
        assertEquals("EST", zone("America/New_York", 1700000000L));
        assertEquals("EDT", zone("America/New_York", 1690000000L));
        assertEquals("CEST", zone("Europe/Berlin", 1690000000L));
        assertEquals("BST", zone("Europe/London", 1690000000L));
        assertEquals("IST", zone("Asia/Kolkata", 0L));
        assertEquals("UTC", zone("UTC", 0L));
    }

    @Test
    void universalTimeIsNamedGmt() {
        StringBuilder out = new StringBuilder();
        Strftime.append(out, 'Z', Instant.ofEpochSecond(0).atZone(ZoneId.of("UTC")), true);
        assertEquals("GMT", out.toString());
    }
}
