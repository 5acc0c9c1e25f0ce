CREATE TABLE "export_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"format" text NOT NULL,
	"params" jsonb NOT NULL,
	"with_pd" boolean DEFAULT false NOT NULL,
	"purpose" text,
	"status" text NOT NULL,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"file_name" text,
	"file" "bytea",
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
CREATE TABLE "indicator_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"period_code" text NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"rows" jsonb NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"file_name" text,
	"file" "bytea"
);
CREATE TABLE "report_note_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
CREATE TABLE "report_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"weekly_code" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"addressee" text DEFAULT '' NOT NULL,
	"signer" text DEFAULT '' NOT NULL,
	"conclusions" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"versions" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "export_jobs" ADD CONSTRAINT "export_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "indicator_reports" ADD CONSTRAINT "indicator_reports_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "report_note_versions" ADD CONSTRAINT "report_note_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "report_note_versions" ADD CONSTRAINT "report_note_versions_note_id_report_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."report_notes"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "report_note_versions" ADD CONSTRAINT "report_note_versions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "report_notes" ADD CONSTRAINT "report_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "report_notes" ADD CONSTRAINT "report_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE INDEX "export_jobs_user_idx" ON "export_jobs" USING btree ("user_id","created_at");
CREATE INDEX "export_jobs_status_idx" ON "export_jobs" USING btree ("status");
CREATE UNIQUE INDEX "indicator_reports_uq" ON "indicator_reports" USING btree ("tenant_id","period_code");
CREATE UNIQUE INDEX "report_note_versions_uq" ON "report_note_versions" USING btree ("note_id","version");
CREATE UNIQUE INDEX "report_notes_weekly_uq" ON "report_notes" USING btree ("tenant_id","weekly_code");
CREATE INDEX "report_notes_tenant_idx" ON "report_notes" USING btree ("tenant_id","period_from");
