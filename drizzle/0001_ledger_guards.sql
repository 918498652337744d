-- Ledger guards: the database itself enforces the custody-ledger rules, so no code path
-- (a bug, a hand-written query, a second service) can unbalance or rewrite the books.
-- Every refusal raises SQLSTATE P0001 with a stable `fiscus:<rule>` marker at the start of
-- its message; packages/ledger/src/journal/errors.ts maps the markers to FiscusError codes.

-- Only the two commodities the ledger knows about (fund units; USD micro-dollars).
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_commodity_check" CHECK ("commodity" IN ('units', 'usd'));
--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_commodity_check" CHECK ("commodity" IN ('units', 'usd'));
--> statement-breakpoint

-- 1. Balanced entries, checked at COMMIT (postings of one entry arrive one row at a time).
CREATE FUNCTION "fiscus_assert_entry_balanced"(p_entry bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  bad record;
BEGIN
  SELECT count(*) INTO n FROM "postings" WHERE "entry_id" = p_entry;
  IF n < 2 THEN
    RAISE EXCEPTION 'fiscus:unbalanced_entry entry % has % posting(s); at least 2 are required', p_entry, n
      USING ERRCODE = 'P0001';
  END IF;
  SELECT "commodity", sum("amount") AS total INTO bad
    FROM "postings" WHERE "entry_id" = p_entry
    GROUP BY "commodity" HAVING sum("amount") <> 0
    ORDER BY "commodity" LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'fiscus:unbalanced_entry entry % does not balance: % postings sum to %', p_entry, bad.commodity, bad.total
      USING ERRCODE = 'P0001';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "fiscus_postings_balanced_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fiscus_assert_entry_balanced"(NEW."entry_id");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "fiscus_entry_has_postings_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "fiscus_assert_entry_balanced"(NEW."id");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Deferred: inserting the first posting must not fail before its counter-posting arrives.
-- postEntry runs SET CONSTRAINTS … IMMEDIATE to surface a refusal inside its own savepoint.
CREATE CONSTRAINT TRIGGER "ledger_entry_balanced" AFTER INSERT ON "postings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fiscus_postings_balanced_trg"();
--> statement-breakpoint
-- An entry with no postings at all fires no posting trigger: check it from the entry side too.
CREATE CONSTRAINT TRIGGER "ledger_entry_has_postings" AFTER INSERT ON "journal_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fiscus_entry_has_postings_trg"();
--> statement-breakpoint

-- 2. Account balances follow their postings; a posting must match its account and entry.
CREATE FUNCTION "fiscus_apply_posting_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  acct_commodity text;
  acct_fund text;
  entry_fund text;
BEGIN
  UPDATE "ledger_accounts" SET "balance" = "balance" + NEW."amount"
    WHERE "id" = NEW."account_id"
    RETURNING "commodity", "fund_id" INTO acct_commodity, acct_fund;
  SELECT "fund_id" INTO entry_fund FROM "journal_entries" WHERE "id" = NEW."entry_id";
  IF acct_commodity IS DISTINCT FROM NEW."commodity" THEN
    RAISE EXCEPTION 'fiscus:posting_mismatch posting commodity % differs from account % commodity %', NEW."commodity", NEW."account_id", acct_commodity
      USING ERRCODE = 'P0001';
  END IF;
  IF acct_fund IS DISTINCT FROM entry_fund THEN
    RAISE EXCEPTION 'fiscus:posting_mismatch account % belongs to fund %, entry % to fund %', NEW."account_id", acct_fund, NEW."entry_id", entry_fund
      USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_apply_posting" AFTER INSERT ON "postings"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_apply_posting_trg"();
--> statement-breakpoint
-- The balance column is a cache of Σ postings: only the posting trigger (depth > 1) may move it,
-- and an account's identity never changes once postings point at it.
CREATE FUNCTION "fiscus_account_guard_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- New accounts open at zero: a balance is never written, only accumulated.
    IF NEW."balance" <> 0 THEN
      RAISE EXCEPTION 'fiscus:account_guard account % must open with balance 0', NEW."code" USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."id" <> OLD."id" OR NEW."fund_id" <> OLD."fund_id" OR NEW."code" <> OLD."code" OR NEW."commodity" <> OLD."commodity" THEN
    RAISE EXCEPTION 'fiscus:account_guard account % identity is immutable', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  IF NEW."balance" <> OLD."balance" AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'fiscus:account_guard account % balance only changes through postings', OLD."id" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_account_guard" BEFORE INSERT OR UPDATE ON "ledger_accounts"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_account_guard_trg"();
--> statement-breakpoint
-- 3. Append-only history: corrections are new rows (reversing entries), never edits.
CREATE FUNCTION "fiscus_append_only_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fiscus:append_only % on % refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "postings_append_only" BEFORE UPDATE OR DELETE ON "postings"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "postings_no_truncate" BEFORE TRUNCATE ON "postings"
  FOR EACH STATEMENT EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "journal_entries_append_only" BEFORE UPDATE OR DELETE ON "journal_entries"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "journal_entries_no_truncate" BEFORE TRUNCATE ON "journal_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "operation_events_append_only" BEFORE UPDATE OR DELETE ON "operation_events"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint
CREATE TRIGGER "operation_events_no_truncate" BEFORE TRUNCATE ON "operation_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "fiscus_append_only_trg"();
--> statement-breakpoint

-- 4. Audit chain shape. Hashes are recomputed in TS (canonical JSON); the database makes sure
-- each row links to its predecessor so concurrent writers cannot fork the chain, and that `at`
-- has millisecond precision (what a JS Date carries) so the hash recomputes from the row.
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_at_millis" CHECK ("at" = date_trunc('milliseconds', "at"));
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_hash_hex" CHECK ("hash" ~ '^[0-9a-f]{64}$' AND "prev_hash" ~ '^[0-9a-f]{64}$');
--> statement-breakpoint
CREATE FUNCTION "fiscus_audit_link_trg"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev text;
BEGIN
  IF NEW."seq" = 1 THEN
    prev := repeat('0', 64);
  ELSE
    SELECT "hash" INTO prev FROM "audit_log" WHERE "seq" = NEW."seq" - 1;
  END IF;
  IF prev IS DISTINCT FROM NEW."prev_hash" THEN
    RAISE EXCEPTION 'fiscus:audit_chain row % does not link to the chain head', NEW."seq" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_link" BEFORE INSERT ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "fiscus_audit_link_trg"();
