package io.robofarm.vm.host;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.stdlib.string.StringFormat;
import io.robofarm.vm.value.ByteStrings;

/**
 * The {@code log} module: {@code log.info(...)}, {@code log.warn(...)}, {@code log.error(...)} send
 * one line at that level to the robot's {@link HostContext}. With one argument the line is that
 * value as {@code tostring} writes it; with more, the first is a {@code string.format} format for
 * the others. Line ends inside the text are kept: a log entry is one line however long.
 */
public final class LogModule {
    /** The name scripts require. */
    public static final String NAME = "log";

    private static final HostModule MODULE = HostModule.named(NAME)
            .function("info", call -> log(call, OutputLevel.INFO))
            .function("warn", call -> log(call, OutputLevel.WARN))
            .function("error", call -> log(call, OutputLevel.ERROR))
            .build();

    private LogModule() {
    }

    /** The module (it has no state of its own: each VM's lines go to that VM's context). */
    public static HostModule module() {
        return MODULE;
    }

    private static Object log(HostCall call, OutputLevel level) {
        LuaState L = call.luaState();
        String text;
        if (L.getTop() <= 1) {
            L.checkAny(1);
            text = L.toDisplayString(L.arg(1));
        } else {
            StringFormat.format(L);
            text = (String) L.arg(L.getTop());
        }
        call.context().output(level, ByteStrings.decode(text));
        return null;
    }
}
