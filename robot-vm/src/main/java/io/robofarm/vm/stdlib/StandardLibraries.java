package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.Vm;

/** Opens the whole standard library into a VM, in the order lua5.4's linit.c opens it. */
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
}
