package dev.gigafactory.monitor.repository;

import dev.gigafactory.monitor.domain.StageProgress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "stage_progress")
public class StageProgressRow {

    @Id
    public String spec;
    public int version;
    public String stage;
    @Column(name = "changed_at")
    public Instant changedAt;
    public boolean terminal;

    static StageProgressRow of(StageProgress progress) {
        StageProgressRow row = new StageProgressRow();
        row.spec = progress.spec();
        row.version = progress.version();
        row.stage = progress.stage();
        row.changedAt = progress.changedAt();
        row.terminal = progress.terminal();
        return row;
    }

    StageProgress progress() {
        return new StageProgress(spec, version, stage, changedAt, terminal);
    }
}
