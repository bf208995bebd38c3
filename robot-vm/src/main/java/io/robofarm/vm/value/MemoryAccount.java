package io.robofarm.vm.value;

/**
 * Where Lua values report the bytes they are about to allocate, so that the VM owning them can
 * enforce its memory limit. A table holds the account of its VM and charges it before it grows;
 * the account may refuse by throwing, and then nothing has been allocated.
 */
public interface MemoryAccount {
    /** An account that accepts everything, for tables made by host code outside any VM. */
    MemoryAccount UNMETERED = bytes -> { };

    /** Records that {@code bytes} are about to be allocated; throws to refuse them. */
    void allocate(long bytes);
}
