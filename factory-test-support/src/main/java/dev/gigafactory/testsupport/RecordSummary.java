package dev.gigafactory.testsupport;

import dev.gigafactory.contracts.codec.CloudEventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Renders the records a failed wait saw, so the assertion message says what happened instead. */
final class RecordSummary {

    private static final int MAX_RECORDS = 25;
    private static final int MAX_VALUE_CHARS = 300;

    private RecordSummary() {
    }

    static String describe(List<ConsumerRecord<String, byte[]>> seen) {
        if (seen.isEmpty()) {
            return "the topic had no records";
        }
        List<ConsumerRecord<String, byte[]>> shown = seen.subList(Math.max(0, seen.size() - MAX_RECORDS),
                seen.size());
        String header = "saw " + seen.size() + " record(s)" + (shown.size() < seen.size()
                ? ", the last "
                        + shown.size()
                : "") + ":\n";
        return header + shown.stream().map(RecordSummary::line).collect(Collectors.joining("\n"));
    }

    static String line(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventCodec.text(record.headers(), CloudEventCodec.TYPE);
        return "  " + record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + record.key()
                + (type == null ? "" : " ce_type=" + type) + " value=" + value(record.value());
    }

    private static String value(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, StandardCharsets.UTF_8).replace('\n', ' ');
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }
}
