-- Every accepted version of every spec. `published` is the outbox flag: a version is committed first and announced
-- on factory.specs.accepted after, so a crash in between is repaired at start-up instead of losing the event.
create table spec_version (
    id          bigserial primary key,
    name        varchar(40)  not null,
    version     integer      not null,
    digest      varchar(71)  not null,
    document    text         not null,
    changes     text         not null,
    source      varchar(300) not null,
    accepted_at timestamptz  not null,
    published   boolean      not null default false,
    constraint spec_version_name_version unique (name, version)
);
create index spec_version_unpublished on spec_version (id) where not published;

-- Every rejected document, with the problems found and where it came from.
create table spec_rejection (
    id          bigserial primary key,
    name        varchar(40),
    source_id   varchar(300) not null,
    event       text         not null,
    rejected_at timestamptz  not null,
    published   boolean      not null default false,
    constraint spec_rejection_source unique (source_id)
);

-- The status read model: the current stage of each spec version (version 0 holds rejections of never-accepted names).
create table spec_status (
    name       varchar(40)  not null,
    version    integer      not null,
    stage      varchar(20)  not null,
    url        varchar(300),
    updated_at timestamptz  not null,
    primary key (name, version)
);
create index spec_status_stage on spec_status (stage);

-- The timeline: one row per stage change, keyed by the event that caused it, so a replayed event changes nothing.
create table stage_change (
    id         bigserial primary key,
    name       varchar(40)  not null,
    version    integer      not null,
    stage      varchar(20)  not null,
    at         timestamptz  not null,
    event_id   varchar(100) not null,
    event_type varchar(100) not null,
    detail     varchar(2000),
    constraint stage_change_event unique (event_id, stage)
);
create index stage_change_spec on stage_change (name, version, id);
