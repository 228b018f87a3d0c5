-- shop version 2
CREATE TABLE IF NOT EXISTS "shelf" (
    "id" uuid PRIMARY KEY,
    "_created" bigserial NOT NULL,
    "label" text NOT NULL
);
