-- shop version 2
ALTER TABLE "item" ADD COLUMN IF NOT EXISTS "reorder_at" bigint DEFAULT 5 NOT NULL;
