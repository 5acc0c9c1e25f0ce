-- Answer times of «Инцидент Менеджмент» in working time, stored per case and summed like any tally.
--
-- A municipality's working time (production calendar, its schedule, lunch, shortened days, its zone)
-- is kept as sorted spans with the working seconds before each (`work_spans`, written by
-- server/modules/analytics/work-timeline.ts from domain/deadlines). The working seconds between two
-- instants are W(to) − W(from), W found by one index lookup. A trigger fills the two columns of an
-- incident case when it is received or answered; the day sums add them up (shape 2 keeps the
-- channel), so the dashboard reads them instead of computing working time per case per request.
CREATE TABLE "work_timelines" (
  "tenant_id" uuid PRIMARY KEY NOT NULL,
  "signature" text NOT NULL,
  "covers_from" timestamp with time zone NOT NULL,
  "covers_to" timestamp with time zone NOT NULL,
  "built_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "work_spans" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "tenant_id" uuid NOT NULL,
  "starts_at" timestamp with time zone NOT NULL,
  "ends_at" timestamp with time zone NOT NULL,
  "seconds_before" bigint NOT NULL
);
CREATE UNIQUE INDEX "work_spans_key" ON "work_spans" USING btree ("tenant_id","starts_at");
ALTER TABLE "work_spans" ADD CONSTRAINT "work_spans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "work_timelines" ADD CONSTRAINT "work_timelines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "cases" ADD COLUMN "answer_work_seconds" integer;
ALTER TABLE "cases" ADD COLUMN "first_answer_work_seconds" integer;

-- Working seconds from the start of the timeline to `at`; NULL outside the years the calendar covers.
CREATE FUNCTION work_seconds_at(tenant uuid, at timestamptz) RETURNS double precision LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  tl record;
  w double precision;
BEGIN
  IF at IS NULL THEN RETURN NULL; END IF;
  SELECT covers_from, covers_to INTO tl FROM work_timelines WHERE tenant_id = tenant;
  IF NOT FOUND OR at < tl.covers_from OR at >= tl.covers_to THEN RETURN NULL; END IF;
  SELECT s.seconds_before + least(greatest(extract(epoch FROM at - s.starts_at), 0), extract(epoch FROM s.ends_at - s.starts_at)) INTO w
    FROM work_spans s WHERE s.tenant_id = tenant AND s.starts_at <= at ORDER BY s.starts_at DESC LIMIT 1;
  RETURN coalesce(w, 0);
END
$$;
-- Whole working seconds between two instants of a municipality (NULL when either is unknown or uncovered).
CREATE FUNCTION work_seconds_between(tenant uuid, since timestamptz, till timestamptz) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT round(work_seconds_at(tenant, till) - work_seconds_at(tenant, since))::int
$$;
-- Only «Инцидент Менеджмент» has a norm in working hours; other channels keep NULL.
CREATE FUNCTION cases_work_seconds() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.channel = 'incident' THEN
    NEW.answer_work_seconds := work_seconds_between(NEW.tenant_id, NEW.received_at, NEW.answered_at);
    NEW.first_answer_work_seconds := work_seconds_between(NEW.tenant_id, NEW.received_at, NEW.first_answered_at);
  ELSE
    NEW.answer_work_seconds := NULL;
    NEW.first_answer_work_seconds := NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER cases_work_seconds_insert BEFORE INSERT ON cases FOR EACH ROW
  WHEN (NEW.channel = 'incident' OR NEW.answer_work_seconds IS NOT NULL OR NEW.first_answer_work_seconds IS NOT NULL)
  EXECUTE FUNCTION cases_work_seconds();
CREATE TRIGGER cases_work_seconds_update BEFORE UPDATE ON cases FOR EACH ROW
  WHEN ((NEW.tenant_id, NEW.channel, NEW.received_at, NEW.answered_at, NEW.first_answered_at) IS DISTINCT FROM (OLD.tenant_id, OLD.channel, OLD.received_at, OLD.answered_at, OLD.first_answered_at))
  EXECUTE FUNCTION cases_work_seconds();

-- The analytics covering index carries the two columns (a scan with filters the day sums cannot apply
-- stays index-only); the index of answer times by channel had no other reader.
DROP INDEX IF EXISTS "cases_answer_times_idx";
DROP INDEX IF EXISTS "cases_analytics_cover_idx";
CREATE INDEX "cases_analytics_cover_idx" ON "cases" USING btree ("tenant_id","received_at") INCLUDE ("id","channel","regime","status","topic_id","settlement_id","recipient_id","answer_due","answered_at","closed_at","paused_since","rating","fast_track","fast_track_due","returns_count","reopen_count","auto_routed","answer_work_seconds","first_answer_work_seconds");

-- The day sums get four tallies: incidents answered / first answered with a known working time, and
-- the sums of those working seconds.
ALTER TABLE "case_day_sums" ADD COLUMN "work_answered_n" integer DEFAULT 0 NOT NULL;
ALTER TABLE "case_day_sums" ADD COLUMN "answer_work_seconds" bigint DEFAULT 0 NOT NULL;
ALTER TABLE "case_day_sums" ADD COLUMN "work_first_n" integer DEFAULT 0 NOT NULL;
ALTER TABLE "case_day_sums" ADD COLUMN "first_answer_work_seconds" bigint DEFAULT 0 NOT NULL;

CREATE OR REPLACE FUNCTION case_day_sums_sql(delta text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO case_day_sums AS s (shape, tenant_id, day, topic_id, settlement_id, channel, regime, fast_track, recipient_id, subtopic_id, locality_id,
      n, due_n, overdue_n, answered_due_n, in_time_n, answered_n, answer_seconds, rated_n, rating_sum, rating45_n,
      fast_n, fast_in_time_n, returned_n, repeat_n, routed_n, auto_n, work_answered_n, answer_work_seconds, work_first_n, first_answer_work_seconds)
    SELECT CASE WHEN GROUPING(d.subtopic_id) = 0 THEN 4 WHEN GROUPING(d.topic_id) = 0 THEN 1 WHEN GROUPING(d.channel) = 0 THEN 2 ELSE 3 END,
      d.tenant_id, d.day, d.topic_id, d.settlement_id, d.channel, d.regime, d.fast_track, d.recipient_id, d.subtopic_id, d.locality_id,
      sum(d.sign), sum(d.sign * d.due), sum(d.sign * d.overdue), sum(d.sign * d.answered_due), sum(d.sign * d.in_time),
      sum(d.sign * d.answered), sum(d.sign * d.seconds), sum(d.sign * d.rated), sum(d.sign * d.rating), sum(d.sign * d.rating45),
      sum(d.sign * d.fast), sum(d.sign * d.fast_in_time), sum(d.sign * d.returned), sum(d.sign * d.repeat), sum(d.sign * d.routed), sum(d.sign * d.auto),
      sum(d.sign * d.work_answered), sum(d.sign * d.answer_work), sum(d.sign * d.work_first), sum(d.sign * d.first_work)
    FROM (
      SELECT x.sign, x.tenant_id, (x.received_at AT TIME ZONE t.time_zone)::date AS day,
        x.topic_id, x.settlement_id, x.channel, x.regime, x.fast_track, x.recipient_id, x.subtopic_id, x.locality_id,
        (x.answer_due IS NOT NULL AND (x.answered_at IS NOT NULL OR case_status_open(x.status)))::int AS due,
        (coalesce(x.answered_at > x.answer_due, false) OR (case_status_open(x.status) AND x.paused_since IS NULL AND x.answer_due IS NOT NULL))::int AS overdue,
        (x.answered_at IS NOT NULL AND x.answer_due IS NOT NULL)::int AS answered_due,
        coalesce(x.answered_at <= x.answer_due, false)::int AS in_time,
        (x.answered_at IS NOT NULL)::int AS answered,
        coalesce(extract(epoch FROM x.answered_at - x.received_at), 0) AS seconds,
        (x.rating IS NOT NULL)::int AS rated,
        coalesce(x.rating, 0)::int AS rating,
        coalesce(x.rating >= 4, false)::int AS rating45,
        (coalesce(x.fast_track, false) AND x.fast_track_due IS NOT NULL)::int AS fast,
        coalesce(x.fast_track AND x.answered_at <= x.fast_track_due, false)::int AS fast_in_time,
        (x.answered_at IS NOT NULL AND coalesce(x.returns_count > 0, false))::int AS returned,
        coalesce(x.reopen_count > 0, false)::int AS repeat,
        (x.recipient_id IS NOT NULL)::int AS routed,
        (x.recipient_id IS NOT NULL AND coalesce(x.auto_routed, false))::int AS auto,
        (x.answer_work_seconds IS NOT NULL)::int AS work_answered,
        coalesce(x.answer_work_seconds, 0)::bigint AS answer_work,
        (x.first_answer_work_seconds IS NOT NULL)::int AS work_first,
        coalesce(x.first_answer_work_seconds, 0)::bigint AS first_work
      FROM (%s) x JOIN tenants t ON t.id = x.tenant_id
    ) d
    GROUP BY GROUPING SETS ((d.tenant_id, d.day, d.topic_id, d.settlement_id), (d.tenant_id, d.day, d.channel, d.regime, d.fast_track), (d.tenant_id, d.day, d.recipient_id),
      (d.tenant_id, d.day, d.topic_id, d.subtopic_id, d.settlement_id, d.locality_id))
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.due) <> 0 OR sum(d.sign * d.overdue) <> 0 OR sum(d.sign * d.answered_due) <> 0
      OR sum(d.sign * d.in_time) <> 0 OR sum(d.sign * d.answered) <> 0 OR sum(d.sign * d.seconds) <> 0 OR sum(d.sign * d.rated) <> 0
      OR sum(d.sign * d.rating) <> 0 OR sum(d.sign * d.rating45) <> 0 OR sum(d.sign * d.fast) <> 0 OR sum(d.sign * d.fast_in_time) <> 0
      OR sum(d.sign * d.returned) <> 0 OR sum(d.sign * d.repeat) <> 0 OR sum(d.sign * d.routed) <> 0 OR sum(d.sign * d.auto) <> 0
      OR sum(d.sign * d.work_answered) <> 0 OR sum(d.sign * d.answer_work) <> 0 OR sum(d.sign * d.work_first) <> 0 OR sum(d.sign * d.first_work) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (shape, tenant_id, day, topic_id, settlement_id, channel, regime, fast_track, recipient_id, subtopic_id, locality_id) DO UPDATE SET
      n = s.n + EXCLUDED.n, due_n = s.due_n + EXCLUDED.due_n, overdue_n = s.overdue_n + EXCLUDED.overdue_n,
      answered_due_n = s.answered_due_n + EXCLUDED.answered_due_n, in_time_n = s.in_time_n + EXCLUDED.in_time_n,
      answered_n = s.answered_n + EXCLUDED.answered_n, answer_seconds = s.answer_seconds + EXCLUDED.answer_seconds,
      rated_n = s.rated_n + EXCLUDED.rated_n, rating_sum = s.rating_sum + EXCLUDED.rating_sum, rating45_n = s.rating45_n + EXCLUDED.rating45_n,
      fast_n = s.fast_n + EXCLUDED.fast_n, fast_in_time_n = s.fast_in_time_n + EXCLUDED.fast_in_time_n,
      returned_n = s.returned_n + EXCLUDED.returned_n, repeat_n = s.repeat_n + EXCLUDED.repeat_n,
      routed_n = s.routed_n + EXCLUDED.routed_n, auto_n = s.auto_n + EXCLUDED.auto_n,
      work_answered_n = s.work_answered_n + EXCLUDED.work_answered_n, answer_work_seconds = s.answer_work_seconds + EXCLUDED.answer_work_seconds,
      work_first_n = s.work_first_n + EXCLUDED.work_first_n, first_answer_work_seconds = s.first_answer_work_seconds + EXCLUDED.first_answer_work_seconds
  $q$, delta)
$f$;
CREATE OR REPLACE FUNCTION case_day_sums_changed() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '(n.tenant_id, n.received_at, n.topic_id, n.subtopic_id, n.settlement_id, n.locality_id, n.channel, n.regime, n.fast_track, n.recipient_id, n.answer_due, n.answered_at, n.status, n.paused_since, n.rating, n.fast_track_due, n.returns_count, n.reopen_count, n.auto_routed, n.answer_work_seconds, n.first_answer_work_seconds)'
    || ' IS DISTINCT FROM '
    || '(o.tenant_id, o.received_at, o.topic_id, o.subtopic_id, o.settlement_id, o.locality_id, o.channel, o.regime, o.fast_track, o.recipient_id, o.answer_due, o.answered_at, o.status, o.paused_since, o.rating, o.fast_track_due, o.returns_count, o.reopen_count, o.auto_routed, o.answer_work_seconds, o.first_answer_work_seconds)'
$$;
DO $do$
BEGIN
  EXECUTE format($f$CREATE OR REPLACE FUNCTION case_day_sums_on_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT 1 AS sign, n.* FROM case_day_sums_new n'));
  EXECUTE format($f$CREATE OR REPLACE FUNCTION case_day_sums_on_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT -1 AS sign, o.* FROM case_day_sums_old o'));
  EXECUTE format($f$CREATE OR REPLACE FUNCTION case_day_sums_on_update() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT 1 AS sign, n.* FROM case_day_sums_new n JOIN case_day_sums_old o ON o.id = n.id WHERE ' || case_day_sums_changed()
      || ' UNION ALL SELECT -1 AS sign, o.* FROM case_day_sums_old o JOIN case_day_sums_new n ON n.id = o.id WHERE ' || case_day_sums_changed()));
END
$do$;
-- No case has working seconds yet (the timelines are written by the application at start), so the
-- stored tallies stay right: the new columns are 0 everywhere.
