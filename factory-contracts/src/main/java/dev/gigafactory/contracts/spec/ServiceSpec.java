package dev.gigafactory.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ServiceSpec document ({@code gigafactory.dev/v1alpha1}): Kubernetes-shaped, so the same document is a custom
 * resource on a cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(String apiVersion, String kind, SpecMetadata metadata, ServiceDefinition spec) {

    public static final String API_VERSION = "gigafactory.dev/v1alpha1";
    public static final String KIND = "ServiceSpec";

    public String name() {
        return metadata.name();
    }

    /** The same document with every default made explicit, so equal meaning gives equal bytes. */
    public ServiceSpec normalized() {
        return new ServiceSpec(API_VERSION, KIND, metadata.normalized(), spec.normalized());
    }
}
