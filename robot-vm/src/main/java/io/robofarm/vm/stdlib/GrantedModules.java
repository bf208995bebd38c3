package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

/**
 * {@code require} for sandboxed robots: it finds only the modules the host has granted to this VM
 * and never searches files, so a script cannot reach a library (os, io, debug...) it was not given.
 */
public final class GrantedModules {
    /** Registry key of the table of granted modules, name to module value. */
    private static final String GRANTED_KEY = "_GRANTED";
    /** The one require of every sandboxed VM: it looks the module up in the calling VM's registry. */
    private static final JavaFunction REQUIRE = JavaFunction.of("require", GrantedModules::require);

    private GrantedModules() {
    }

    /** Installs the sandboxed {@code require}; no module is granted yet. */
    public static void open(Vm vm) {
        LuaTable granted = vm.newTable(0, 4);
        vm.registry().put(GRANTED_KEY, granted);
        vm.globals().put("require", REQUIRE);
    }

    /** Makes {@code module} what {@code require(name)} returns in {@code vm}. */
    public static void grant(Vm vm, String name, Object module) {
        if (!(vm.registry().get(GRANTED_KEY) instanceof LuaTable granted)) {
            throw new IllegalStateException("the VM has no sandboxed require");
        }
        granted.put(name, module);
    }

    private static int require(LuaState L) {
        String name = L.checkString(1);
        Object module = ((LuaTable) L.vm().registry().get(GRANTED_KEY)).get(name);
        if (module == null) {
            throw L.error("module '" + name + "' not found: not granted to this sandbox");
        }
        L.push(module);
        return 1;
    }
}
