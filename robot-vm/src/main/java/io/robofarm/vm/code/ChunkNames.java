package io.robofarm.vm.code;

/**
 * Turns a chunk name into the short form Lua prints in messages ({@code luaO_chunkid}):
 * "@file.lua" gives "file.lua", "=stdin" gives "stdin", and source text given to {@code load}
 * gives {@code [string "first line..."]}. Long names are cut as Lua cuts them (60 chars in all).
 */
public final class ChunkNames {
    private static final int ID_SIZE = 60;
    private static final String ELLIPSIS = "...";
    private static final String PREFIX = "[string \"";
    private static final String SUFFIX = "\"]";

    private ChunkNames() {
    }

    /** The short name of a chunk, as it appears before ":line:" in messages. */
    public static String shortName(String chunkName) {
        int len = chunkName.length();
        if (chunkName.startsWith("=")) {
            return chunkName.substring(1, Math.min(len, ID_SIZE));
        }
        if (chunkName.startsWith("@")) {
            if (len <= ID_SIZE) {
                return chunkName.substring(1);
            }
            int keep = ID_SIZE - ELLIPSIS.length() - 1;
            return ELLIPSIS + chunkName.substring(len - keep);
        }
        int room = ID_SIZE - PREFIX.length() - ELLIPSIS.length() - SUFFIX.length() - 1;
        int newline = chunkName.indexOf('\n');
        if (len < room && newline < 0) {
            return PREFIX + chunkName + SUFFIX;
        }
        int end = newline >= 0 ? newline : len;
        return PREFIX + chunkName.substring(0, Math.min(end, room)) + ELLIPSIS + SUFFIX;
    }
}
