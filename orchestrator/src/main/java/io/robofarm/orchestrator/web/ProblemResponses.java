package io.robofarm.orchestrator.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;

/**
 * Writes the same JSON problem body as {@link ApiExceptionHandler} from places outside Spring MVC
 * (servlet filters, security handlers), where no message converter is at hand.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status.value(), status.getReasonPhrase(), message));
    }

    /** The problem body for {@code status} (its reason phrase given, as Tomcat may use codes Spring does not know). */
    static String body(int status, String reasonPhrase, String message) {
        String text = quote(message);
        String reason = quote(reasonPhrase);
        return "{\"type\":\"about:blank\",\"title\":" + reason + ",\"status\":" + status
                + ",\"detail\":" + text + ",\"error\":" + reason + ",\"message\":" + text + "}";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
