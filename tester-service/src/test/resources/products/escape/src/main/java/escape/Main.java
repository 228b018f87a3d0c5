package escape;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hostile product: tries everything listed in its targets.txt resource (files of the factory, another product's
 * workspace, secrets in the environment, TCP connections) and prints "denied: ..." or "LEAKED: ..." for each.
 * Then it exits with 3, so the gate's verdict carries the report in its log excerpt.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        report("start").forEach(System.out::println);
        System.exit(3);
    }

    static List<String> report(String when) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String target : targets()) {
            lines.add(when + " " + attempt(target.strip()));
        }
        return lines;
    }

    private static List<String> targets() throws Exception {
        try (InputStream in = Main.class.getResourceAsStream("/targets.txt")) {
            String text = in != null
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of("src/src/main/resources/targets.txt"));
            return text.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    private static String attempt(String target) {
        String kind = target.substring(0, target.indexOf(' '));
        String what = target.substring(target.indexOf(' ') + 1);
        try {
            String got = switch (kind) {
                case "read" -> Files.readString(Path.of(what));
                case "list" -> String.valueOf(Files.list(Path.of(what)).toList());
                case "write" -> {
                    Files.writeString(Path.of(what), "pwned");
                    yield "wrote it";
                }
                case "datadir" -> {
                    Files.writeString(Path.of(System.getenv("DATA_DIR"), what), "mine");
                    yield "wrote it";
                }
                case "env" -> {
                    String value = System.getenv(what);
                    if (value == null) {
                        throw new IllegalStateException("not set");
                    }
                    yield value;
                }
                case "tcp" -> {
                    try (Socket socket = new Socket()) {
                        String[] hostPort = what.split(":");
                        socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
                        yield "connected";
                    }
                }
                default -> throw new IllegalStateException("unknown probe");
            };
            boolean expected = what.contains("allowed-");
            return (expected ? "allowed: " : "LEAKED: ") + target + " -> " + shorten(got);
        } catch (Exception e) {
            return "denied: " + target + " (" + e.getClass().getSimpleName() + ")";
        }
    }
}
