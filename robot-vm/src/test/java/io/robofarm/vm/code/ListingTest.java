package io.robofarm.vm.code;

import io.robofarm.vm.parse.LuaCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compiles the programs under {@code listings/} and compares the disassembly with the expected
 * text, which is the output of {@code luac5.4 -l -l} with memory addresses removed: the compiler
 * emits exactly the code of Lua 5.4.4 for them.
 */
class ListingTest {

    @ParameterizedTest
    @ValueSource(strings = {"mixed", "folding", "control", "functions", "tables", "goto_close"})
    void listingMatchesLuac(String name) throws IOException {
        String source = resource(name + ".lua");
        String expected = resource(name + ".txt");
        Prototype main = LuaCompiler.compile(source, "@" + name + ".lua");
        assertEquals(expected, Listing.of(main));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ListingTest.class.getResourceAsStream("/listings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
