package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.Processes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The processes of a local fleet for {@code ./factory status}: pid, up since, restarts, ready or not. */
final class ProcessTable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ProcessTable() {
    }

    static String render(Path stateDir) {
        Map<String, Long> pids = PidFile.in(stateDir).pids();
        Map<String, SupervisorState.Entry> supervised = SupervisorState.read(stateDir);
        Map<String, String> urls = FleetFile.readFrom(stateDir).map(FleetFile::services).orElse(Map.of());
        List<String> names = new ArrayList<>(List.of(PidFile.INFRA));
        ServiceDef.ALL.forEach(service -> names.add(service.name()));
        names.add(PidFile.SUPERVISOR);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"PROCESS", "PID", "UP SINCE", "RESTARTS", "READY"});
        for (String name : names) {
            Long pid = pids.get(name);
            if (pid == null) {
                continue;
            }
            SupervisorState.Entry entry = supervised.get(name);
            boolean alive = Processes.alive(pid);
            Optional<Instant> since = Optional.ofNullable(entry).map(SupervisorState.Entry::startedAt)
                    .or(() -> ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()));
            rows.add(new String[]{name, Long.toString(pid), alive ? since.map(CLOCK::format).orElse("?") : "-",
                    entry == null ? "0" : Integer.toString(entry.restarts()),
                    ready(name, alive, entry, urls.get(name))});
        }
        if (rows.size() == 1) {
            return "no fleet is running in " + stateDir + ": start it with ./factory up";
        }
        return columns(rows);
    }

    private static String ready(String name, boolean alive, SupervisorState.Entry entry, String url) {
        if (!alive) {
            return name.equals(PidFile.SUPERVISOR) ? "no: not running (./factory up starts it again)" : "no: exited";
        }
        if (entry != null && entry.starting()) {
            return "no: starting again";
        }
        if (url == null) {
            return "yes";
        }
        return IntakeClient.answers(URI.create(url).resolve("/q/health/ready")) ? "yes" : "no";
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
