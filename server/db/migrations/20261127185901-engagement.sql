CREATE TABLE "engagement_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"report_text" text,
	"reported_at" timestamp with time zone,
	"region_comment" text,
	"decided_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_conflict_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"audience" text,
	"settlement_ids" uuid[] NOT NULL,
	"post_text" text NOT NULL,
	"public_text" text NOT NULL,
	"sms_text" text,
	"publish_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_page_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"period" text NOT NULL,
	"publications" integer NOT NULL,
	"reach" integer NOT NULL,
	"engagement" integer NOT NULL,
	"comments" integer NOT NULL,
	"comments_answered" integer NOT NULL,
	"last_post_on" date,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"network" text NOT NULL,
	"url" text NOT NULL,
	"name" text NOT NULL,
	"owner_recipient_id" uuid NOT NULL,
	"responsible" text,
	"confirmed" boolean DEFAULT false NOT NULL,
	"widget" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"link" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"municipality_id" uuid,
	"title" text NOT NULL,
	"body" text,
	"issued_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "engagement_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"silence_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_settings_tenant_id_unique" UNIQUE("tenant_id")
);
CREATE TABLE "engagement_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "engagement_assignments" ADD CONSTRAINT "engagement_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_assignments" ADD CONSTRAINT "engagement_assignments_task_id_engagement_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."engagement_tasks"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_conflict_reviews" ADD CONSTRAINT "engagement_conflict_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_conflict_reviews" ADD CONSTRAINT "engagement_conflict_reviews_answer_id_case_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."case_answers"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_conflict_reviews" ADD CONSTRAINT "engagement_conflict_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_files" ADD CONSTRAINT "engagement_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_files" ADD CONSTRAINT "engagement_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_notices" ADD CONSTRAINT "engagement_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_notices" ADD CONSTRAINT "engagement_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_page_activity" ADD CONSTRAINT "engagement_page_activity_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_page_activity" ADD CONSTRAINT "engagement_page_activity_page_id_engagement_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."engagement_pages"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_pages" ADD CONSTRAINT "engagement_pages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_pages" ADD CONSTRAINT "engagement_pages_owner_recipient_id_recipients_id_fk" FOREIGN KEY ("owner_recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_publications" ADD CONSTRAINT "engagement_publications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_publications" ADD CONSTRAINT "engagement_publications_notice_id_engagement_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."engagement_notices"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_publications" ADD CONSTRAINT "engagement_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_recommendations" ADD CONSTRAINT "engagement_recommendations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_recommendations" ADD CONSTRAINT "engagement_recommendations_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_recommendations" ADD CONSTRAINT "engagement_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_settings" ADD CONSTRAINT "engagement_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_tasks" ADD CONSTRAINT "engagement_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "engagement_tasks" ADD CONSTRAINT "engagement_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE UNIQUE INDEX "engagement_assignments_uq" ON "engagement_assignments" USING btree ("task_id","tenant_id");
CREATE INDEX "engagement_assignments_open_idx" ON "engagement_assignments" USING btree ("tenant_id") WHERE status IN ('new','accepted','returned');
CREATE UNIQUE INDEX "engagement_conflict_reviews_uq" ON "engagement_conflict_reviews" USING btree ("tenant_id","answer_id");
CREATE INDEX "engagement_files_owner_idx" ON "engagement_files" USING btree ("owner_kind","owner_id");
CREATE INDEX "engagement_notices_tenant_valid_idx" ON "engagement_notices" USING btree ("tenant_id","valid_until");
CREATE UNIQUE INDEX "engagement_page_activity_uq" ON "engagement_page_activity" USING btree ("page_id","period");
CREATE UNIQUE INDEX "engagement_pages_tenant_url_uq" ON "engagement_pages" USING btree ("tenant_id","url");
CREATE INDEX "engagement_pages_owner_idx" ON "engagement_pages" USING btree ("owner_recipient_id");
CREATE UNIQUE INDEX "engagement_publications_uq" ON "engagement_publications" USING btree ("notice_id","channel");
-- Built-in roles of existing installations get the new permission (fresh ones get it from seedRoles).
UPDATE "roles" SET "permissions" = array_append("permissions", 'engagement.manage') WHERE "built_in" AND "code" IN ('head', 'pos_coordinator') AND NOT ('engagement.manage' = ANY("permissions"));
