-- The stack each version was built on: a restart, a rollback or a re-adoption starts a quarkus product with its
-- database. Every row from before quarkus products existed is a jdk-http product's.
alter table deployment add column stack varchar(20) not null default 'jdk-http';

-- The database and role each quarkus product (by spec name) owns in the products' PostgreSQL, made on its first
-- deploy and never dropped by the deployer (not on a redeploy, a rollback, nor a retirement: the data is the user's).
-- The role's password is generated once and kept here, so every later start, and the next deployer, reuse it.
create table product_database (
    spec          varchar(40)  primary key,
    database_name varchar(63)  not null,
    role_name     varchar(63)  not null,
    password      varchar(100) not null,
    created_at    timestamptz  not null
);
