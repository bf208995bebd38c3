package io.robofarm.vm.golden;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

/**
 * What one run of a script produced. Output is compared as bytes; it is decoded as
 * ISO-8859-1 only so that a failure shows readable text (that decoding is one char per byte).
 */
record ScriptRun(byte[] stdout, byte[] stderr, int status) {

    /** Asserts byte-identical stdout and stderr and the same exit status, reporting all three. */
    void assertSameAs(ScriptRun expected, String what) {
        assertAll(what,
                () -> assertEquals(text(expected.stdout), text(stdout), what + ": stdout"),
                () -> assertEquals(text(expected.stderr), text(stderr), what + ": stderr"),
                () -> assertEquals(expected.status, status, what + ": exit status"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
