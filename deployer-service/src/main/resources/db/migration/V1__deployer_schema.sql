-- Every start of every version of every spec, and how it ended: the deployment history. A row is written when its
-- version serves and updated once when it stops serving (replaced, restarted, rolled back, stopped, crashed); a
-- version that never became ready is one FAILED row with the evidence.
create table deployment (
    id              varchar(36)  primary key,
    spec            varchar(40)  not null,
    version         integer      not null,
    attempt         integer      not null,
    artifact_digest varchar(71)  not null,
    slo             text,
    pid             bigint,
    private_port    integer,
    stable_port     integer,
    url             varchar(300),
    state           varchar(20)  not null,
    cause           varchar(300),
    detail          text,
    started_at      timestamptz  not null,
    stopped_at      timestamptz
);
create index deployment_spec on deployment (spec, started_at);

-- Per spec: the row behind its stable URL now, the rollback target, and the stable port (allocated once).
create table spec_deployment (
    spec        varchar(40) primary key,
    current_id  varchar(36) references deployment (id),
    previous_id varchar(36) references deployment (id),
    stable_port integer
);

-- Incidents already acted on, so a replayed incident restarts nothing twice.
create table handled_incident (
    incident_id varchar(100) primary key,
    handled_at  timestamptz  not null
);
