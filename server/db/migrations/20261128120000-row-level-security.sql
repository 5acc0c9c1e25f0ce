-- Row-level security under the application's own tenant filters (SECURITY.md, «Изоляция на уровне
-- PostgreSQL»). Inside a request every statement runs in a transaction that first sets the role
-- mcu_app and app.read_tenants / app.write_tenants, all local to it (server/db/request-scope.ts);
-- the table owner (migrations, jobs, seeding, backup, the session lookup) is not subject to the
-- policies (no FORCE ROW LEVEL SECURITY).

-- Roles are cluster-wide and many databases (tests) migrate at once: create it idempotently and
-- tolerate the race with a concurrent migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mcu_app') THEN
    BEGIN
      CREATE ROLE mcu_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'mcu_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT mcu_app TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role(current_user, 'mcu_app', 'MEMBER') THEN RAISE; END IF;
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO mcu_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mcu_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO mcu_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO mcu_app;
-- Tables created by later migrations get the same privileges; their policy is one call (below).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mcu_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO mcu_app;
-- The journals only grow under mcu_app: the retention job's exceptions (the append-only trigger) run
-- as the owner, also when a request starts it (/api/pd-retention/run, asOwner).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM mcu_app;
REVOKE UPDATE, DELETE, TRUNCATE ON pd_access_log FROM mcu_app;
-- Nothing the application role needs to change here.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM mcu_app;

-- The tenants a request may read / write: a uuid[] set per transaction (set_config(..., true)).
-- A municipality reads its own rows and its region's (recommendations, tasks); a region reads its
-- own and its municipalities'. Writes: a municipality its own, a region its own and its
-- municipalities'. Unset → empty → no row.
CREATE OR REPLACE FUNCTION mcu_tenants(setting text) RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting(setting, true), ''), '{}')::uuid[]
$$;

-- The list is read through a scalar subquery: PostgreSQL computes it once per statement (an InitPlan)
-- instead of parsing the setting for every row it filters (a year's GROUP BY over 100 000 cases: the
-- inlined call cost as much again as the scan).
-- ENABLE row-level security on a table with tenant_id and (re)create its policies. A later
-- migration adding such a table calls: SELECT mcu_tenant_rls('new_table');
-- insert_tenants: the setting new rows are checked against (a message to the region is written
-- by a municipality: notifications take the read set).
CREATE OR REPLACE FUNCTION mcu_tenant_rls(tbl regclass, insert_tenants text DEFAULT 'app.write_tenants') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_read ON %s', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_insert ON %s', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_update ON %s', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_delete ON %s', tbl);
  EXECUTE format('CREATE POLICY tenant_read ON %s FOR SELECT TO mcu_app USING (tenant_id = ANY ((SELECT mcu_tenants(%L))::uuid[]))', tbl, 'app.read_tenants');
  EXECUTE format('CREATE POLICY tenant_insert ON %s FOR INSERT TO mcu_app WITH CHECK (tenant_id = ANY ((SELECT mcu_tenants(%L))::uuid[]))', tbl, insert_tenants);
  EXECUTE format('CREATE POLICY tenant_update ON %s FOR UPDATE TO mcu_app USING (tenant_id = ANY ((SELECT mcu_tenants(%L))::uuid[])) WITH CHECK (tenant_id = ANY ((SELECT mcu_tenants(%L))::uuid[]))', tbl, 'app.write_tenants', 'app.write_tenants');
  EXECUTE format('CREATE POLICY tenant_delete ON %s FOR DELETE TO mcu_app USING (tenant_id = ANY ((SELECT mcu_tenants(%L))::uuid[]))', tbl, 'app.write_tenants');
END
$$;

-- A child table without tenant_id: a row is visible and writable when its parent row is visible to
-- the same request (the parent's own policy decides).
CREATE OR REPLACE FUNCTION mcu_child_rls(tbl regclass, fk text, parent regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE cond text := format('EXISTS (SELECT 1 FROM %s p WHERE p.id = %I)', parent, fk);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS parent_visible ON %s', tbl);
  EXECUTE format('CREATE POLICY parent_visible ON %s FOR ALL TO mcu_app USING (%s) WITH CHECK (%s)', tbl, cond, cond);
END
$$;

DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables b USING (table_schema, table_name)
           WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND b.table_type = 'BASE TABLE' LOOP
    PERFORM mcu_tenant_rls(t.table_name::regclass);
  END LOOP;
END
$$;

-- A municipality notifies its region's users (a report on a task); the region its municipalities'.
SELECT mcu_tenant_rls('notifications', 'app.read_tenants');

SELECT mcu_child_rls('case_co_executors', 'case_id', 'cases');
SELECT mcu_child_rls('case_pauses', 'case_id', 'cases');
SELECT mcu_child_rls('case_tokens', 'case_id', 'cases');
SELECT mcu_child_rls('import_file_parts', 'job_id', 'import_jobs');
SELECT mcu_child_rls('recipient_topics', 'recipient_id', 'recipients');
