CREATE TABLE "attestations" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"payload" text NOT NULL,
	"body" jsonb NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"ok" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nav_publications" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"round" bigint NOT NULL,
	"nav_value" bigint NOT NULL,
	"nav_scale" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL,
	"previous_id" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "nav_settings" (
	"fund_id" text PRIMARY KEY NOT NULL,
	"max_move_bps" integer NOT NULL,
	"min_interval_seconds" integer NOT NULL,
	"stale_after_seconds" integer NOT NULL,
	"enforce_reserves" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_allocations" (
	"distribution_id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"investor_id" text NOT NULL,
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"position" bigint NOT NULL,
	"units" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"operation_id" text,
	"batch_item" integer,
	CONSTRAINT "distribution_allocations_distribution_id_wallet_id_pk" PRIMARY KEY("distribution_id","wallet_id")
);
--> statement-breakpoint
CREATE TABLE "distribution_carry" (
	"fund_id" text PRIMARY KEY NOT NULL,
	"units" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"record_time" timestamp with time zone NOT NULL,
	"requested_units" bigint,
	"rate_per_unit" text,
	"state" text NOT NULL,
	"units" bigint,
	"carry_in" bigint,
	"carry_out" bigint,
	"held_units" bigint,
	"holders" integer,
	"withheld_units" bigint,
	"returned_units" bigint,
	"snapshot_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"last_error" jsonb,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconcile_schedule" (
	"deployment_id" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unmatched_chain_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"deployment_id" text NOT NULL,
	"chain" text NOT NULL,
	"tx_hash" text NOT NULL,
	"block" bigint NOT NULL,
	"log_index" integer NOT NULL,
	"kind" text NOT NULL,
	"from_address" text,
	"to_address" text,
	"units" bigint NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "cash_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"account" text NOT NULL,
	"direction" text NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text NOT NULL,
	"counterparty" text NOT NULL,
	"entry_id" bigint,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custody_lots" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"cusip" text NOT NULL,
	"custodian" text NOT NULL,
	"face_value" bigint NOT NULL,
	"purchase_price" bigint NOT NULL,
	"settlement_date" date NOT NULL,
	"maturity_date" date NOT NULL,
	"cash_account" text NOT NULL,
	"status" text NOT NULL,
	"purchase_entry_id" bigint,
	"maturity_entry_id" bigint,
	"rolled_from" text,
	"rolled_into" text,
	"matured_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"redemption_id" text NOT NULL,
	"investor_id" text,
	"amount" bigint NOT NULL,
	"cash_account" text NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"entry_id" bigint,
	"reference" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_settings" (
	"fund_id" text PRIMARY KEY NOT NULL,
	"min_redemption_usd" bigint DEFAULT 0 NOT NULL,
	"daily_liquidity_usd" bigint,
	"payout_account" text DEFAULT 'subscriptions' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"investor_id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"chain" text NOT NULL,
	"usd_in" bigint NOT NULL,
	"units" bigint NOT NULL,
	"cost" bigint NOT NULL,
	"remainder" bigint NOT NULL,
	"nav_value" bigint NOT NULL,
	"nav_scale" integer NOT NULL,
	"rule" text NOT NULL,
	"operation_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_halts" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"reason" text NOT NULL,
	"detail" jsonb NOT NULL,
	"operation_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" text
);
--> statement-breakpoint
CREATE TABLE "move_rate_limits" (
	"fund_id" text NOT NULL,
	"chain" text NOT NULL,
	"direction" text NOT NULL,
	"capacity" bigint,
	"level" bigint DEFAULT 0 NOT NULL,
	"refilled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "move_rate_limits_fund_id_chain_direction_pk" PRIMARY KEY("fund_id","chain","direction")
);
--> statement-breakpoint
CREATE TABLE "moves" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"investor_id" text NOT NULL,
	"from_chain" text NOT NULL,
	"from_address" text NOT NULL,
	"from_wallet_id" text NOT NULL,
	"to_chain" text NOT NULL,
	"to_address" text NOT NULL,
	"to_wallet_id" text NOT NULL,
	"units" bigint NOT NULL,
	"state" text NOT NULL,
	"burn_operation_id" text,
	"mint_operation_id" text,
	"compensation_operation_id" text,
	"error" jsonb,
	"requested_by" text NOT NULL,
	"queued_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "l1_provisions" (
	"id" text PRIMARY KEY NOT NULL,
	"evm_chain_id" integer NOT NULL,
	"step" text NOT NULL,
	"subnet_id" text,
	"blockchain_id" text,
	"conversion_id" text,
	"config" jsonb NOT NULL,
	"record" jsonb,
	"error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "state" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "nav_value" bigint;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "nav_scale" integer;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "nav_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "usd" bigint;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "burn_operation_id" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "burned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nav_publications" ADD CONSTRAINT "nav_publications_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nav_settings" ADD CONSTRAINT "nav_settings_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_allocations" ADD CONSTRAINT "distribution_allocations_distribution_id_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."distributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_allocations" ADD CONSTRAINT "distribution_allocations_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_allocations" ADD CONSTRAINT "distribution_allocations_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_carry" ADD CONSTRAINT "distribution_carry_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_schedule" ADD CONSTRAINT "reconcile_schedule_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_chain_events" ADD CONSTRAINT "unmatched_chain_events_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_chain_events" ADD CONSTRAINT "unmatched_chain_events_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custody_lots" ADD CONSTRAINT "custody_lots_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD CONSTRAINT "redemption_payouts_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_settings" ADD CONSTRAINT "redemption_settings_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_investor_id_investors_id_fk" FOREIGN KEY ("investor_id") REFERENCES "public"."investors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_halts" ADD CONSTRAINT "fund_halts_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "move_rate_limits" ADD CONSTRAINT "move_rate_limits_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moves" ADD CONSTRAINT "moves_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attestations_fund" ON "attestations" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "nav_publications_fund_round" ON "nav_publications" USING btree ("fund_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "nav_publications_previous" ON "nav_publications" USING btree ("previous_id") WHERE "nav_publications"."previous_id" is not null;--> statement-breakpoint
CREATE INDEX "distribution_allocations_op" ON "distribution_allocations" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "distributions_fund" ON "distributions" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE INDEX "distributions_state" ON "distributions" USING btree ("state","record_time");--> statement-breakpoint
CREATE UNIQUE INDEX "unmatched_chain_events_tx" ON "unmatched_chain_events" USING btree ("chain","tx_hash","log_index");--> statement-breakpoint
CREATE INDEX "unmatched_chain_events_fund" ON "unmatched_chain_events" USING btree ("fund_id","chain","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cash_movements_reference" ON "cash_movements" USING btree ("fund_id","account","reference");--> statement-breakpoint
CREATE INDEX "custody_lots_fund" ON "custody_lots" USING btree ("fund_id","status","maturity_date");--> statement-breakpoint
CREATE UNIQUE INDEX "redemption_payouts_redemption" ON "redemption_payouts" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "redemption_payouts_day" ON "redemption_payouts" USING btree ("fund_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_operation" ON "subscriptions" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "subscriptions_fund" ON "subscriptions" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE INDEX "fund_halts_fund" ON "fund_halts" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_halts_open" ON "fund_halts" USING btree ("fund_id") WHERE "fund_halts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "moves_fund" ON "moves" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE INDEX "moves_state" ON "moves" USING btree ("state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "l1_provisions_evm_chain_id" ON "l1_provisions" USING btree ("evm_chain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "l1_provisions_subnet_id" ON "l1_provisions" USING btree ("subnet_id") WHERE "l1_provisions"."subnet_id" is not null;--> statement-breakpoint
CREATE INDEX "l1_provisions_step" ON "l1_provisions" USING btree ("step");--> statement-breakpoint
CREATE INDEX "redemptions_queue" ON "redemptions" USING btree ("fund_id","state","created_at");