package io.robofarm.vm.golden;

import io.robofarm.vm.cli.LuaCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs a golden script in-process through the CLI entry point, exactly as {@code lua <script>} would. */
final class VmRunner {

    private VmRunner() {
    }

    static ScriptRun run(GoldenScript script) {
        return run(script, List.of());
    }

    /** Runs the script with robot-vm options (such as {@code --jit 0}) before its name. */
    static ScriptRun run(GoldenScript script, List<String> options) {
        List<String> argv = new ArrayList<>(options);
        argv.add(script.scriptArgument());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream stdout = new PrintStream(out, false); PrintStream stderr = new PrintStream(err, false)) {
            status = LuaCommand.run(argv, script.root(),
                    new ByteArrayInputStream(script.stdin()), stdout, stderr);
        }
        return new ScriptRun(out.toByteArray(), err.toByteArray(), status);
    }
}
