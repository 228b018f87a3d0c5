package dev.gigafactory.contracts.spec;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.codec.Json;

/**
 * The identity of a spec's meaning: the digest of its normalised, canonical JSON. Key order, YAML vs JSON and
 * defaults left implicit do not change it.
 */
public final class SpecDigest {

    private SpecDigest() {
    }

    public static String of(ServiceSpec spec) {
        return Digests.sha256(Json.canonical(spec.normalized()));
    }
}
