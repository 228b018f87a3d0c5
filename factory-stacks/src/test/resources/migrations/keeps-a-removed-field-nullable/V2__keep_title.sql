-- shop version 2
-- field Item.title was removed from the spec: its column is kept with its values, never dropped, and is nullable so new rows can leave it empty
ALTER TABLE "item" ALTER COLUMN "title" DROP NOT NULL;
