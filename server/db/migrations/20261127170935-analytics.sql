CREATE TABLE "analytics_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"period" text NOT NULL,
	"target_value" double precision,
	"target_direction" text NOT NULL,
	"set_by" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "analytics_signal_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"signal_key" text NOT NULL,
	"reason" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "analytics_indicators" ADD CONSTRAINT "analytics_indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "analytics_indicators" ADD CONSTRAINT "analytics_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "analytics_signal_dismissals" ADD CONSTRAINT "analytics_signal_dismissals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "analytics_signal_dismissals" ADD CONSTRAINT "analytics_signal_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE UNIQUE INDEX "analytics_indicators_tenant_code_uq" ON "analytics_indicators" USING btree ("tenant_id","code");
CREATE UNIQUE INDEX "analytics_signal_dismissals_uq" ON "analytics_signal_dismissals" USING btree ("tenant_id","signal_key");
