-- Pending batches no longer carry their deltas: the writing process holds them in memory, and any
-- other folder sums the batch's events again. A batch left by the previous version (token '', no
-- bounds) is found by its transaction time alone, so nothing it counted is lost.
ALTER TABLE "pending_batches" ADD COLUMN "token" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "pending_batches" ADD COLUMN "from_ts" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pending_batches" ADD COLUMN "to_ts" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pending_batches" DROP COLUMN "deltas";
--> statement-breakpoint
-- Ingest checks the price-book version it priced a batch under with every batch: a function is
-- compiled once per connection, where a DO block was compiled every time.
CREATE FUNCTION cut_assert_pricebook_version(priced_under text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce((SELECT value::text FROM settings WHERE key = 'pricebook_version'), '0') <> priced_under THEN
    RAISE EXCEPTION 'the price book changed while the batch was priced' USING ERRCODE = 'CUT01';
  END IF;
END $$;
--> statement-breakpoint
-- Histograms (int[] bucket counts) added position by position, for the rollup merge: a loop over
-- the shorter one costs about half of unnesting both and building the array again, on every row.
CREATE FUNCTION cut_add_histograms(a integer[], b integer[]) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  sum integer[];
BEGIN
  IF cardinality(a) >= cardinality(b) THEN
    sum := a;
    FOR i IN 1 .. cardinality(b) LOOP sum[i] := sum[i] + b[i]; END LOOP;
  ELSE
    sum := b;
    FOR i IN 1 .. cardinality(a) LOOP sum[i] := sum[i] + a[i]; END LOOP;
  END IF;
  RETURN sum;
END $$;
