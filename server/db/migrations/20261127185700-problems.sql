CREATE TABLE "measure_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "measure_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "poll_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL
);
CREATE TABLE "polls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"platform" text NOT NULL,
	"settlement_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"problem_id" uuid,
	"participants" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "practice_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"problem_id" uuid,
	"roadmap_id" uuid
);
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_id" uuid,
	"source" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "problem_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_id" uuid,
	"settlement_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"signal_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
CREATE TABLE "roadmap_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"topic_id" uuid,
	"settlement_id" uuid,
	"due_on" date NOT NULL,
	"responsible_id" uuid NOT NULL,
	"recipient_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"reminded_week_at" timestamp with time zone,
	"reminded_day_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "roadmaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"block_id" uuid,
	"problem_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "measure_files" ADD CONSTRAINT "measure_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "measure_files" ADD CONSTRAINT "measure_files_measure_id_roadmap_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."roadmap_measures"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "measure_files" ADD CONSTRAINT "measure_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "measure_notes" ADD CONSTRAINT "measure_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "measure_notes" ADD CONSTRAINT "measure_notes_measure_id_roadmap_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."roadmap_measures"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "measure_notes" ADD CONSTRAINT "measure_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "poll_questions" ADD CONSTRAINT "poll_questions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "poll_questions" ADD CONSTRAINT "poll_questions_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "polls" ADD CONSTRAINT "polls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "polls" ADD CONSTRAINT "polls_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "polls" ADD CONSTRAINT "polls_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "polls" ADD CONSTRAINT "polls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practice_links" ADD CONSTRAINT "practice_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practice_links" ADD CONSTRAINT "practice_links_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practice_links" ADD CONSTRAINT "practice_links_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practice_links" ADD CONSTRAINT "practice_links_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practices" ADD CONSTRAINT "practices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practices" ADD CONSTRAINT "practices_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "practices" ADD CONSTRAINT "practices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problem_cases" ADD CONSTRAINT "problem_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problem_cases" ADD CONSTRAINT "problem_cases_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problem_cases" ADD CONSTRAINT "problem_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problem_cases" ADD CONSTRAINT "problem_cases_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problems" ADD CONSTRAINT "problems_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problems" ADD CONSTRAINT "problems_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problems" ADD CONSTRAINT "problems_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmap_measures" ADD CONSTRAINT "roadmap_measures_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_block_id_topic_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."topic_blocks"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE INDEX "measure_files_measure_idx" ON "measure_files" USING btree ("measure_id");
CREATE INDEX "measure_notes_measure_idx" ON "measure_notes" USING btree ("measure_id");
CREATE UNIQUE INDEX "poll_questions_uq" ON "poll_questions" USING btree ("poll_id","position");
CREATE INDEX "polls_tenant_idx" ON "polls" USING btree ("tenant_id","starts_on");
CREATE INDEX "polls_problem_idx" ON "polls" USING btree ("problem_id");
CREATE INDEX "practice_links_practice_idx" ON "practice_links" USING btree ("practice_id");
CREATE INDEX "practice_links_problem_idx" ON "practice_links" USING btree ("problem_id");
CREATE INDEX "practice_links_roadmap_idx" ON "practice_links" USING btree ("roadmap_id");
CREATE INDEX "practices_tenant_idx" ON "practices" USING btree ("tenant_id");
CREATE UNIQUE INDEX "problem_cases_uq" ON "problem_cases" USING btree ("problem_id","case_id");
CREATE INDEX "problem_cases_case_idx" ON "problem_cases" USING btree ("case_id");
CREATE INDEX "problems_tenant_status_idx" ON "problems" USING btree ("tenant_id","status");
CREATE INDEX "problems_tenant_topic_idx" ON "problems" USING btree ("tenant_id","topic_id","settlement_id");
CREATE INDEX "roadmap_measures_roadmap_idx" ON "roadmap_measures" USING btree ("roadmap_id");
CREATE INDEX "roadmap_measures_tenant_due_idx" ON "roadmap_measures" USING btree ("tenant_id","status","due_on");
CREATE INDEX "roadmaps_tenant_idx" ON "roadmaps" USING btree ("tenant_id");
CREATE INDEX "roadmaps_problem_idx" ON "roadmaps" USING btree ("problem_id");
