ALTER TABLE "import_jobs" ADD COLUMN "received_from" timestamp with time zone;
ALTER TABLE "import_jobs" ADD COLUMN "received_to" timestamp with time zone;
