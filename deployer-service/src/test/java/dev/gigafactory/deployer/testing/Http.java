package dev.gigafactory.deployer.testing;

import dev.gigafactory.testsupport.ProductClient;
import java.util.Optional;

/** Plain GETs against a product, the way a user of it would call it: status and body, to compare in one go. */
public final class Http {

    public record Answer(int status, String body) {
    }

    private Http() {
    }

    /** The answer, or empty when nothing answers at all (connection refused, timed out). */
    public static Optional<Answer> get(String url) {
        return ProductClient.probe(url).map(answer -> new Answer(answer.status(), answer.body()));
    }

    /** A header of the answer, if there was an answer and it had the header. */
    public static Optional<String> header(String url, String name) {
        return ProductClient.probe(url).flatMap(answer -> answer.header(name));
    }
}
