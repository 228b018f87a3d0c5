package dev.gigafactory.deployer.domain;

/** A version that could not be brought up; the previous version, if any, keeps serving. */
public class DeploymentFailedException extends Exception {

    private final String logExcerpt;

    public DeploymentFailedException(String message, String logExcerpt) {
        super(message);
        this.logExcerpt = logExcerpt == null ? "" : logExcerpt;
    }

    public String logExcerpt() {
        return logExcerpt;
    }

    /** The reason followed by the product's last output, as a DeploymentCompleted detail. */
    public String detail() {
        return logExcerpt.isBlank() ? getMessage() : getMessage() + "\n" + logExcerpt;
    }
}
