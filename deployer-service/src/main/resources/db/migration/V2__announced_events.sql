-- The ids of the DeploymentCompleted events already on the topic: a redelivered verdict for what already runs is
-- announced again only if the deployer died between starting the product and publishing the news.
create table announced_event (
    event_id     varchar(100) primary key,
    announced_at timestamptz  not null
);
