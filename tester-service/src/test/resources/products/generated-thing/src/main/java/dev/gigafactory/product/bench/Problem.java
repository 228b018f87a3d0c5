package dev.gigafactory.product.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP error answer in RFC 9457 form ({@code application/problem+json}). Thrown anywhere while handling a request;
 * the router turns it into the response.
 */
final class Problem extends RuntimeException {

    /** One invalid field of a request body. */
    record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final String allow;

    private Problem(int status, String title, String detail, List<FieldError> errors, String allow) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.allow = allow;
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail, List.of(), null);
    }

    static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(400, "Bad Request", detail, errors, null);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail, List.of(), null);
    }

    static Problem methodNotAllowed(String method, String allow) {
        return new Problem(405, "Method Not Allowed", method + " is not supported here", List.of(), allow);
    }

    static Problem tooLarge(int limitBytes) {
        return new Problem(413, "Content Too Large", "the body is larger than " + limitBytes + " bytes", List.of(),
                null);
    }

    static Problem unavailable() {
        return new Problem(503, "Service Unavailable", "the service is stopping", List.of(), null);
    }

    static Problem internal() {
        return new Problem(500, "Internal Server Error", "the request could not be completed", List.of(), null);
    }

    int status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }

    /** The methods the resource does support: the {@code Allow} header of a 405, else null. */
    String allow() {
        return allow;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "about:blank");
        json.put("title", title);
        json.put("status", status);
        json.put("detail", getMessage());
        List<Object> fields = new ArrayList<>();
        for (FieldError error : errors) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", error.field());
            field.put("message", error.message());
            fields.add(field);
        }
        json.put("errors", fields);
        return json;
    }
}
