package io.robofarm.vm.host;

import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Lua module implemented by the host, such as {@code log} or {@code time}: a name and its
 * functions, sync or async. It is defined once and instantiated into each VM it is granted to,
 * so every robot gets its own module table (what one robot changes in it, no other sees).
 *
 * <pre>{@code
 * HostModule kv = HostModule.named("kv")
 *         .function("get", call -> store.get(call.checkString(1)))
 *         .asyncFunction("fetch", call -> client.fetch(call.checkString(1)))
 *         .build();
 * }</pre>
 */
public final class HostModule {
    private final String name;
    private final Map<String, Object> functions;

    private HostModule(String name, Map<String, Object> functions) {
        this.name = name;
        this.functions = Map.copyOf(functions);
    }

    /** Starts the definition of module {@code name}, the name scripts {@code require}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The name scripts {@code require}. */
    public String name() {
        return name;
    }

    /** A fresh module table for one VM whose host functions report to {@code context}. */
    LuaTable instantiate(Vm vm, HostContext context) {
        LuaTable table = vm.newTable(0, functions.size());
        functions.forEach((fname, fn) -> {
            String qualified = name + "." + fname;
            table.put(fname, fn instanceof SyncFunction sync
                    ? HostFunctions.sync(qualified, fname, sync, context)
                    : HostFunctions.async(qualified, fname, (AsyncFunction) fn, context));
        });
        return table;
    }

    /** Collects the functions of a module. */
    public static final class Builder {
        private final String name;
        private final Map<String, Object> functions = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = checkName(name);
        }

        /** Adds a function that returns its result directly. */
        public Builder function(String name, SyncFunction fn) {
            return add(name, fn);
        }

        /** Adds a function that returns a future: calling it parks the VM until the future completes. */
        public Builder asyncFunction(String name, AsyncFunction fn) {
            return add(name, fn);
        }

        private Builder add(String fname, Object fn) {
            Objects.requireNonNull(fn, "function");
            if (functions.putIfAbsent(checkName(fname), fn) != null) {
                throw new IllegalArgumentException("module " + name + " already has a function " + fname);
            }
            return this;
        }

        public HostModule build() {
            return new HostModule(name, functions);
        }

        private static String checkName(String name) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a Lua name: " + name);
            }
            return name;
        }
    }
}
