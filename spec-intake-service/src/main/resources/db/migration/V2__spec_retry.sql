-- Every retry of a failed version, asked for over REST. `published` is the outbox flag, as for spec_version: the
-- retry is committed with its timeline entry first and announced on factory.specs.accepted after.
create table spec_retry (
    id           bigserial primary key,
    name         varchar(40)  not null,
    version      integer      not null,
    retry        integer      not null,
    event        text         not null,
    requested_at timestamptz  not null,
    published    boolean      not null default false,
    constraint spec_retry_version_retry unique (name, version, retry)
);
create index spec_retry_unpublished on spec_retry (id) where not published;
