package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.ControlFunctions;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

/**
 * The error functions of the base library: {@code error}, and {@code pcall}/{@code xpcall}, which
 * the interpreter runs as heap frames so that a coroutine can yield inside a protected call.
 */
public final class ErrorFunctions {
    private ErrorFunctions() {
    }

    /** Installs error, pcall and xpcall into the globals. */
    public static void open(Vm vm) {
        LuaTable g = vm.globals();
        g.put("error", JavaFunction.of("error", ErrorFunctions::error));
        g.put("pcall", ControlFunctions.pcall());
        g.put("xpcall", ControlFunctions.xpcall());
    }

    /** error(message [, level]): a string message gets the position of the function at {@code level}. */
    private static int error(LuaState L) {
        Object value = L.arg(1);
        long level = L.optInteger(2, 1);
        if (value instanceof String s && level > 0) {
            value = L.where((int) Math.min(level, Integer.MAX_VALUE)) + s;
        }
        throw new LuaError(value);
    }
}
