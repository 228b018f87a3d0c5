-- Specs taken out of service, and the newest version each retirement covers: a verdict or a remediation for a covered
-- version that arrives after the retirement (another topic, so in no order with it) deploys nothing. A version above
-- it (the spec applied again, a new version from the intake) deploys as usual. One row per spec: a later retirement
-- only ever raises the version, so a redelivered one changes nothing.
create table spec_retirement (
    spec       varchar(40)  primary key,
    version    integer      not null,
    request_id varchar(100),
    retired_at timestamptz  not null
);
