CREATE TABLE "operation_approvals" (
	"operation_id" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"hash" text NOT NULL,
	"approvers" jsonb NOT NULL,
	"threshold" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"sequence_key" text NOT NULL,
	"sequence" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_signatures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operation_id" text NOT NULL,
	"hash" text NOT NULL,
	"signer" text NOT NULL,
	"signature" text NOT NULL,
	"posted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_chains" (
	"fund_id" text NOT NULL,
	"chain" text NOT NULL,
	"treasury_address" text,
	"payouts_blocked" boolean DEFAULT false NOT NULL,
	"blocked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_chains_fund_id_chain_pk" PRIMARY KEY("fund_id","chain")
);
--> statement-breakpoint
CREATE TABLE "stablecoin_reconciliations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stablecoin_reconciliations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"fund_id" text NOT NULL,
	"chain" text NOT NULL,
	"on_chain_usd" bigint NOT NULL,
	"ledger_usd" bigint NOT NULL,
	"in_flight_usd" bigint DEFAULT 0 NOT NULL,
	"result" text NOT NULL,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscription_quotes" (
	"id" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"chain" text NOT NULL,
	"investor_id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"address" text NOT NULL,
	"units" bigint NOT NULL,
	"usd" bigint NOT NULL,
	"nav_value" bigint NOT NULL,
	"nav_scale" integer NOT NULL,
	"tx_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "payout_chain" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "payout_address" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "payout_wallet_id" text;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD COLUMN "chain" text;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD COLUMN "wallet_id" text;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD COLUMN "operation_id" text;--> statement-breakpoint
ALTER TABLE "redemption_payouts" ADD COLUMN "held_reason" jsonb;--> statement-breakpoint
ALTER TABLE "operation_approvals" ADD CONSTRAINT "operation_approvals_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_signatures" ADD CONSTRAINT "operation_signatures_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_chains" ADD CONSTRAINT "settlement_chains_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stablecoin_reconciliations" ADD CONSTRAINT "stablecoin_reconciliations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_quotes" ADD CONSTRAINT "subscription_quotes_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operation_signatures_once" ON "operation_signatures" USING btree ("operation_id","hash","signer");--> statement-breakpoint
CREATE INDEX "operation_signatures_op" ON "operation_signatures" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "stablecoin_reconciliations_fund" ON "stablecoin_reconciliations" USING btree ("fund_id","chain","created_at");--> statement-breakpoint
CREATE INDEX "subscription_quotes_tx" ON "subscription_quotes" USING btree ("tx_hash");