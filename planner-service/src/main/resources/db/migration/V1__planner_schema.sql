-- Every accepted spec version, so repairs and remediations are planned from the stored document, not the event's.
create table spec_version (
    id          bigserial primary key,
    name        varchar(40) not null,
    version     integer     not null,
    digest      varchar(71) not null,
    document    text        not null,
    changes     text        not null,
    accepted_at timestamptz not null,
    constraint spec_version_name_version unique (name, version)
);

-- Every plan made. One plan per attempt of a version: a stale or duplicated request for an attempt finds it there.
create table plan (
    id         bigserial primary key,
    name       varchar(40)   not null,
    version    integer       not null,
    attempt    integer       not null,
    kind       varchar(20)   not null,
    tasks      text          not null,
    reason     varchar(4000) not null,
    event_id   varchar(100)  not null,
    created_at timestamptz   not null,
    constraint plan_attempt unique (name, version, attempt)
);

-- What each version has spent, and whether it ran out. A row exists once a version is planned, spent or abandoned.
create table version_budget (
    name             varchar(40)   not null,
    version          integer       not null,
    tokens_used      bigint        not null default 0,
    abandoned_budget varchar(20),
    abandoned_reason varchar(4000),
    primary key (name, version)
);

-- Input events already handled, recorded in the same transaction as their effect: a redelivery changes nothing.
create table processed_event (
    event_id     varchar(100) primary key,
    processed_at timestamptz  not null
);

-- Events decided but maybe not yet on the broker: written with the decision, sent after commit, relayed at start.
create table outbox (
    id          bigserial primary key,
    event_id    varchar(100) not null,
    ce_type     varchar(100) not null,
    payload     text         not null,
    traceparent varchar(100),
    published   boolean      not null default false,
    created_at  timestamptz  not null,
    constraint outbox_event unique (event_id)
);
create index outbox_unpublished on outbox (id) where not published;
