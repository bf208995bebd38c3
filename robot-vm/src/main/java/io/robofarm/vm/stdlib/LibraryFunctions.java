package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.JavaBody;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.value.LuaTable;

/**
 * Fills library tables: a function goes in under its short name ("time") and is named in error
 * messages and tracebacks by the name given here ("os.time"), as lua5.4 names it.
 */
final class LibraryFunctions {
    private LibraryFunctions() {
    }

    static void register(LuaTable lib, String qualifiedName, JavaBody body) {
        lib.put(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1), JavaFunction.of(qualifiedName, body));
    }
}
