package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.value.LuaTable;

import java.util.function.Supplier;

/**
 * Per-VM state of library functions, kept in the VM's registry (as a C library keeps its state
 * there), so that the functions themselves hold nothing and one function object can serve every
 * VM. Scripts cannot reach the registry.
 */
final class VmState {
    private VmState() {
    }

    /** The state stored under {@code key} in the calling VM's registry, made by {@code initial} on first use. */
    static <T> T get(LuaState L, String key, Class<T> type, Supplier<T> initial) {
        LuaTable registry = L.vm().registry();
        Object state = registry.get(key);
        if (state == null) {
            state = initial.get();
            registry.put(key, state);
        }
        return type.cast(state);
    }
}
