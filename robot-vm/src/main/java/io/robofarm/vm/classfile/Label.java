package io.robofarm.vm.classfile;

import java.util.ArrayList;
import java.util.List;

/** A position in a method's code that branches may name before it is placed. */
public final class Label {
    int position = -1;
    /** Triples of (instruction start, offset field position, field width) waiting for the position. */
    final List<int[]> pending = new ArrayList<>();
}
