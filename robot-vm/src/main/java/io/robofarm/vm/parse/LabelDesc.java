package io.robofarm.vm.parse;

/** A label, or a pending goto (including "break") waiting for its label. */
final class LabelDesc {
    final String name;
    final int line;
    /** For a label: its position; for a goto: the pc of its jump. */
    int pc;
    /** Number of active variables at that point. */
    int nactvar;
    /** For a goto: whether leaving its scope must close upvalues. */
    boolean close;

    LabelDesc(String name, int line, int pc, int nactvar) {
        this.name = name;
        this.line = line;
        this.pc = pc;
        this.nactvar = nactvar;
    }
}
