-- What the console shows beyond the stage: test verdicts with every step, deployments (releases, restarts, rollbacks),
-- incidents and the ledger's tokens and cost. One row per pipeline event, keyed by its ce_id, so a replayed event
-- changes nothing. `data` is the event's JSON (a test verdict without the spec document it repeats).
create table spec_fact (
    event_id varchar(100) primary key,
    name     varchar(40)  not null,
    version  integer      not null,
    attempt  integer      not null,
    kind     varchar(20)  not null,
    at       timestamptz  not null,
    data     text         not null
);
create index spec_fact_spec on spec_fact (name, at, event_id);
