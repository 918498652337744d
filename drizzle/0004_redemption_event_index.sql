DROP INDEX "redemptions_chain_tx";--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "event_index" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_chain_tx_event" ON "redemptions" USING btree ("chain","tx_hash","event_index");