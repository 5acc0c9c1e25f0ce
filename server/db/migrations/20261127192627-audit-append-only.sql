-- The audit trail and the personal-data access log are append-only at the database level: any
-- UPDATE, DELETE or TRUNCATE is refused by a trigger, whatever the role (a superuser too, unless it
-- drops the trigger, which is itself a schema change outside the application).
CREATE OR REPLACE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Журнал % только дополняется: изменять и удалять записи запрещено', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER pd_access_log_append_only BEFORE UPDATE OR DELETE ON pd_access_log FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER pd_access_log_no_truncate BEFORE TRUNCATE ON pd_access_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
