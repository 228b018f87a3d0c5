-- shop version 2
ALTER TABLE "item" ALTER COLUMN "stock" SET DEFAULT 0;
UPDATE "item" SET "stock" = 0 WHERE "stock" IS NULL;
ALTER TABLE "item" ALTER COLUMN "stock" SET NOT NULL;
