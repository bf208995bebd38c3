package io.robofarm.vm.cli;

import io.robofarm.vm.interp.LuaClosure;
import io.robofarm.vm.interp.LuaError;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.parse.LuaSyntaxError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * lua.c's read-eval-print loop ({@code -i}, or no script on a terminal): each line is tried as
 * {@code return <line>} first, so expressions print their values; a statement whose syntax error
 * ends at {@code <eof>} is incomplete and continues on the next line. Errors go to stderr without
 * the program name and the loop goes on, as in lua5.4.
 */
final class LuaRepl {
    private static final String EOF_MARK = "<eof>";
    private static final String CHUNK_NAME = "=stdin";

    private final Vm vm;
    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;
    /** Whether to echo each line read, as readline does when stdin is not a terminal. */
    private final boolean echo;

    LuaRepl(Vm vm, InputStream in, OutputStream out, PrintStream err, boolean echo) {
        this.vm = vm;
        this.in = in;
        this.out = out;
        this.err = err;
        this.echo = echo;
    }

    /** Runs until end of input; os.exit ends it with a {@link io.robofarm.vm.stdlib.ScriptExit}. */
    void run() {
        String line;
        while ((line = readLine(true)) != null) {
            LuaClosure chunk = compile(line);
            if (chunk != null) {
                execute(chunk);
            }
        }
        write("\n");
    }

    /** The chunk for {@code line} (plus continuation lines), or null after reporting a syntax error. */
    private LuaClosure compile(String line) {
        String buffer = line.startsWith("=") ? "return " + line.substring(1) : line;
        try {
            return vm.load("return " + buffer, CHUNK_NAME, vm.globals());
        } catch (LuaSyntaxError notAnExpression) {
            // not an expression: compile it as a statement below
        }
        while (true) {
            try {
                return vm.load(buffer, CHUNK_NAME, vm.globals());
            } catch (LuaSyntaxError e) {
                if (!e.getMessage().endsWith(EOF_MARK)) {
                    report(e.getMessage());
                    return null;
                }
                String more = readLine(false);
                if (more == null) {
                    // lua.c has already dropped the message of an incomplete chunk and prints a C NULL
                    report("(null)");
                    return null;
                }
                buffer = buffer + "\n" + more;
            }
        }
    }

    private void execute(LuaClosure chunk) {
        Object[] results;
        try {
            results = vm.call(chunk);
        } catch (LuaError e) {
            flush();
            report(LuaCommand.report(vm.mainState(), e));
            return;
        }
        if (results.length > 0) {
            try {
                vm.call(vm.globals().get("print"), results);
            } catch (LuaError e) {
                flush();
                report("error calling 'print' (" + e.getMessage() + ")");
            }
        }
        flush();
    }

    private void report(String message) {
        err.print(message + "\n");
        err.flush();
    }

    /** Shows the prompt (_PROMPT / _PROMPT2 when set) and reads one line without its newline; null at end of input. */
    private String readLine(boolean first) {
        Object custom = vm.globals().get(first ? "_PROMPT" : "_PROMPT2");
        write(custom == null ? (first ? "> " : ">> ") : vm.mainState().toDisplayString(custom));
        flush();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                bytes.write(b);
            }
            if (b == -1 && bytes.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String line = bytes.toString(StandardCharsets.ISO_8859_1);
        if (echo) {
            write(line + "\n");
        }
        return line;
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
