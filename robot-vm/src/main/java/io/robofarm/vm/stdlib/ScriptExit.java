package io.robofarm.vm.stdlib;

/**
 * Thrown by {@code os.exit} to end the whole script with an exit status. It is not a Lua error, so
 * {@code pcall} cannot catch it; whoever runs the VM (the CLI, the farm) catches it and ends the run
 * with {@link #status()}.
 */
public final class ScriptExit extends RuntimeException {
    private final int status;

    public ScriptExit(int status) {
        super("os.exit(" + status + ")", null, false, false);
        this.status = status;
    }

    /** The process exit status the script asked for (0 = success). */
    public int status() {
        return status;
    }
}
