package io.robofarm.vm.classfile;

/**
 * A class or method outgrew a class-file limit (64 KiB of code, 65,535 constants, 16-bit branch
 * offsets). Generators catch it and keep running the code another way.
 */
public final class ClassTooLargeException extends RuntimeException {
    public ClassTooLargeException(String message) {
        super(message, null, false, false);
    }
}
