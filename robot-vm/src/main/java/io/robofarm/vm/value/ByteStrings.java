package io.robofarm.vm.value;

import java.nio.charset.StandardCharsets;

/**
 * Crossing between Lua strings, which hold one byte per char (the project's string convention), and
 * Java text: a host sees and gives UTF-8 text, a script sees its bytes.
 */
public final class ByteStrings {
    private ByteStrings() {
    }

    /** The text a Lua string's bytes encode in UTF-8 (malformed bytes become U+FFFD). */
    public static String decode(String luaString) {
        for (int i = 0; i < luaString.length(); i++) {
            if (luaString.charAt(i) >= 0x80) {
                return new String(luaString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return luaString;
    }

    /** The Lua string of the UTF-8 bytes of {@code text}. */
    public static String encode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }
}
