package io.robofarm.vm.sched;

/** A robot was not admitted: the scheduler is full (live or runnable robots at their limit) or closed. */
public final class AdmissionRejected extends RuntimeException {
    AdmissionRejected(String message) {
        super(message, null, false, false);
    }
}
