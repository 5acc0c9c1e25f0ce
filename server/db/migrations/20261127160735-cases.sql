CREATE TABLE "case_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"completion_date" text,
	"author_id" uuid,
	"state" text NOT NULL,
	"review_criteria" text[],
	"review_comment" text,
	"reviewer_id" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "case_applicants" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"full_name" text,
	"email" text,
	"phone" text,
	"postal_address" text,
	"social_profile" text,
	"reply_by" text,
	"consent_at" timestamp with time zone
);
CREATE TABLE "case_co_executors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL
);
CREATE TABLE "case_counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL
);
CREATE TABLE "case_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"answer_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "case_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"related_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "case_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"reason" text NOT NULL
);
CREATE TABLE "case_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"number" text NOT NULL,
	"regime" text NOT NULL,
	"channel" text NOT NULL,
	"source_id" text,
	"source_url" text,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone,
	"status" text NOT NULL,
	"text" text NOT NULL,
	"topic_id" uuid,
	"subtopic_id" uuid,
	"settlement_id" uuid,
	"locality_id" uuid,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"recipient_id" uuid,
	"executor_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"fast_track" boolean DEFAULT false NOT NULL,
	"routing_reason" text,
	"auto_routed" boolean DEFAULT false NOT NULL,
	"registration_due" timestamp with time zone,
	"forwarding_due" timestamp with time zone,
	"interim_due" timestamp with time zone,
	"answer_due" timestamp with time zone,
	"answer_at_risk_from" timestamp with time zone,
	"answer_due_original" timestamp with time zone,
	"fast_track_due" timestamp with time zone,
	"extension_days" integer,
	"extension_reason" text,
	"paused_since" timestamp with time zone,
	"first_answered_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" smallint,
	"rated_at" timestamp with time zone,
	"rating_comment" text,
	"returns_count" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"duplicate_of_id" uuid,
	"forwarded_to" text,
	"status_reason" text,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"external_status" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian', coalesce("text", '') || ' ' || coalesce("address", '') || ' ' || coalesce("number", ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"default_regime" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
CREATE TABLE "deadline_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"regime" text NOT NULL,
	"channel" text,
	"topic_id" uuid,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"amount" double precision NOT NULL,
	"shift_to_working_day" boolean DEFAULT false NOT NULL,
	"at_risk_unit" text NOT NULL,
	"at_risk_amount" double precision NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"emailed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "pd_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid,
	"case_id" uuid,
	"action" text NOT NULL,
	"purpose" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "case_answers" ADD CONSTRAINT "case_answers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_answers" ADD CONSTRAINT "case_answers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_answers" ADD CONSTRAINT "case_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_answers" ADD CONSTRAINT "case_answers_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_applicants" ADD CONSTRAINT "case_applicants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_applicants" ADD CONSTRAINT "case_applicants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_co_executors" ADD CONSTRAINT "case_co_executors_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_co_executors" ADD CONSTRAINT "case_co_executors_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_answer_id_case_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."case_answers"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_related_case_id_cases_id_fk" FOREIGN KEY ("related_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_pauses" ADD CONSTRAINT "case_pauses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "case_tokens" ADD CONSTRAINT "case_tokens_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_subtopic_id_topics_id_fk" FOREIGN KEY ("subtopic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_settlement_id_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."settlements"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "cases" ADD CONSTRAINT "cases_executor_id_users_id_fk" FOREIGN KEY ("executor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "channels" ADD CONSTRAINT "channels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
CREATE INDEX "case_answers_case_idx" ON "case_answers" USING btree ("case_id");
CREATE UNIQUE INDEX "case_co_executors_uq" ON "case_co_executors" USING btree ("case_id","recipient_id");
CREATE UNIQUE INDEX "case_counters_uq" ON "case_counters" USING btree ("tenant_id","year");
CREATE INDEX "case_files_case_idx" ON "case_files" USING btree ("case_id");
CREATE UNIQUE INDEX "case_links_uq" ON "case_links" USING btree ("case_id","related_case_id");
CREATE INDEX "case_links_related_idx" ON "case_links" USING btree ("related_case_id");
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id");
CREATE INDEX "case_pauses_case_idx" ON "case_pauses" USING btree ("case_id");
CREATE UNIQUE INDEX "case_tokens_hash_uq" ON "case_tokens" USING btree ("token_hash");
CREATE UNIQUE INDEX "cases_tenant_number_uq" ON "cases" USING btree ("tenant_id","number");
CREATE UNIQUE INDEX "cases_tenant_source_uq" ON "cases" USING btree ("tenant_id","channel","source_id");
CREATE INDEX "cases_tenant_received_idx" ON "cases" USING btree ("tenant_id","received_at" DESC NULLS LAST,"id");
CREATE INDEX "cases_tenant_status_idx" ON "cases" USING btree ("tenant_id","status","received_at" DESC NULLS LAST);
CREATE INDEX "cases_tenant_recipient_idx" ON "cases" USING btree ("tenant_id","recipient_id","received_at" DESC NULLS LAST);
CREATE INDEX "cases_tenant_topic_idx" ON "cases" USING btree ("tenant_id","topic_id","received_at" DESC NULLS LAST);
CREATE INDEX "cases_tenant_settlement_idx" ON "cases" USING btree ("tenant_id","settlement_id","received_at" DESC NULLS LAST);
CREATE INDEX "cases_executor_idx" ON "cases" USING btree ("executor_id","answer_due");
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("tenant_id","answer_due") WHERE status NOT IN ('answered','closed','forwarded','merged','rejected');
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search");
CREATE UNIQUE INDEX "channels_tenant_code_uq" ON "channels" USING btree ("tenant_id","code");
CREATE INDEX "deadline_rules_tenant_idx" ON "deadline_rules" USING btree ("tenant_id","regime","kind");
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at");
CREATE UNIQUE INDEX "notifications_dedup_uq" ON "notifications" USING btree ("user_id","case_id","kind");
CREATE INDEX "pd_access_log_case_idx" ON "pd_access_log" USING btree ("case_id");
CREATE INDEX "pd_access_log_tenant_at_idx" ON "pd_access_log" USING btree ("tenant_id","at");
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("user_id");
