-- Every incident the monitor raised, one row per ladder step, updated as it is remediated, healed or superseded.
-- The ladders are rebuilt from these rows when the monitor restarts.
create table incident (
    id               varchar(36)  primary key,
    spec             varchar(40)  not null,
    version          integer      not null,
    attempt          integer      not null,
    kind             varchar(20)  not null,
    action           varchar(20)  not null,
    evidence         text         not null,
    ladder_step      integer      not null,
    status           varchar(20)  not null,
    first_failure_at timestamptz  not null,
    detected_at      timestamptz  not null,
    remediated_at    timestamptz,
    healed_at        timestamptz
);
create index incident_spec_version on incident (spec, version);
create index incident_detected_at on incident (detected_at);

-- The deployment watched per spec, so a restarted monitor probes it before any new deployment event arrives.
create table watched_deployment (
    spec              varchar(40)   primary key,
    version           integer       not null,
    attempt           integer       not null,
    url               varchar(300)  not null,
    slo_availability  numeric(7, 4) not null,
    slo_latency_p99ms integer       not null,
    last_good_version integer
);

-- The pipeline stage of each spec's newest version and when it got there: what stuck detection looks at.
create table stage_progress (
    spec       varchar(40) primary key,
    version    integer     not null,
    stage      varchar(20) not null,
    changed_at timestamptz not null,
    terminal   boolean     not null
);
