package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

/**
 * Opens the standard library into a VM: all of it, in the order lua5.4's linit.c opens it, or the
 * sandbox profile for robots, which keeps only what cannot reach the host.
 */
public final class StandardLibraries {
    private StandardLibraries() {
    }

    /** Installs every standard library into {@code vm}'s globals; package comes last so it records them all. */
    public static void openAll(Vm vm) {
        BaseLib.open(vm);
        ErrorFunctions.open(vm);
        LoadFunctions.open(vm);
        CoroutineLib.open(vm);
        TableLib.open(vm);
        StringLib.open(vm);
        IoLib.open(vm);
        OsLib.open(vm);
        MathLib.open(vm);
        Utf8Lib.open(vm);
        PackageLib.open(vm);
    }

    /**
     * Installs the robot sandbox: the base library without dofile and loadfile (load takes source
     * text only), string without dump, table, math, utf8, coroutine, os with only time, clock, date
     * and difftime, and a require that finds only modules granted by the host
     * ({@link GrantedModules#grant}). No io, debug or package: nothing reaches host files, the
     * environment, processes or Java objects.
     *
     * <p>A farm opens the sandbox into every robot, so its tables are built once and each VM gets
     * copy-on-write copies of them ({@link LibrarySnapshot}): it owns, and is charged for, only the
     * parts it changes. {@code vm} must not have opened any library before.
     */
    public static void openSandboxed(Vm vm) {
        Sandbox.SNAPSHOT.install(vm);
        OsLib.startClock(vm);
    }

    /** The sandbox snapshot, built when the first sandboxed VM is opened. */
    private static final class Sandbox {
        static final LibrarySnapshot SNAPSHOT = LibrarySnapshot.of(Sandbox::open);

        private static void open(Vm vm) {
            BaseLib.open(vm);
            ErrorFunctions.open(vm);
            LoadFunctions.open(vm);
            CoroutineLib.open(vm);
            TableLib.open(vm);
            StringLib.open(vm);
            OsLib.open(vm);
            MathLib.open(vm);
            Utf8Lib.open(vm);
            GrantedModules.open(vm);
            LuaTable g = vm.globals();
            g.put("dofile", null);
            g.put("loadfile", null);
            ((LuaTable) g.get("string")).put("dump", null);
            LuaTable os = (LuaTable) g.get("os");
            LuaTable safeOs = vm.newTable(0, 4);
            for (String name : new String[] {"time", "clock", "date", "difftime"}) {
                safeOs.put(name, os.get(name));
            }
            g.put("os", safeOs);
        }
    }
}
