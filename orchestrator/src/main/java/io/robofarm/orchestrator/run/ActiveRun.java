package io.robofarm.orchestrator.run;

import io.robofarm.vm.interp.StackFrameInfo;

import java.util.List;

/** A run whose VM lives on this node, as the farm exposes it to the API: it can be stopped and inspected. */
public interface ActiveRun {
    /** Asks the VM to stop; the run becomes CANCELLED when the VM has stopped. */
    void cancel();

    /** The VM's current Lua call stack, innermost frame first, each frame with its locals. */
    List<StackFrameInfo> stack();
}
