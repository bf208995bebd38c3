package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.JavaFunction;
import io.robofarm.vm.interp.LuaFunction;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.parse.LuaSyntaxError;
import io.robofarm.vm.value.LuaTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code require} and the {@code package} table as lua5.4 presents them (same default paths, same
 * searcher order, same "module 'x' not found:" message), except that modules are only ever loaded
 * from files below the VM's working directory: absolute and parent-relative templates never match,
 * and native libraries are never loaded.
 */
public final class PackageLib {
    /** Registry key of the table of loaded modules, shared by {@code require} and {@code package.loaded}. */
    public static final String LOADED_KEY = "_LOADED";

    private static final String PATH = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
            + "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
            + "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
    private static final String CPATH = "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;"
            + "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
    private static final String[] STANDARD_LIBRARIES = {
        "_G", "package", "coroutine", "table", "io", "os", "string", "math", "utf8", "debug"};

    private PackageLib() {
    }

    /**
     * Installs {@code require} and {@code package}. Open it after the other libraries: the standard
     * libraries present in the globals at this point are recorded in {@code package.loaded}.
     */
    public static void open(Vm vm) {
        LuaTable globals = vm.globals();
        LuaTable pkg = vm.newTable(0, 8);
        LuaTable loaded = loadedTable(vm);
        pkg.put("loaded", loaded);
        pkg.put("preload", vm.newTable(0, 0));
        pkg.put("path", PATH);
        pkg.put("cpath", CPATH);
        pkg.put("config", "/\n;\n?\n!\n-\n");
        LuaTable searchers = vm.newTable(4, 0);
        searchers.put(1L, JavaFunction.of("searcher_preload", L -> searchPreload(L, pkg)));
        searchers.put(2L, JavaFunction.of("searcher_Lua", L -> searchLua(L, pkg)));
        searchers.put(3L, JavaFunction.of("searcher_C", L -> searchNative(L, pkg, L.checkString(1))));
        searchers.put(4L, JavaFunction.of("searcher_Croot", L -> searchNativeRoot(L, pkg)));
        pkg.put("searchers", searchers);
        register(pkg, "package.searchpath", PackageLib::searchpath);
        register(pkg, "package.loadlib", L -> {
            L.pushNil();
            L.pushString("dynamic libraries not enabled; check your Lua installation");
            L.pushString("absent");
            return 3;
        });
        globals.put("package", pkg);
        globals.put("require", JavaFunction.of("require", L -> require(L, pkg, loaded)));
        for (String name : STANDARD_LIBRARIES) {
            Object lib = globals.get(name);
            if (lib != null) {
                loaded.put(name, lib);
            }
        }
    }

    private static LuaTable loadedTable(Vm vm) {
        Object existing = vm.registry().get(LOADED_KEY);
        if (existing instanceof LuaTable t) {
            return t;
        }
        LuaTable loaded = vm.newTable(0, 16);
        vm.registry().put(LOADED_KEY, loaded);
        return loaded;
    }

    private static int require(LuaState L, LuaTable pkg, LuaTable loaded) {
        String name = L.checkString(1);
        Object existing = L.index(loaded, name);
        if (existing != null && !Boolean.FALSE.equals(existing)) {
            L.push(existing);
            return 1;
        }
        Object[] found = findLoader(L, pkg, name);
        Object result = L.call(found[0], name, found[1]);
        if (result != null) {
            L.setIndex(loaded, name, result);
        }
        Object module = L.index(loaded, name);
        if (module == null) {
            module = Boolean.TRUE;
            L.setIndex(loaded, name, module);
        }
        L.push(module);
        L.push(found[1]);
        return 2;
    }

    /** Asks each searcher in turn; returns the loader and its data, or fails listing every attempt. */
    private static Object[] findLoader(LuaState L, LuaTable pkg, String name) {
        if (!(L.index(pkg, "searchers") instanceof LuaTable searchers)) {
            throw L.error("'package.searchers' must be a table");
        }
        StringBuilder attempts = new StringBuilder();
        for (long i = 1; ; i++) {
            Object searcher = searchers.get(i);
            if (searcher == null) {
                throw L.error("module '" + name + "' not found:" + attempts);
            }
            Object[] r = L.callMulti(searcher, name);
            Object loader = r.length > 0 ? r[0] : null;
            if (loader instanceof LuaFunction) {
                return new Object[] {loader, r.length > 1 ? r[1] : null};
            }
            if (loader instanceof String || loader instanceof Long || loader instanceof Double) {
                attempts.append("\n\t").append(L.toDisplayString(loader));
            }
        }
    }

    private static int searchPreload(LuaState L, LuaTable pkg) {
        String name = L.checkString(1);
        if (!(L.index(pkg, "preload") instanceof LuaTable preload)) {
            throw L.error("'package.preload' must be a table");
        }
        Object loader = L.index(preload, name);
        if (loader == null) {
            L.pushString("no field package.preload['" + name + "']");
            return 1;
        }
        L.push(loader);
        L.pushString(":preload:");
        return 2;
    }

    private static int searchLua(LuaState L, LuaTable pkg) {
        String name = L.checkString(1);
        String path = stringField(L, pkg, "path");
        String file = findFile(L, name, path);
        if (file == null) {
            L.pushString(notFound(name, path));
            return 1;
        }
        L.push(loadFile(L, name, file));
        L.pushString(file);
        return 2;
    }

    /** {@code package[field]}, which must be a string (or a number, which Lua converts). */
    private static String stringField(LuaState L, LuaTable pkg, String field) {
        Object v = L.index(pkg, field);
        if (v instanceof String || v instanceof Long || v instanceof Double) {
            return L.toDisplayString(v);
        }
        throw L.error("'package." + field + "' must be a string");
    }

    private static LuaFunction loadFile(LuaState L, String name, String file) {
        try {
            byte[] bytes = Files.readAllBytes(L.vm().resolvePath(file));
            String source = new String(bytes, StandardCharsets.ISO_8859_1);
            if (source.startsWith("#")) {
                int eol = source.indexOf('\n');
                source = eol < 0 ? "" : source.substring(eol);
            }
            return L.vm().load(source, "@" + file, L.vm().globals());
        } catch (IOException | LuaSyntaxError e) {
            String reason = e instanceof LuaSyntaxError ? e.getMessage() : "cannot read " + file;
            throw L.error("error loading module '" + name + "' from file '" + file + "':\n\t" + reason);
        }
    }

    /** Native modules are never loaded; the searcher only reports the files lua5.4 would have tried. */
    private static int searchNative(LuaState L, LuaTable pkg, String name) {
        String cpath = stringField(L, pkg, "cpath");
        L.pushString(notFound(name, cpath));
        return 1;
    }

    private static int searchNativeRoot(LuaState L, LuaTable pkg) {
        String name = L.checkString(1);
        int dot = name.indexOf('.');
        return dot < 0 ? 0 : searchNative(L, pkg, name.substring(0, dot));
    }

    private static int searchpath(LuaState L) {
        String name = L.checkString(1);
        String path = L.checkString(2);
        String sep = L.optString(3, ".");
        String rep = L.optString(4, "/");
        String fileName = sep.isEmpty() ? name : name.replace(sep, rep);
        String file = findFileNamed(L, fileName, path);
        if (file != null) {
            L.pushString(file);
            return 1;
        }
        L.pushNil();
        L.pushString(notFoundNamed(fileName, path));
        return 2;
    }

    private static String findFile(LuaState L, String name, String path) {
        return findFileNamed(L, name.replace(".", "/"), path);
    }

    private static String findFileNamed(LuaState L, String fileName, String path) {
        for (String template : path.split(";", -1)) {
            String candidate = template.replace("?", fileName);
            if (readable(L, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Only files inside the working directory are visible to scripts. */
    private static boolean readable(LuaState L, String file) {
        if (file.isEmpty() || file.startsWith("/")) {
            return false;
        }
        Path root = L.vm().workingDirectory();
        Path resolved = L.vm().resolvePath(file).normalize();
        return resolved.startsWith(root) && Files.isRegularFile(resolved) && Files.isReadable(resolved);
    }

    private static String notFound(String name, String path) {
        return notFoundNamed(name.replace(".", "/"), path);
    }

    private static String notFoundNamed(String fileName, String path) {
        return "no file '" + path.replace("?", fileName).replace(";", "'\n\tno file '") + "'";
    }
}
