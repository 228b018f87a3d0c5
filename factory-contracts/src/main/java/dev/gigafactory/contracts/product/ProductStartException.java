package dev.gigafactory.contracts.product;

/** A product that could not be brought up, with the tail of its output as evidence. */
public class ProductStartException extends Exception {

    private final String logExcerpt;

    public ProductStartException(String message, String logExcerpt) {
        super(message);
        this.logExcerpt = logExcerpt;
    }

    public String logExcerpt() {
        return logExcerpt;
    }
}
