ALTER TABLE "export_jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;
ALTER TABLE "export_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;
