-- shop version 1
CREATE TABLE IF NOT EXISTS "order_line" (
    "id" uuid PRIMARY KEY,
    "_created" bigserial NOT NULL,
    "note" text DEFAULT 'it''s fine',
    "amount" numeric NOT NULL,
    "count" bigint DEFAULT 1,
    "gift" boolean DEFAULT FALSE,
    "due" date DEFAULT DATE '2024-01-31',
    "at" timestamp with time zone,
    "ref" uuid,
    "size" text DEFAULT 'm'
);
CREATE TABLE IF NOT EXISTS "shelf" (
    "id" uuid PRIMARY KEY,
    "_created" bigserial NOT NULL,
    "label" text NOT NULL
);
