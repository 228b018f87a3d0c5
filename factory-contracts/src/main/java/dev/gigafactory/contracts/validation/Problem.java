package dev.gigafactory.contracts.validation;

/** One thing wrong with a document: where (an RFC 6901 JSON pointer, "" for the whole document) and what. */
public record Problem(String pointer, String message) implements Comparable<Problem> {

    public static Problem at(String pointer, String message) {
        return new Problem(pointer, message);
    }

    @Override
    public int compareTo(Problem other) {
        int byPointer = pointer.compareTo(other.pointer);
        return byPointer != 0 ? byPointer : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message;
    }
}
