CREATE TABLE "pd_destruction_acts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" text NOT NULL,
	"destroyed_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"total" integer NOT NULL,
	"act_docx" "bytea" NOT NULL,
	"log_xlsx" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "pd_retention_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"applicant_months" integer NOT NULL,
	"quarantine_months" integer NOT NULL,
	"access_log_months" integer NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"operator_address" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "pd_destruction_acts" ADD CONSTRAINT "pd_destruction_acts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "pd_retention_policies" ADD CONSTRAINT "pd_retention_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
CREATE UNIQUE INDEX "pd_destruction_acts_number_uq" ON "pd_destruction_acts" USING btree ("tenant_id","number");
CREATE INDEX "pd_destruction_acts_tenant_idx" ON "pd_destruction_acts" USING btree ("tenant_id","destroyed_at");
CREATE UNIQUE INDEX "pd_retention_policies_tenant_uq" ON "pd_retention_policies" USING btree ("tenant_id");
-- The personal-data access log stays append-only, with one exception the database itself checks:
-- the retention job (which sets mcu.pd_retention in its transaction) may delete entries older than
-- 3 years (приказ Роскомнадзора № 179). Nothing else can update, delete or truncate either journal.
CREATE OR REPLACE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'pd_access_log' AND current_setting('mcu.pd_retention', true) = 'on'
     AND OLD.at < now() - interval '3 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Журнал % только дополняется: изменять и удалять записи запрещено', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
