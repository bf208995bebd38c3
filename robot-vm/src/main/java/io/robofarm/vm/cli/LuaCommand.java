package io.robofarm.vm.cli;

import io.robofarm.vm.interp.LuaClosure;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.interp.VmInterrupted;
import io.robofarm.vm.stdlib.LoadFunctions;
import io.robofarm.vm.stdlib.ScriptExit;
import io.robofarm.vm.stdlib.StandardLibraries;
import io.robofarm.vm.value.LuaTable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code lua5.4} command line, after robot-vm's own {@link HostOptions} ({@code --sandbox},
 * {@code --max-fuel N}, {@code --timeout 5s}, {@code --max-memory 64m}, {@code --max-depth N},
 * {@code --max-output 1m}, {@code --jit N|off}): {@code [-e STAT] [-l MOD] [-i] [-v] [-W] [-] [FILE [ARGS...]]}
 * with the same {@code arg} table, output and error report (message, traceback, exit status) as lua5.4. It takes
 * its streams and working directory as parameters, so many scripts can run in one JVM.
 */
public final class LuaCommand {
    /** Lua's program name when it has no argv[0] (LUA_PROGNAME). */
    public static final String DEFAULT_PROGNAME = "lua";
    static final String VERSION = "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio";

    /** Exit status when a limit (fuel, timeout, memory, call depth, output) stopped the script. */
    static final int LIMIT_STATUS = 3;

    private final String progName;
    private final Path workingDirectory;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    /** Whether stdin is a terminal: then no script means the interactive loop, as in lua.c. */
    private final boolean terminal;

    private LuaCommand(String progName, Path workingDirectory, InputStream stdin, PrintStream stdout,
                       PrintStream stderr, boolean terminal) {
        this.progName = progName;
        this.workingDirectory = workingDirectory;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    /**
     * Runs the command and returns its exit status (0 success, 1 error, 3 a limit stopped the script,
     * or the status given to os.exit). Messages are prefixed with "lua", as lua.c does when it has no
     * argv[0].
     */
    public static int run(List<String> argv, Path workingDirectory, InputStream stdin, PrintStream stdout,
                          PrintStream stderr) {
        return run(DEFAULT_PROGNAME, argv, workingDirectory, stdin, stdout, stderr);
    }

    /** Like {@link #run(List, Path, InputStream, PrintStream, PrintStream)} with {@code progName} as argv[0]. */
    public static int run(String progName, List<String> argv, Path workingDirectory, InputStream stdin,
                          PrintStream stdout, PrintStream stderr) {
        return run(progName, argv, workingDirectory, stdin, stdout, stderr, false);
    }

    /** Like the other overloads, saying whether stdin (and stdout) are a terminal. */
    public static int run(String progName, List<String> argv, Path workingDirectory, InputStream stdin,
                          PrintStream stdout, PrintStream stderr, boolean terminal) {
        return new LuaCommand(progName, workingDirectory, stdin, stdout, stderr, terminal).run(argv);
    }

    /**
     * The parsed command line: -e and -l actions to run in order ({"-e", code} or {"-l", spec}), the
     * script's position in argv (or -1).
     */
    private record Options(List<String[]> actions, int script, boolean version, boolean warnings,
                           boolean interactive, boolean readStdin) {
    }

    private int run(List<String> commandLine) {
        HostOptions host;
        try {
            host = HostOptions.parse(commandLine);
        } catch (HostOptions.BadOption e) {
            stderr.print(progName + ": " + e.getMessage() + "\n");
            stderr.flush();
            return 1;
        }
        List<String> argv = commandLine.subList(host.consumed(), commandLine.size());
        Options options = parse(argv);
        if (options == null) {
            return 1;
        }
        BufferedOutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        Vm vm = new Vm();
        vm.setStdout(out);
        vm.setStdin(stdin);
        vm.setWorkingDirectory(workingDirectory);
        try {
            if (host.sandbox()) {
                StandardLibraries.openSandboxed(vm);
            } else {
                StandardLibraries.openAll(vm);
            }
            if (host.maxFuel() >= 0) {
                vm.setMaxFuel(host.maxFuel());
            }
            if (host.timeout() != null) {
                vm.setTimeout(host.timeout());
            }
            if (host.maxMemory() >= 0) {
                vm.setMaxMemory(host.maxMemory());
            }
            if (host.maxDepth() > 0) {
                vm.setMaxCallDepth(host.maxDepth());
            }
            if (host.maxOutput() >= 0) {
                vm.setMaxOutputBytes(host.maxOutput());
            }
            if (host.jitThreshold() != null) {
                vm.setJitThreshold(host.jitThreshold());
            }
            if (options.version()) {
                stdout.println(VERSION);
            }
            if (options.warnings()) {
                vm.call(vm.globals().get("warn"), "@on");
            }
            vm.globals().put("arg", argTable(vm, argv, options.script()));
            for (String[] action : options.actions()) {
                if (action[0].equals("-l")) {
                    requireLibrary(vm, action[1]);
                } else {
                    vm.call(vm.load(action[1], "=(command line)", vm.globals()));
                }
            }
            if (options.script() >= 0) {
                String name = argv.get(options.script());
                LuaClosure chunk = LoadFunctions.loadFile(vm, "-".equals(name) ? null : name, vm.globals());
                List<String> scriptArgs = argv.subList(options.script() + 1, argv.size());
                vm.call(chunk, scriptArgs.toArray());
            }
            if (options.interactive()) {
                new LuaRepl(vm, stdin, out, stderr, !terminal).run();
            } else if (options.readStdin() && terminal) {
                stdout.println(VERSION);
                new LuaRepl(vm, stdin, out, stderr, false).run();
            } else if (options.readStdin()) {
                vm.call(LoadFunctions.loadFile(vm, null, vm.globals()));
            }
            return flush(out, 0);
        } catch (LuaError e) {
            flush(out, 1);
            stderr.print(progName + ": " + report(vm.mainState(), e) + "\n");
            stderr.flush();
            return 1;
        } catch (io.robofarm.vm.parse.LuaSyntaxError e) {
            flush(out, 1);
            stderr.print(progName + ": " + e.getMessage() + "\n");
            stderr.flush();
            return 1;
        } catch (ScriptExit e) {
            return flush(out, e.status());
        } catch (VmInterrupted e) {
            flush(out, LIMIT_STATUS);
            stderr.print(progName + ": " + e.getMessage() + "\n");
            stderr.flush();
            return LIMIT_STATUS;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            flush(out, 1);
            stderr.print(progName + ": internal error: " + e + "\n");
            stderr.flush();
            return 1;
        }
    }

    /** {@code -l spec}: {@code g = require(mod)} for spec "g=mod", {@code mod = require(mod)} for just "mod". */
    private static void requireLibrary(Vm vm, String spec) {
        int eq = spec.indexOf('=');
        String global = eq >= 0 ? spec.substring(0, eq) : spec;
        String module = spec.substring(eq + 1);
        Object[] results = vm.call(vm.globals().get("require"), module);
        vm.globals().put(global, results.length > 0 ? results[0] : null);
    }

    /** The text lua.c's message handler makes of an uncaught error: message plus traceback. */
    static String report(LuaState L, LuaError e) {
        Object value = e.value();
        String msg;
        if (value instanceof String || value instanceof Long || value instanceof Double) {
            msg = e.getMessage();
        } else {
            LuaTable mt = L.getMetatable(value);
            if (mt != null && mt.get("__tostring") != null) {
                try {
                    return L.toDisplayString(value);
                } catch (LuaError nested) {
                    msg = e.getMessage();
                }
            } else {
                msg = e.getMessage();
            }
        }
        String traceback = e.luaTraceback();
        return traceback == null ? msg : msg + "\n" + traceback;
    }

    private int flush(BufferedOutputStream out, int status) {
        try {
            out.flush();
        } catch (IOException e) {
            stderr.print(progName + ": cannot write output: " + e.getMessage() + "\n");
            return status == 0 ? 1 : status;
        }
        return status;
    }

    private Options parse(List<String> argv) {
        List<String[]> actions = new ArrayList<>();
        boolean version = false;
        boolean warnings = false;
        boolean interactive = false;
        int i = 0;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (!a.startsWith("-")) {
                return new Options(actions, i, version, warnings, interactive, false);
            }
            switch (a) {
                case "-":
                    return new Options(actions, i, version, warnings, interactive, false);
                case "--":
                    return new Options(actions, i + 1 < argv.size() ? i + 1 : -1, version, warnings, interactive,
                            i + 1 >= argv.size() && actions.isEmpty() && !version);
                case "-i":
                    interactive = true;
                    version = true;
                    break;
                case "-v":
                    version = true;
                    break;
                case "-W":
                    warnings = true;
                    break;
                case "-E":
                    break;
                case "-e", "-l":
                    if (i + 1 >= argv.size()) {
                        return usage("'" + a + "' needs argument");
                    }
                    actions.add(new String[] {a, argv.get(++i)});
                    break;
                default:
                    if ((a.startsWith("-e") || a.startsWith("-l")) && a.length() > 2) {
                        actions.add(new String[] {a.substring(0, 2), a.substring(2)});
                        break;
                    }
                    return usage("unrecognized option '" + a + "'");
            }
            i++;
        }
        return new Options(actions, -1, version, warnings, interactive, actions.isEmpty() && !version);
    }

    private Options usage(String problem) {
        stderr.print(progName + ": " + problem + "\n"
                + "usage: " + progName + " [options] [script [args]]\n"
                + "Available options are:\n"
                + "  -e stat   execute string 'stat'\n"
                + "  -i        enter interactive mode after executing 'script'\n"
                + "  -l mod    require library 'mod' into global 'mod'\n"
                + "  -l g=mod  require library 'mod' into global 'g'\n"
                + "  -v        show version information\n"
                + "  -E        ignore environment variables\n"
                + "  -W        turn warnings on\n"
                + "  --        stop handling options\n"
                + "  -         stop handling options and execute stdin\n");
        stderr.flush();
        return null;
    }

    /** lua.c's arg table: the script at index 0, its arguments after, the interpreter and options below. */
    private LuaTable argTable(Vm vm, List<String> argv, int script) {
        int scriptIndex = script < 0 ? 0 : script + 1;
        LuaTable arg = vm.newTable(argv.size(), 2);
        List<String> all = new ArrayList<>();
        all.add(progName);
        all.addAll(argv);
        for (int i = 0; i < all.size(); i++) {
            arg.put((long) (i - scriptIndex), all.get(i));
        }
        return arg;
    }
}
