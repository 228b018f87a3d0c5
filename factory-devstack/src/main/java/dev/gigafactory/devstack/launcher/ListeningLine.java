package dev.gigafactory.devstack.launcher;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the port in Quarkus's start-up line ("... started in 1.234s. Listening on: http://127.0.0.1:PORT"). */
public final class ListeningLine {

    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^\\s:/]+:(\\d{1,5})");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    private ListeningLine() {
    }

    /** The first port announced in the text (a log's content), if any. */
    public static OptionalInt port(CharSequence text) {
        Matcher matcher = LISTENING.matcher(ANSI.matcher(text).replaceAll(""));
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
