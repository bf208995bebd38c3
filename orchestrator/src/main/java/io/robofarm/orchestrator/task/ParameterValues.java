package io.robofarm.orchestrator.task;

import io.robofarm.orchestrator.web.InvalidInputException;

/** Converts parameter values (JSON scalars or the text of a default) to the Java value of their declared type. */
final class ParameterValues {
    private ParameterValues() {
    }

    /** @throws InvalidInputException naming the parameter when the value does not fit its type */
    static Object convert(TaskParameter parameter, Object value) {
        try {
            return switch (parameter.type()) {
                case STRING -> requireScalar(value).toString();
                case INTEGER -> value instanceof Number n && !(value instanceof Double || value instanceof Float)
                        ? Long.valueOf(n.longValue()) : Long.valueOf(Long.parseLong(requireScalar(value).toString().trim()));
                case NUMBER -> value instanceof Number n ? Double.valueOf(n.doubleValue())
                        : Double.valueOf(Double.parseDouble(requireScalar(value).toString().trim()));
                case BOOLEAN -> value instanceof Boolean b ? b : parseBoolean(requireScalar(value).toString());
            };
        } catch (IllegalArgumentException e) {
            throw mismatch(parameter, value);
        }
    }

    private static Object requireScalar(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("not a scalar");
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static InvalidInputException mismatch(TaskParameter parameter, Object value) {
        return new InvalidInputException("Parameter '" + parameter.name() + "' must be " + describe(parameter.type())
                + ", not '" + value + "'");
    }

    private static String describe(ParameterType type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
        };
    }
}
