package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.InvalidInputException;

import java.util.Map;

/** A task script that does not compile: HTTP 400 whose body names the line and column. */
public class ScriptSyntaxException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    ScriptSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("line", line, "column", column);
    }
}
