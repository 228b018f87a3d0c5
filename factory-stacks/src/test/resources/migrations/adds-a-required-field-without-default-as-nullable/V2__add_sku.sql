-- shop version 2
-- field Item.sku is required but has no default for the rows already stored: the column is nullable, and writes are checked by Bean Validation
ALTER TABLE "item" ADD COLUMN IF NOT EXISTS "sku" text;
