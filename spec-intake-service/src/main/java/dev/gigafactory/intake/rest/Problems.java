package dev.gigafactory.intake.rest;

import dev.gigafactory.contracts.validation.Problem;
import dev.gigafactory.intake.service.ProblemLines;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the one error shape of the API. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, title, detail)).build();
    }

    /** Each problem names its JSON pointer and, when the document shows where, its line. */
    public static Response invalidSpec(List<Problem> problems, ProblemLines lines) {
        Map<String, Object> body = body(422, "The spec was rejected",
                problems.size() + " problem(s) found; each names its place with a JSON pointer");
        body.put("errors", problems.stream().map(p -> error(p, lines.lineOf(p.pointer(), p.message()))).toList());
        return Response.status(422).type(MEDIA_TYPE).entity(body).build();
    }

    private static Map<String, Object> error(Problem problem, Integer line) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("pointer", problem.pointer());
        error.put("message", problem.message());
        if (line != null) {
            error.put("line", line);
        }
        return error;
    }

    private static Map<String, Object> body(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
