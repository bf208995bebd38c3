package io.robofarm.vm.host;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stdout of a robot VM: cuts what {@code print} writes into lines (UTF-8) for the host's
 * {@link HostContext}, instead of a process stream. A line longer than {@link #MAX_LINE} bytes is
 * passed on in pieces of that size; {@link #flush()} passes on an unfinished last line.
 */
public final class LineOutput extends OutputStream {
    /** Longest line passed on in one piece, in bytes. */
    public static final int MAX_LINE = 8192;

    private final HostContext context;
    private final OutputLevel level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(0);

    public LineOutput(HostContext context, OutputLevel level) {
        this.context = context;
        this.level = level;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
            return;
        }
        line.write(b);
        if (line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void flush() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        context.output(level, line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
