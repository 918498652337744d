CREATE TABLE "sep8_approvals" (
	"tx_hash" text PRIMARY KEY NOT NULL,
	"fund_id" text NOT NULL,
	"chain" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"response" jsonb NOT NULL,
	"approved_hash" text,
	"approved_sequence" text,
	"valid_until" timestamp with time zone,
	"state" text NOT NULL,
	"transfers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funds" ADD COLUMN "stellar_sep8" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sep8_approvals" ADD CONSTRAINT "sep8_approvals_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sep8_approvals_open" ON "sep8_approvals" USING btree ("fund_id","state");--> statement-breakpoint
CREATE INDEX "sep8_approvals_approved_hash" ON "sep8_approvals" USING btree ("approved_hash");