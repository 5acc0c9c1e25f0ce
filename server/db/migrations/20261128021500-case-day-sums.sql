-- Daily tallies of the cases (analytics pre-aggregation), kept exact by triggers on `cases` in the same
-- transaction as every change. Three shapes, one table:
--   1 — tenant × local day of receipt × topic × settlement  (heat map, signals)
--   2 — tenant × day × channel × regime × fast track         (dashboard, indicators)
--   3 — tenant × day × recipient                              (rating)
--   4 — tenant × day × topic × sub-topic × settlement × locality (drill-down: sub-topics × localities)
-- The tallies are those of server/modules/analytics/case-sums.ts with «now» at infinity: overdue_n
-- counts an open case with a due date as overdue and fast_n counts every fast-track case with a
-- mark; the readers subtract the cases whose due instants are still ahead (a few, through indexes).
CREATE TABLE "case_day_sums" (
  "id" bigserial PRIMARY KEY NOT NULL,
  "shape" smallint NOT NULL,
  "tenant_id" uuid NOT NULL,
  "day" date NOT NULL,
  "topic_id" uuid,
  "settlement_id" uuid,
  "channel" text,
  "regime" text,
  "fast_track" boolean,
  "recipient_id" uuid,
  "subtopic_id" uuid,
  "locality_id" uuid,
  "n" integer DEFAULT 0 NOT NULL,
  "due_n" integer DEFAULT 0 NOT NULL,
  "overdue_n" integer DEFAULT 0 NOT NULL,
  "answered_due_n" integer DEFAULT 0 NOT NULL,
  "in_time_n" integer DEFAULT 0 NOT NULL,
  "answered_n" integer DEFAULT 0 NOT NULL,
  "answer_seconds" numeric DEFAULT 0 NOT NULL,
  "rated_n" integer DEFAULT 0 NOT NULL,
  "rating_sum" integer DEFAULT 0 NOT NULL,
  "rating45_n" integer DEFAULT 0 NOT NULL,
  "fast_n" integer DEFAULT 0 NOT NULL,
  "fast_in_time_n" integer DEFAULT 0 NOT NULL,
  "returned_n" integer DEFAULT 0 NOT NULL,
  "repeat_n" integer DEFAULT 0 NOT NULL,
  "routed_n" integer DEFAULT 0 NOT NULL,
  "auto_n" integer DEFAULT 0 NOT NULL
);
-- NULL is «не указано»: one row per key, NULLs included.
CREATE UNIQUE INDEX "case_day_sums_key" ON "case_day_sums" USING btree ("shape","tenant_id","day","topic_id","settlement_id","channel","regime","fast_track","recipient_id","subtopic_id","locality_id") NULLS NOT DISTINCT;
CREATE INDEX "case_day_sums_read_idx" ON "case_day_sums" USING btree ("tenant_id","shape","day");
-- Open statuses, as domain/cases/status.ts OPEN_STATUSES (a test compares the two).
CREATE FUNCTION case_status_open(status text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT status IN ('received','registered','assigned','in_work','interim_answered','answer_prepared','under_review','returned','reopened')
$$;
-- The rows that changed how they count: `delta` is a relation of (sign, case columns…).
CREATE FUNCTION case_day_sums_sql(delta text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO case_day_sums AS s (shape, tenant_id, day, topic_id, settlement_id, channel, regime, fast_track, recipient_id, subtopic_id, locality_id,
      n, due_n, overdue_n, answered_due_n, in_time_n, answered_n, answer_seconds, rated_n, rating_sum, rating45_n,
      fast_n, fast_in_time_n, returned_n, repeat_n, routed_n, auto_n)
    SELECT CASE WHEN GROUPING(d.subtopic_id) = 0 THEN 4 WHEN GROUPING(d.topic_id) = 0 THEN 1 WHEN GROUPING(d.channel) = 0 THEN 2 ELSE 3 END,
      d.tenant_id, d.day, d.topic_id, d.settlement_id, d.channel, d.regime, d.fast_track, d.recipient_id, d.subtopic_id, d.locality_id,
      sum(d.sign), sum(d.sign * d.due), sum(d.sign * d.overdue), sum(d.sign * d.answered_due), sum(d.sign * d.in_time),
      sum(d.sign * d.answered), sum(d.sign * d.seconds), sum(d.sign * d.rated), sum(d.sign * d.rating), sum(d.sign * d.rating45),
      sum(d.sign * d.fast), sum(d.sign * d.fast_in_time), sum(d.sign * d.returned), sum(d.sign * d.repeat), sum(d.sign * d.routed), sum(d.sign * d.auto)
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
        (x.recipient_id IS NOT NULL AND coalesce(x.auto_routed, false))::int AS auto
      FROM (%s) x JOIN tenants t ON t.id = x.tenant_id
    ) d
    GROUP BY GROUPING SETS ((d.tenant_id, d.day, d.topic_id, d.settlement_id), (d.tenant_id, d.day, d.channel, d.regime, d.fast_track), (d.tenant_id, d.day, d.recipient_id),
      (d.tenant_id, d.day, d.topic_id, d.subtopic_id, d.settlement_id, d.locality_id))
    HAVING sum(d.sign) <> 0 OR sum(d.sign * d.due) <> 0 OR sum(d.sign * d.overdue) <> 0 OR sum(d.sign * d.answered_due) <> 0
      OR sum(d.sign * d.in_time) <> 0 OR sum(d.sign * d.answered) <> 0 OR sum(d.sign * d.seconds) <> 0 OR sum(d.sign * d.rated) <> 0
      OR sum(d.sign * d.rating) <> 0 OR sum(d.sign * d.rating45) <> 0 OR sum(d.sign * d.fast) <> 0 OR sum(d.sign * d.fast_in_time) <> 0
      OR sum(d.sign * d.returned) <> 0 OR sum(d.sign * d.repeat) <> 0 OR sum(d.sign * d.routed) <> 0 OR sum(d.sign * d.auto) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (shape, tenant_id, day, topic_id, settlement_id, channel, regime, fast_track, recipient_id, subtopic_id, locality_id) DO UPDATE SET
      n = s.n + EXCLUDED.n, due_n = s.due_n + EXCLUDED.due_n, overdue_n = s.overdue_n + EXCLUDED.overdue_n,
      answered_due_n = s.answered_due_n + EXCLUDED.answered_due_n, in_time_n = s.in_time_n + EXCLUDED.in_time_n,
      answered_n = s.answered_n + EXCLUDED.answered_n, answer_seconds = s.answer_seconds + EXCLUDED.answer_seconds,
      rated_n = s.rated_n + EXCLUDED.rated_n, rating_sum = s.rating_sum + EXCLUDED.rating_sum, rating45_n = s.rating45_n + EXCLUDED.rating45_n,
      fast_n = s.fast_n + EXCLUDED.fast_n, fast_in_time_n = s.fast_in_time_n + EXCLUDED.fast_in_time_n,
      returned_n = s.returned_n + EXCLUDED.returned_n, repeat_n = s.repeat_n + EXCLUDED.repeat_n,
      routed_n = s.routed_n + EXCLUDED.routed_n, auto_n = s.auto_n + EXCLUDED.auto_n
  $q$, delta)
$f$;
-- The columns a case counts by; an UPDATE that changes none of them changes no tally.
CREATE FUNCTION case_day_sums_changed() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '(n.tenant_id, n.received_at, n.topic_id, n.subtopic_id, n.settlement_id, n.locality_id, n.channel, n.regime, n.fast_track, n.recipient_id, n.answer_due, n.answered_at, n.status, n.paused_since, n.rating, n.fast_track_due, n.returns_count, n.reopen_count, n.auto_routed)'
    || ' IS DISTINCT FROM '
    || '(o.tenant_id, o.received_at, o.topic_id, o.subtopic_id, o.settlement_id, o.locality_id, o.channel, o.regime, o.fast_track, o.recipient_id, o.answer_due, o.answered_at, o.status, o.paused_since, o.rating, o.fast_track_due, o.returns_count, o.reopen_count, o.auto_routed)'
$$;
-- One trigger function per event with the statement written in (plpgsql then keeps its plan per session;
-- EXECUTE would plan it again at every statement on `cases`).
DO $do$
BEGIN
  EXECUTE format($f$CREATE FUNCTION case_day_sums_on_insert() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT 1 AS sign, n.* FROM case_day_sums_new n'));
  EXECUTE format($f$CREATE FUNCTION case_day_sums_on_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT -1 AS sign, o.* FROM case_day_sums_old o'));
  EXECUTE format($f$CREATE FUNCTION case_day_sums_on_update() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $b$ BEGIN %s; RETURN NULL; END $b$$f$,
    case_day_sums_sql('SELECT 1 AS sign, n.* FROM case_day_sums_new n JOIN case_day_sums_old o ON o.id = n.id WHERE ' || case_day_sums_changed()
      || ' UNION ALL SELECT -1 AS sign, o.* FROM case_day_sums_old o JOIN case_day_sums_new n ON n.id = o.id WHERE ' || case_day_sums_changed()));
END
$do$;
CREATE TRIGGER case_day_sums_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS case_day_sums_new FOR EACH STATEMENT EXECUTE FUNCTION case_day_sums_on_insert();
CREATE TRIGGER case_day_sums_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS case_day_sums_old NEW TABLE AS case_day_sums_new FOR EACH STATEMENT EXECUTE FUNCTION case_day_sums_on_update();
CREATE TRIGGER case_day_sums_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS case_day_sums_old FOR EACH STATEMENT EXECUTE FUNCTION case_day_sums_on_delete();
-- A municipality's time zone decides its local days: when it changes, its tallies are counted again.
CREATE FUNCTION case_day_sums_rezone() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM case_day_sums WHERE tenant_id = NEW.id;
  EXECUTE case_day_sums_sql(format('SELECT 1 AS sign, c.* FROM cases c WHERE c.tenant_id = %L', NEW.id));
  RETURN NULL;
END
$$;
CREATE TRIGGER case_day_sums_rezone AFTER UPDATE OF time_zone ON tenants FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION case_day_sums_rezone();
-- The cases already there.
DO $$ BEGIN EXECUTE case_day_sums_sql('SELECT 1 AS sign, c.* FROM cases c'); END $$;
