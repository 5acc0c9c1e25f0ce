-- Case materials (text, address, files, answers, notes) get their own retention term (5 years after closing).
ALTER TABLE "pd_retention_policies" ADD COLUMN "materials_months" integer DEFAULT 60 NOT NULL;
-- Both journals stay append-only, with two exceptions the database itself checks, both only inside the
-- retention job's transaction (it alone sets mcu.pd_retention): it may delete access-log entries older than
-- 3 years (приказ Роскомнадзора № 179), and it may remove keys from the before/after snapshots of audit
-- events (personal data quoted from an expired case). The new snapshot must be contained in the old one
-- and every other column unchanged, so an audit event can lose data but never gain or change any.
CREATE OR REPLACE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: plpgsql prepares a condition only when it reaches it, and NEW/OLD differ per table.
  IF current_setting('mcu.pd_retention', true) = 'on' AND TG_LEVEL = 'ROW' THEN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'pd_access_log' THEN
      IF OLD.at < now() - interval '3 years' THEN
        RETURN OLD;
      END IF;
    ELSIF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_events' THEN
      IF (to_jsonb(NEW) - 'before' - 'after') = (to_jsonb(OLD) - 'before' - 'after')
         AND (NEW.before IS NOT DISTINCT FROM OLD.before OR NEW.before <@ OLD.before)
         AND (NEW.after IS NOT DISTINCT FROM OLD.after OR NEW.after <@ OLD.after) THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'Журнал % только дополняется: изменять и удалять записи запрещено', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
