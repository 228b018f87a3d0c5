-- What model calls cost, beside their tokens: a version's cost budget is checked before every plan, like its tokens.
alter table version_budget
    add column cost_used_usd          numeric(14, 6) not null default 0,
    add column cost_at_round_start_usd numeric(14, 6) not null default 0;
