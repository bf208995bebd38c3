package io.robofarm.vm.host;

/**
 * What the host gives the modules of one VM: where that robot's output lines go. Installed with
 * {@link HostModules#install}; host functions reach it through {@link HostCall#context()}.
 */
public interface HostContext {
    /** Receives one line of output (without its line end) from the robot. */
    void output(OutputLevel level, String line);
}
