package dev.gigafactory.contracts.events;

/** Where a document came from: the intake topic (with its coordinates) or the REST API. */
public record Submission(String channel, String topic, Integer partition, Long offset, String requestId) {

    public static Submission fromTopic(String topic, int partition, long offset) {
        return new Submission("kafka", topic, partition, offset, null);
    }

    public static Submission fromRest(String requestId) {
        return new Submission("rest", null, null, null, requestId);
    }

    public String id() {
        return "kafka".equals(channel) ? topic + "/" + partition + "/" + offset : "rest/" + requestId;
    }
}
