package dev.gigafactory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.InvalidEventException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {

    static final class Unreadable extends RuntimeException implements PoisonRecord {
        Unreadable() {
            super("not text");
        }
    }

    static final class NoSandbox extends RuntimeException implements Outage {
        NoSandbox() {
            super("bubblewrap is not installed");
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("undecodable event", new InvalidEventException("no ce_type header"), FailureKind.POISON),
                Arguments.of("service's own poison", new Unreadable(), FailureKind.POISON),
                Arguments.of("poison wrapped twice", new IllegalStateException(new CompletionException(
                        new InvalidEventException("bad data"))), FailureKind.POISON),
                Arguments.of("database refuses connections", new CompletionException(new ConnectException(
                        "Connection refused: localhost/127.0.0.1:5432")), FailureKind.OUTAGE),
                Arguments.of("broker did not ack in time", new IllegalStateException("TestsCompleted was not "
                        + "published", new TimeoutException()), FailureKind.OUTAGE),
                Arguments.of("service's own outage", new IllegalStateException(new NoSandbox()), FailureKind.OUTAGE),
                Arguments.of("partition leader moved", new NotLeaderOrFollowerException("moved"), FailureKind.OUTAGE),
                Arguments.of("JDBC connection lost", new SQLException("I/O error", "08006"), FailureKind.OUTAGE),
                Arguments.of("database shutting down", new SQLException("terminating connection", "57P01"),
                        FailureKind.OUTAGE),
                Arguments.of("serialization failure", new SQLException("could not serialize", "40001"),
                        FailureKind.CONFLICT),
                Arguments.of("duplicate key", new SQLException("duplicate key", "23505"), FailureKind.CONFLICT),
                Arguments.of("not null violated", new SQLException("null value", "23502"), FailureKind.DEFECT),
                Arguments.of("a bug", new NullPointerException("spec"), FailureKind.DEFECT));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("failures")
    void sortsFailuresByWhatARetryCanChange(String what, Throwable failure, FailureKind expected) {
        assertThat(Failures.classify(failure)).isEqualTo(expected);
    }
}
