package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;

/** What a deployment or a remediation says happened, as the DeploymentCompleted to publish. */
final class Outcomes {

    private final DeploymentTarget target;

    Outcomes(DeploymentTarget target) {
        this.target = target;
    }

    DeploymentCompleted succeeded(Deployment deployment, String detail, String cause) {
        return new DeploymentCompleted(deployment.spec(), deployment.version(), deployment.attempt(), true,
                deployment.url(), deployment.artifactDigest(), target.name(), deployment.slo(), detail, cause);
    }

    DeploymentCompleted failed(Release release, String detail, String cause) {
        return new DeploymentCompleted(release.spec(), release.version(), release.attempt(), false, null,
                release.artifactDigest(), target.name(), release.slo(), detail, cause);
    }

    static String started(Deployment deployment) {
        return "started as pid " + deployment.pid() + " on private port " + deployment.port() + ", serving at "
                + deployment.url();
    }
}
