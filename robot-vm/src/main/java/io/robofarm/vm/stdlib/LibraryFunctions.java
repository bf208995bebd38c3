package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.JavaBody;
import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.value.LuaTable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills library tables: a function goes in under its short name ("time") and is named in error
 * messages and tracebacks by the name given here ("os.time"), as lua5.4 names it.
 *
 * <p>A farm opens the libraries into every robot, so the function objects and their short names
 * are shared between VMs wherever that is invisible: a body that captures nothing (a method
 * reference, a stateless lambda) is the same object at every call, and so is then its function.
 * A body that captures per-VM state differs at each call and gets a function of its own.
 */
final class LibraryFunctions {
    /** What the last registration under a qualified name made; {@code body} is null once that name proved per-VM. */
    private record Made(JavaBody body, String shortName, JavaFunction function) {
    }

    private static final Map<String, Made> MADE = new ConcurrentHashMap<>();

    private LibraryFunctions() {
    }

    static void register(LuaTable lib, String qualifiedName, JavaBody body) {
        Made made = MADE.get(qualifiedName);
        if (made != null && made.body() == body) {
            lib.put(made.shortName(), made.function());
            return;
        }
        String shortName = made != null ? made.shortName() : qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        JavaFunction function = JavaFunction.of(qualifiedName, body);
        if (made == null) {
            MADE.putIfAbsent(qualifiedName, new Made(body, shortName, function));
        } else if (made.body() != null) {
            MADE.put(qualifiedName, new Made(null, shortName, null));
        }
        lib.put(shortName, function);
    }
}
