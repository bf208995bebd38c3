package io.robofarm.vm.host;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Robot stdout arrives at the host as whole lines. */
class LineOutputTest {
    private final List<String> lines = new ArrayList<>();
    private final LineOutput out = new LineOutput((level, line) -> lines.add(level + " " + line), OutputLevel.PRINT);

    @Test
    void cutsAtLineEndsAndDecodesUtf8() {
        out.write("one\ntw".getBytes(StandardCharsets.UTF_8), 0, 6);
        out.write("o\nthré\n".getBytes(StandardCharsets.UTF_8), 0, 8);
        assertEquals(List.of("PRINT one", "PRINT two", "PRINT thré"), lines);
    }

    @Test
    void flushPassesOnAnUnfinishedLineAndLongLinesComeInPieces() {
        byte[] longLine = "x".repeat(LineOutput.MAX_LINE + 10).getBytes(StandardCharsets.UTF_8);
        out.write(longLine, 0, longLine.length);
        out.flush();
        out.flush();
        assertEquals(List.of("PRINT " + "x".repeat(LineOutput.MAX_LINE), "PRINT " + "x".repeat(10)), lines);
    }
}
