-- The code of every attempt that passed the gate: the next version's incremental plan keeps from it what it does not
-- touch.
create table passed_attempt (
    name          varchar(40) not null,
    version       integer     not null,
    attempt       integer     not null,
    source_digest varchar(71) not null,
    primary key (name, version, attempt)
);
