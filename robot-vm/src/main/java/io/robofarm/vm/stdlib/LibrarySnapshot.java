package io.robofarm.vm.stdlib;

import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The library tables of one profile, opened once into a template VM and then installed into any
 * number of VMs as copy-on-write copies ({@link LuaTable#copyOnWrite}): a new VM gets its own table
 * objects ({@code _G}, {@code string}, {@code math}, its registry, its string metatable...) over
 * the template's parts, and pays for a part only when it writes to it. So opening the libraries
 * costs a few small objects instead of a hundred inserts, and what one VM changes no other sees.
 *
 * <p>Only tables are copied: every other value (a library function, {@code math.pi}) is shared,
 * so the libraries a snapshot is made of must keep per-VM state in the registry, never in their
 * functions. A template table that holds another one (_G holds {@code string}) gets in each copy
 * the copy of that table, so those copies own their values from the start.
 */
final class LibrarySnapshot {
    private static final int GLOBALS = 0;
    private static final int REGISTRY = 1;

    /** The template's tables: globals, registry, then every table reachable from them and from the string metatable. */
    private final LuaTable[] templates;
    /** Index in {@link #templates} of the string metatable, or -1 when the profile sets none. */
    private final int stringMetatable;
    /** Where a copy must hold another copy: table {@code holders[i]}, under {@code keys[i]}, holds copy {@code held[i]}. */
    private final int[] holders;
    private final Object[] keys;
    private final int[] held;

    private LibrarySnapshot(LuaTable[] templates, int stringMetatable, int[] holders, Object[] keys, int[] held) {
        this.templates = templates;
        this.stringMetatable = stringMetatable;
        this.holders = holders;
        this.keys = keys;
        this.held = held;
    }

    /** Opens the libraries with {@code opener} into a template VM and takes its tables as the snapshot. */
    static LibrarySnapshot of(Consumer<Vm> opener) {
        Vm template = new Vm();
        opener.accept(template);
        Map<LuaTable, Integer> index = new IdentityHashMap<>();
        List<LuaTable> tables = new ArrayList<>();
        for (LuaTable root : new LuaTable[] {template.globals(), template.registry(), template.getStringMetatable()}) {
            if (root != null && !index.containsKey(root)) {
                index.put(root, tables.size());
                tables.add(root);
            }
        }
        List<Integer> holders = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            LuaTable t = tables.get(i);
            for (int slot = t.nextSlot(0); slot >= 0; slot = t.nextSlot(slot + 1)) {
                if (t.valueAt(slot) instanceof LuaTable value) {
                    if (!index.containsKey(value)) {
                        index.put(value, tables.size());
                        tables.add(value);
                    }
                    holders.add(i);
                    keys.add(t.keyAt(slot));
                    held.add(index.get(value));
                }
            }
        }
        for (LuaTable t : tables) {
            t.resize(t.arrayCapacity(), 0);
            t.shareParts();
        }
        LuaTable meta = template.getStringMetatable();
        return new LibrarySnapshot(tables.toArray(new LuaTable[0]), meta == null ? -1 : index.get(meta),
                holders.stream().mapToInt(Integer::intValue).toArray(), keys.toArray(),
                held.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Gives {@code vm}, which must not have opened any library, copies of the snapshot's tables. */
    void install(Vm vm) {
        LuaTable[] copies = new LuaTable[templates.length];
        copies[GLOBALS] = vm.globals();
        copies[REGISTRY] = vm.registry();
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] == null) {
                copies[i] = vm.newTable(0, 0);
            }
            copies[i].copyOnWrite(templates[i]);
        }
        for (int i = 0; i < holders.length; i++) {
            copies[holders[i]].put(keys[i], copies[held[i]]);
        }
        if (stringMetatable >= 0) {
            vm.setStringMetatable(copies[stringMetatable]);
        }
    }
}
