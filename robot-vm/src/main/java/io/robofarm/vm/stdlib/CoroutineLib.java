package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.ControlFunctions;
import io.robofarm.vm.interp.Coroutine;
import io.robofarm.vm.interp.LuaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaTable;

/**
 * The {@code coroutine} library. Coroutines are heap objects run by the interpreter loop itself:
 * resume, yield and the wrap functions are control functions, never Java threads.
 */
public final class CoroutineLib {
    private CoroutineLib() {
    }

    /** Installs the {@code coroutine} table into the globals. */
    public static void open(Vm vm) {
        LuaTable co = vm.newTable(0, 8);
        register(co, "create", CoroutineLib::create);
        co.put("resume", ControlFunctions.resume());
        co.put("yield", ControlFunctions.yield());
        register(co, "status", CoroutineLib::status);
        register(co, "wrap", CoroutineLib::wrap);
        register(co, "isyieldable", CoroutineLib::isYieldable);
        register(co, "running", CoroutineLib::running);
        register(co, "close", CoroutineLib::close);
        vm.globals().put("coroutine", co);
    }

    private static int create(LuaState L) {
        LuaFunction body = L.checkFunction(1);
        L.push(Coroutine.create(L.vm(), body));
        return 1;
    }

    private static int wrap(LuaState L) {
        LuaFunction body = L.checkFunction(1);
        L.push(ControlFunctions.wrap(Coroutine.create(L.vm(), body)));
        return 1;
    }

    private static Coroutine checkCoroutine(LuaState L, int i) {
        if (L.arg(i) instanceof Coroutine co) {
            return co;
        }
        throw L.typeError(i, "thread");
    }

    private static int status(LuaState L) {
        Coroutine co = checkCoroutine(L, 1);
        L.pushString(co == L.coroutine() ? "running" : co.status().luaName());
        return 1;
    }

    private static int isYieldable(LuaState L) {
        if (L.isNone(1)) {
            L.pushBoolean(L.isYieldable());
        } else {
            Coroutine co = checkCoroutine(L, 1);
            L.pushBoolean(co.state().isYieldable());
        }
        return 1;
    }

    private static int running(LuaState L) {
        Coroutine co = L.coroutine();
        L.push(co);
        L.pushBoolean(co.isMain());
        return 2;
    }

    private static int close(LuaState L) {
        Coroutine co = checkCoroutine(L, 1);
        Object[] failure = co.close(L);
        if (failure == null) {
            L.pushBoolean(true);
            return 1;
        }
        L.pushBoolean(false);
        L.push(failure[0]);
        return 2;
    }
}
