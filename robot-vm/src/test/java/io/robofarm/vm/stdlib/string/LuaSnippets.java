package io.robofarm.vm.stdlib.string;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.stdlib.StandardLibraries;

import java.util.ArrayList;
import java.util.List;

/** Runs a Lua chunk in a fresh VM with the standard libraries, for the string library's tests. */
final class LuaSnippets {
    private LuaSnippets() {
    }

    /** The chunk's results, each as {@code tostring} would show it, joined by tabs like print. */
    static String eval(String chunk) {
        Vm vm = new Vm();
        StandardLibraries.openAll(vm);
        Object[] results = vm.call(vm.load(chunk, "=test", vm.globals()));
        List<String> texts = new ArrayList<>();
        for (Object r : results) {
            texts.add(vm.mainState().toDisplayString(r));
        }
        return String.join("\t", texts);
    }

    /** The message of the error the chunk raises. */
    static String error(String chunk) {
        return assertThrows(LuaError.class, () -> eval(chunk)).getMessage();
    }
}
