-- A retry starts a new round of a failed version: its budgets count from the round's start, not the version's.
alter table version_budget
    add column round_start_attempt   integer not null default 0,
    add column tokens_at_round_start bigint  not null default 0,
    add column retries               integer not null default 0;

-- The code of every failed attempt: a repair that writes the same code again cannot change the outcome.
create table failed_attempt (
    name          varchar(40) not null,
    version       integer     not null,
    attempt       integer     not null,
    source_digest varchar(71) not null,
    primary key (name, version, attempt)
);
