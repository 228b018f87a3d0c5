package dev.gigafactory.contracts.validation;

/** Builds RFC 6901 JSON pointers. */
public final class Pointer {

    private Pointer() {
    }

    public static String of(Object... segments) {
        StringBuilder pointer = new StringBuilder();
        for (Object segment : segments) {
            pointer.append('/').append(escape(String.valueOf(segment)));
        }
        return pointer.toString();
    }

    public static String child(String parent, Object segment) {
        return parent + "/" + escape(String.valueOf(segment));
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
