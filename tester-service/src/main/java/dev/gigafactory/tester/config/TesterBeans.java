package dev.gigafactory.tester.config;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.tester.service.CompilerWarmUp;
import dev.gigafactory.tester.service.GateDatabase;
import dev.gigafactory.tester.service.GateSettings;
import dev.gigafactory.tester.service.ReleaseGate;
import dev.gigafactory.tester.service.RunRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java gate from the typed configuration. */
public class TesterBeans {

    private static final int REMEMBERED_RUNS = 256;

    @Produces
    @Singleton
    ArtifactStore artifactStore(FactoryPaths paths) {
        return new LocalArtifactStore(paths.artifactsDir());
    }

    @Produces
    @Singleton
    GateSettings gateSettings(FactoryPaths paths, TesterConfig config) {
        long mib = 1024L * 1024;
        Sandbox.Limits limits = new Sandbox.Limits(config.cpuLimit(), config.memoryLimitMib() * mib,
                config.outputLimitMib() * mib, config.scratchLimitMib() * mib);
        return new GateSettings(paths.workDir(), config.compileTimeout(), config.unitTestTimeout(),
                config.startTimeout(), config.requestTimeout(), config.runTimeout(), config.keepFailedWorkspace(),
                config.sandbox(), limits, config.robustness(), config.bubblewrap(), config.minFreeDiskMib());
    }

    @Produces
    @Singleton
    ReleaseGate releaseGate(ArtifactStore store, GateSettings settings, TesterConfig config) {
        return new ReleaseGate(store, settings, config.database().map(database -> new GateDatabase.Admin(
                database.url(), database.username(), database.password().orElse(""))));
    }

    // The first gates would otherwise pay for a cold compiler: a second each, in front of the first products.
    void warmUpCompiler(@Observes StartupEvent started, ReleaseGate gate, GateSettings settings, TesterConfig config) {
        if (config.warmUpRounds() > 0) {
            CompilerWarmUp.start(settings.workDir().resolve("warm-up"), config.warmUpRounds(), gate::busy);
        }
    }

    void closeGate(@Disposes ReleaseGate gate) {
        gate.close();
    }

    @Produces
    @Singleton
    RunRegistry runRegistry() {
        return new RunRegistry(REMEMBERED_RUNS);
    }
}
