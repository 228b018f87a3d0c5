package dev.gigafactory.tester.messaging;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.tester.service.GateUnavailableException;
import dev.gigafactory.tester.service.ReleaseGate;
import dev.gigafactory.tester.service.RunRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import dev.gigafactory.messaging.RecordProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Tests each generated source tree and publishes the verdict. Runs on the bounded {@code tester-runs} pool: a run
 * starts JVMs and can take tens of seconds, never on the event loop. A record that is not a CodeGenerated throws,
 * and the channel's failure strategy sends it to the dead-letter topic. While the gate cannot run at all, the record
 * waits (announced once per reason as {@code TestsWaiting}) and is tested when it can.
 */
@ApplicationScoped
public class CodeGeneratedListener {

    private static final Logger LOG = Logger.getLogger(CodeGeneratedListener.class);

    private final ReleaseGate gate;
    private final RunRegistry runs;
    private final VerdictPublisher publisher;
    private final MeterRegistry metrics;
    private final RecordProcessing processing;

    public CodeGeneratedListener(ReleaseGate gate, RunRegistry runs, VerdictPublisher publisher,
            MeterRegistry metrics, RecordProcessing processing) {
        this.gate = gate;
        this.runs = runs;
        this.publisher = publisher;
        this.metrics = metrics;
        this.processing = processing;
    }

    @Incoming("code-generated")
    @Blocking(value = "tester-runs", ordered = false)
    public void consume(ConsumerRecord<String, byte[]> record) {
        processing.blocking(record, () -> {
            CloudEvent<CodeGenerated> event = CloudEventCodec.decode(record.headers(), record.value(),
                    CodeGenerated.class);
            CodeGenerated code = event.data();
            Optional<TestsCompleted> verdict = runOrWait(code, event.traceparent());
            if (verdict.isEmpty()) {
                LOG.infof("%s v%d attempt %d is already being tested; dropping the duplicate %s", code.spec(),
                        code.version(), code.attempt(), event.id());
                return;
            }
            record(verdict.get());
            publisher.publish(verdict.get(), event.traceparent());
        });
    }

    // An outage of the gate is no verdict: say the code waits, and throw, so the record is retried (partition held)
    // until the gate can run it. No TestsCompleted, so no attempt of the version is spent.
    private Optional<TestsCompleted> runOrWait(CodeGenerated code, String traceparent) {
        try {
            return runs.runOnce(code, () -> gate.test(code));
        } catch (GateUnavailableException e) {
            if (publisher.waiting(code, e.reason(), traceparent)) {
                metrics.counter("gigafactory.tester.waits").increment();
                LOG.warnf("%s v%d attempt %d waits, the gate cannot run: %s", code.spec(), code.version(),
                        code.attempt(), e.reason());
            }
            throw e;
        }
    }

    private void record(TestsCompleted verdict) {
        String outcome = verdict.passed() ? "passed" : "failed";
        metrics.timer("gigafactory.tester.runs", "outcome", outcome).record(Duration.ofMillis(verdict.durationMs()));
        LOG.infof("%s v%d attempt %d %s in %d ms%s", verdict.spec(), verdict.version(), verdict.attempt(), outcome,
                verdict.durationMs(), verdict.passed() ? "" : ": " + verdict.failure());
    }
}
