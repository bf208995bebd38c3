package io.robofarm.vm.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The constant table of one function under construction. Integers and floats never share an
 * entry because {@code Long} and {@code Double} never compare equal.
 *
 * <p>Like Lua, the lookup cache is shared by all functions of a chunk and remembers the index a
 * value got most recently, in whichever function; a hit is used only if that index holds the
 * same value here. So a value may occasionally be stored twice, exactly when {@code luac} does
 * it, which keeps our listings identical to Lua's.
 */
final class ConstantPool {
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> chunkCache;

    ConstantPool(Map<Object, Integer> chunkCache) {
        this.chunkCache = chunkCache;
    }

    /** Index of {@code v} (null, Boolean, Long, Double or String), adding it if needed. */
    int indexOf(Object v) {
        Integer i = chunkCache.get(v);
        if (i != null && i < values.size() && Objects.equals(values.get(i), v)) {
            return i;
        }
        int n = values.size();
        values.add(v);
        chunkCache.put(v, n);
        return n;
    }

    Object get(int i) {
        return values.get(i);
    }

    Object[] toArray() {
        return values.toArray();
    }
}
