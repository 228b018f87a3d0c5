-- shop version 2
ALTER TABLE "item" ALTER COLUMN "stock" TYPE numeric USING "stock"::numeric;
