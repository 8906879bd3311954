package org.meiplan.service;

import java.util.List;
import java.util.Map;
import org.meiplan.models.io.Violation;

/**
 * A request the service answers with a 4xx (or, for a bug, 500) and a JSON error document:
 * the HTTP status, a stable machine-readable code, a sentence for people and, for bad
 * documents, every problem found with its JSON path, value and hint. Messages never carry a
 * stack trace or a server-side file path.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient List<Violation> violations;
    private final transient Map<String, String> headers;

    ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    ApiException(int status, String code, String message, List<Violation> violations) {
        this(status, code, message, violations, Map.of());
    }

    ApiException(int status, String code, String message, List<Violation> violations, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Violation> violations() {
        return violations;
    }

    /** Extra response headers ({@code Retry-After}, {@code WWW-Authenticate}, {@code Allow}). */
    Map<String, String> headers() {
        return headers;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not-found", what);
    }
}
