package io.robofarm.vm.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunkNamesTest {

    @Test
    void fileAndLiteralNamesDropTheirMarker() {
        assertEquals("file.lua", ChunkNames.shortName("@file.lua"));
        assertEquals("stdin", ChunkNames.shortName("=stdin"));
    }

    @Test
    void longFileNamesKeepTheirEnd() {
        String name = "@" + "d/".repeat(40) + "script.lua";
        String shortName = ChunkNames.shortName(name);
        assertEquals(59, shortName.length());
        assertEquals("...", shortName.substring(0, 3));
        assertEquals(name.substring(name.length() - 56), shortName.substring(3));
    }

    @Test
    void longLiteralNamesAreCut() {
        assertEquals("x".repeat(59), ChunkNames.shortName("=" + "x".repeat(80)));
    }

    @Test
    void sourceStringsShowTheirFirstLine() {
        assertEquals("[string \"return 1\"]", ChunkNames.shortName("return 1"));
        assertEquals("[string \"x = 1...\"]", ChunkNames.shortName("x = 1\nreturn x"));
        String longLine = "y".repeat(50);
        assertEquals("[string \"" + "y".repeat(45) + "...\"]", ChunkNames.shortName(longLine));
    }
}
