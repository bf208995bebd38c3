package io.robofarm.vm.parse;

/** A lexical block: which variables, labels and gotos it owns, and what leaving it must close. */
final class BlockScope {
    final BlockScope previous;
    final int firstLabel;
    final int firstGoto;
    /** Active variables outside the block. */
    final int nactvar;
    final boolean isLoop;
    /** Some variable of the block is captured as an upvalue (or is to-be-closed). */
    boolean upval;
    /** Inside the scope of a to-be-closed variable: no tail calls here. */
    boolean insideTbc;

    BlockScope(BlockScope previous, int firstLabel, int firstGoto, int nactvar, boolean isLoop) {
        this.previous = previous;
        this.firstLabel = firstLabel;
        this.firstGoto = firstGoto;
        this.nactvar = nactvar;
        this.isLoop = isLoop;
        this.insideTbc = previous != null && previous.insideTbc;
    }
}
