package dev.gigafactory.devstack.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The infrastructure JVM's control channel: one line in, one line out, on a loopback port. {@code restart kafka 2000}
 * restarts the broker after 2 s of downtime on its ports and data dir and answers {@code ok} (or
 * {@code error <why>}), so a chaos test can restart the broker or the database without touching the other.
 */
public final class InfraControl {

    /** What the control channel can do to the hosted infrastructure. */
    public interface Restarter {
        void restart(InfraProcess.Component component, Duration downtime);
    }

    private final ServerSocket server;

    private InfraControl(ServerSocket server) {
        this.server = server;
    }

    public static InfraControl serve(Restarter restarter) {
        try {
            ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
            Thread loop = new Thread(() -> accept(server, restarter), "infra-control");
            loop.setDaemon(true);
            loop.start();
            return new InfraControl(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the control channel", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Sends {@code restart <component> <downtime ms>} and waits for the answer. */
    public static void restart(int port, InfraProcess.Component component, Duration downtime) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                BufferedReader in = reader(socket)) {
            socket.setSoTimeout((int) Duration.ofMinutes(3).plus(downtime).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("restart " + component.name().toLowerCase(Locale.ROOT) + " " + downtime.toMillis() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = in.readLine();
            if (!"ok".equals(answer)) {
                throw new IllegalStateException("restarting " + component + " failed: " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the infrastructure's control channel on " + port, e);
        }
    }

    private static void accept(ServerSocket server, Restarter restarter) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept(); BufferedReader in = reader(socket)) {
                String answer = handle(in.readLine(), restarter);
                socket.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a client that went away gets no answer; the next one does
            }
        }
    }

    private static String handle(String line, Restarter restarter) {
        String[] words = line == null ? new String[0] : line.trim().split("\\s+");
        if (words.length != 3 || !"restart".equals(words[0])) {
            return "error usage: restart kafka|postgres <downtime-ms>";
        }
        try {
            restarter.restart(InfraProcess.Component.valueOf(words[1].toUpperCase(Locale.ROOT)),
                    Duration.ofMillis(Long.parseLong(words[2])));
            return "ok";
        } catch (RuntimeException e) {
            e.printStackTrace();
            return "error " + e;
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}
