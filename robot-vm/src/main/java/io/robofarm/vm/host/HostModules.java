package io.robofarm.vm.host;

import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.stdlib.GrantedModules;
import io.robofarm.vm.stdlib.PackageLib;
import io.robofarm.vm.value.LuaTable;

import java.util.Collection;

/** Installs host modules into a VM so that its scripts can {@code require} them, and only them. */
public final class HostModules {
    private HostModules() {
    }

    /**
     * Makes each of {@code modules} what {@code require(name)} returns in {@code vm}, with
     * {@code context} for their functions. A sandboxed VM ({@code StandardLibraries.openSandboxed})
     * grants them to its restricted require; a VM with the full library preloads them into
     * {@code package.loaded}.
     */
    public static void install(Vm vm, Collection<HostModule> modules, HostContext context) {
        boolean sandboxed = !(vm.registry().get(PackageLib.LOADED_KEY) instanceof LuaTable);
        for (HostModule module : modules) {
            LuaTable table = module.instantiate(vm, context);
            if (sandboxed) {
                GrantedModules.grant(vm, module.name(), table);
            } else {
                ((LuaTable) vm.registry().get(PackageLib.LOADED_KEY)).put(module.name(), table);
            }
        }
    }
}
