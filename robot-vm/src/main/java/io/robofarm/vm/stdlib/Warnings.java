package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaState;

/**
 * The base function {@code warn}: messages go to standard error as "Lua warning: ..." once a script
 * has turned warnings on with {@code warn("@on")}; like the standalone lua5.4 they start off. The
 * on/off switch is per VM, kept in its registry.
 */
final class Warnings {
    /** Registry key of the switch: {@link Boolean#TRUE} while warnings are on. */
    private static final String ENABLED_KEY = "_WARN";

    private Warnings() {
    }

    static int warn(LuaState L) {
        int n = L.getTop();
        L.checkString(1);
        long length = 0;
        for (int i = 1; i <= n; i++) {
            length += L.checkString(i).length();
        }
        // The message, then the line around it and its bytes; nothing else is allocated meanwhile.
        L.allocate(3 * length);
        StringBuilder message = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            message.append(L.checkString(i));
        }
        if (n == 1 && message.length() > 0 && message.charAt(0) == '@') {
            control(L, message.toString());
        } else if (L.vm().registry().get(ENABLED_KEY) == Boolean.TRUE) {
            LuaStreams.write(L, System.err, "Lua warning: " + message + "\n");
            System.err.flush();
        }
        return 0;
    }

    /** Control messages: "@on" and "@off" switch warnings; other ones are ignored, as Lua does. */
    private static void control(LuaState L, String message) {
        if (message.equals("@on")) {
            L.vm().registry().put(ENABLED_KEY, Boolean.TRUE);
        } else if (message.equals("@off")) {
            L.vm().registry().put(ENABLED_KEY, null);
        }
    }
}
