package dev.gigafactory.intake.rest;

import dev.gigafactory.intake.config.IntakeConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Writes need a configured bearer key (when any is configured); reads stay open. */
public class ApiKeyFilter {

    private final List<String> keys;

    public ApiKeyFilter(IntakeConfig config) {
        this.keys = config.apiKeys().orElse(List.of()).stream().filter(key -> !key.isBlank()).toList();
    }

    @ServerRequestFilter
    public Response checkKey(ContainerRequestContext request) {
        String method = request.getMethod();
        if (keys.isEmpty() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ") && matches(header.substring(7).trim())) {
            return null;
        }
        return Problems.of(401, "Unauthorized", "this write needs 'Authorization: Bearer <key>' with a valid key");
    }

    private boolean matches(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        return keys.stream().anyMatch(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), candidate));
    }
}
