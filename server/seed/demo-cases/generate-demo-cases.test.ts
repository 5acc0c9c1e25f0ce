import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { freshDatabase, targets } from '../../test/databases';
import { computeCaseDeadlines } from '../../modules/cases/deadlines/compute-case-deadlines';
import { loadTenantDeadlines } from '../../modules/cases/deadlines/deadline-context';
import { generateDemoCases } from './generate-demo-cases';

const NOW = new Date('2026-11-20T09:00:00Z');
const COUNT = 3000;

type Row = Record<string, unknown>;
const q = <T = Row>(database: Database, sql: string, params: unknown[] = []) => database.query<T>(sql, params);
const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).getTime());

describe.each(targets())('generateDemoCases on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let tenantId: string;

  beforeAll(async () => {
    const fresh = await freshDatabase(target, { demo: true });
    database = fresh.database;
    dispose = fresh.dispose;
    tenantId = fresh.ids.municipalityId;
    const r = await generateDemoCases(database, { tenantId, count: COUNT, now: NOW, seed: 7 });
    expect(r.cases).toBe(COUNT);
  });
  afterAll(async () => dispose());

  it('is deterministic: a second run into a fresh database gives the same cases', async () => {
    // Without history and in other batch sizes: neither may change the cases themselves.
    const other = await freshDatabase(target, { demo: true });
    try {
      await generateDemoCases(other.database, { tenantId: other.ids.municipalityId, count: COUNT, now: NOW, seed: 7, history: false, batchSize: 700 });
      const sql = `SELECT c.number, c.status, t.code AS topic, s.code AS settlement, c.received_at, c.text, c.rating
        FROM cases c JOIN topics t ON t.id = c.subtopic_id JOIN settlements s ON s.id = c.settlement_id ORDER BY c.number`;
      const a = (await q(database, sql)).map((r) => JSON.stringify({ ...r, received_at: ms(r.received_at) }));
      const b = (await q(other.database, sql)).map((r) => JSON.stringify({ ...r, received_at: ms(r.received_at) }));
      expect(a.length).toBe(COUNT);
      expect(b).toEqual(a);
    } finally {
      await other.dispose();
    }
  }, 180_000);

  it('writes the same rows whatever the insert mode', async () => {
    const snapshot = async (db: Database) => {
      const rows = await q(
        db,
        `SELECT c.number, c.status, c.text, c.answer_due, c.rating, c.lat,
                (SELECT count(*)::int FROM case_answers a WHERE a.case_id = c.id) AS answers,
                (SELECT string_agg(a.state || ':' || coalesce(array_to_string(a.review_criteria, ','), ''), ';' ORDER BY a.created_at) FROM case_answers a WHERE a.case_id = c.id) AS states,
                (SELECT string_agg(e.action || ':' || (e.after->>'status'), ',' ORDER BY e.id) FROM audit_events e WHERE e.entity_id = c.id::text) AS timeline,
                (SELECT full_name FROM case_applicants p WHERE p.case_id = c.id) AS applicant
           FROM cases c ORDER BY c.number`,
      );
      return rows.map((r) => JSON.stringify({ ...r, answer_due: ms(r.answer_due) }));
    };
    const results: string[][] = [];
    for (const insertMode of ['unnest', 'unnest-cte', 'values', 'drizzle'] as const) {
      const fresh = await freshDatabase(target, { demo: true });
      try {
        await generateDemoCases(fresh.database, { tenantId: fresh.ids.municipalityId, count: 250, now: NOW, seed: 3, insertMode, batchSize: 90 });
        results.push(await snapshot(fresh.database));
      } finally {
        await fresh.dispose();
      }
    }
    expect(results[0].length).toBe(250);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  }, 180_000);

  it('stays between 2024-01-01 and now and numbers cases by year', async () => {
    const [r] = await q<{ min: string; max: string; years: number }>(database, `SELECT min(received_at) AS min, max(received_at) AS max, count(DISTINCT substr(number, 1, 4))::int AS years FROM cases`);
    expect(ms(r.min)!).toBeGreaterThanOrEqual(Date.parse('2023-12-31T20:00:00Z'));
    expect(ms(r.max)!).toBeLessThanOrEqual(NOW.getTime());
    expect(r.years).toBe(3);
    const bad = await q(database, `SELECT number FROM cases WHERE substr(number, 1, 4)::int <> extract(year FROM received_at AT TIME ZONE 'Europe/Saratov')`);
    expect(bad).toEqual([]);
    const [counters] = await q<{ n: number }>(database, `SELECT sum(value)::int AS n FROM case_counters WHERE tenant_id = $1`, [tenantId]);
    expect(counters.n).toBe(COUNT);
  });

  it('has real seasons: heating in winter, potholes in spring', async () => {
    const rows = await q<{ code: string; season: string; n: number }>(
      database,
      `SELECT t.code, CASE WHEN extract(month FROM c.received_at) IN (12, 1, 2) THEN 'winter' WHEN extract(month FROM c.received_at) IN (6, 7, 8) THEN 'summer' ELSE 'other' END AS season, count(*)::int AS n
         FROM cases c JOIN topics t ON t.id = c.subtopic_id GROUP BY 1, 2`,
    );
    const total = (season: string) => rows.filter((r) => r.season === season).reduce((s, r) => s + r.n, 0);
    const share = (code: string, season: string) => (rows.find((r) => r.code === code && r.season === season)?.n ?? 0) / total(season);
    expect(share('housing.heating', 'winter')).toBeGreaterThan(3 * share('housing.heating', 'summer'));
    expect(share('improvement.mowing', 'summer')).toBeGreaterThan(3 * share('improvement.mowing', 'winter'));

    const months = await q<{ m: number; share: number }>(
      database,
      `SELECT extract(month FROM c.received_at)::int AS m, avg((t.code = 'roads.potholes')::int)::float AS share FROM cases c JOIN topics t ON t.id = c.subtopic_id GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect([3, 4, 5]).toContain(months[0].m);
  });

  it('spreads cases over settlements by population', async () => {
    const rows = await q<{ code: string; population: number; n: number }>(
      database,
      `SELECT s.code, s.population, count(c.id)::int AS n FROM settlements s LEFT JOIN cases c ON c.settlement_id = s.id WHERE s.tenant_id = $1 GROUP BY 1, 2`,
      [tenantId],
    );
    const people = rows.reduce((s, r) => s + r.population, 0);
    for (const r of rows.filter((x) => x.population > 3000)) {
      const expected = r.population / people;
      expect(r.n / COUNT, r.code).toBeGreaterThan(expected * 0.7);
      expect(r.n / COUNT, r.code).toBeLessThan(expected * 1.3);
    }
  });

  it('mixes channels and regimes as in practice', async () => {
    const rows = await q<{ channel: string; regime: string; n: number }>(database, `SELECT channel, regime, count(*)::int AS n FROM cases GROUP BY 1, 2`);
    const share = (ch: string) => rows.filter((r) => r.channel === ch).reduce((s, r) => s + r.n, 0) / COUNT;
    expect(share('pos')).toBeGreaterThan(0.4);
    expect(share('pos')).toBeLessThan(0.5);
    expect(share('incident')).toBeGreaterThan(0.2);
    expect(share('incident')).toBeLessThan(0.3);
    for (const r of rows) {
      if (r.channel === 'letter' || r.channel === 'reception') expect(r.regime).toBe('FZ59');
      if (r.channel === 'pos' || r.channel === 'incident') expect(r.regime).toBe('MESSAGE');
    }
    const [fz] = await q<{ bad: number }>(
      database,
      `SELECT count(*)::int AS bad FROM cases c LEFT JOIN case_applicants a ON a.case_id = c.id WHERE c.regime = 'FZ59' AND (a.full_name IS NULL OR a.postal_address IS NULL)`,
    );
    expect(fz.bad).toBe(0);
    const [named] = await q<{ share: number }>(database, `SELECT avg((a.full_name IS NOT NULL)::int)::float AS share FROM cases c LEFT JOIN case_applicants a ON a.case_id = c.id`);
    expect(named.share).toBeGreaterThan(0.6);
    expect(named.share).toBeLessThan(0.8);
  });

  it('computes every deadline like the application does', async () => {
    const rows = await q(
      database,
      `SELECT c.*, t.parent_id FROM cases c JOIN topics t ON t.id = c.subtopic_id ORDER BY c.number LIMIT 400`,
    );
    const { ctx, rules } = await loadTenantDeadlines(database.db, tenantId);
    for (const r of rows) {
      const due = computeCaseDeadlines(
        { regime: r.regime as string, channel: r.channel as string, topicId: r.subtopic_id as string, parentTopicId: r.topic_id as string, fastTrack: r.fast_track as boolean },
        { receivedAt: new Date(r.received_at as string), registeredAt: new Date(r.registered_at as string) },
        rules,
        ctx,
      );
      expect(ms(r.answer_due_original)).toBe(due.answerDue?.getTime() ?? null);
      expect(ms(r.registration_due)).toBe(due.registrationDue?.getTime() ?? null);
      expect(ms(r.interim_due)).toBe(due.interimDue?.getTime() ?? null);
      expect(ms(r.forwarding_due)).toBe(due.forwardingDue?.getTime() ?? null);
      expect(ms(r.fast_track_due)).toBe(due.fastTrackDue?.getTime() ?? null);
      if (!r.extension_days) expect(ms(r.answer_at_risk_from)).toBe(due.answerAtRiskFrom?.getTime() ?? null);
    }
    const [bad] = await q<{ n: number }>(database, `SELECT count(*)::int AS n FROM cases WHERE answer_due IS NULL OR answer_due <= received_at OR registered_at < received_at OR registered_at > $1`, [NOW.toISOString()]);
    expect(bad.n).toBe(0);
    const [open] = await q<{ open: number; overdue: number }>(
      database,
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE answer_due < $1)::int AS overdue FROM cases WHERE status IN ('registered','assigned','in_work','interim_answered','answer_prepared','under_review','returned','reopened')`,
      [NOW.toISOString()],
    );
    expect(open.overdue).toBeGreaterThan(0);
    expect(open.overdue).toBeLessThan(open.open / 2);
  });

  it('keeps statuses consistent with their timestamps', async () => {
    const rows = await q(database, `SELECT * FROM cases`);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['registered', 'assigned', 'in_work', 'under_review', 'answered', 'closed', 'reopened', 'forwarded', 'rejected', 'merged']) expect(statuses, s).toContain(s);
    for (const r of rows) {
      const answered = ms(r.answered_at);
      if (r.status === 'answered' || (r.status === 'closed' && answered !== null)) {
        expect(answered).not.toBeNull();
        expect(answered!).toBeGreaterThanOrEqual(ms(r.registered_at)!);
        expect(ms(r.first_answered_at)!).toBeLessThanOrEqual(answered!);
      }
      if (r.status === 'closed' || r.status === 'forwarded' || r.status === 'rejected' || r.status === 'merged') expect(r.closed_at).not.toBeNull();
      if (r.rating !== null) expect(r.rated_at).not.toBeNull();
      if (r.status === 'reopened') expect(r.rating as number).toBeLessThanOrEqual(3);
      if (r.status === 'merged') expect(r.duplicate_of_id).not.toBeNull();
      if (r.status === 'returned') expect(r.returns_count as number).toBeGreaterThan(0);
      expect(ms(r.updated_at)!).toBeLessThanOrEqual(NOW.getTime());
    }
    const rated = rows.filter((r) => r.rating !== null).length;
    const answered = rows.filter((r) => r.answered_at !== null).length;
    expect(rated / answered).toBeGreaterThan(0.25);
  });

  it('gives each answered case an approved final answer, after a returned one when it was sent back', async () => {
    const [a] = await q<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM cases c WHERE c.answered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_answers a WHERE a.case_id = c.id AND a.kind = 'final' AND a.state = 'approved')`,
    );
    expect(a.n).toBe(0);
    const [r] = await q<{ n: number; total: number }>(
      database,
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM case_answers a WHERE a.case_id = c.id AND a.state = 'returned'))::int AS n, count(*)::int AS total FROM cases c WHERE c.returns_count > 0`,
    );
    expect(r.total).toBeGreaterThan(0);
    expect(r.n).toBe(0);
  });

  it('writes a chronological timeline starting with register, without personal data', async () => {
    const rows = await q<{ entity_id: string; action: string; at: string; actor_user_id: string | null; tenant_id: string }>(
      database,
      `SELECT entity_id, action, at, actor_user_id, tenant_id FROM audit_events WHERE entity = 'case' ORDER BY entity_id, id`,
    );
    expect(rows.length).toBeGreaterThan(COUNT * 3);
    let prev: (typeof rows)[number] | null = null;
    for (const r of rows) {
      expect(r.tenant_id).toBe(tenantId);
      if (!prev || prev.entity_id !== r.entity_id) expect(r.action).toBe('register');
      else expect(ms(r.at)!).toBeGreaterThan(ms(prev.at)!);
      prev = r;
    }
    const [night] = await q<{ n: number; total: number }>(
      database,
      `SELECT count(*) FILTER (WHERE extract(hour FROM at AT TIME ZONE 'Europe/Saratov') NOT BETWEEN 8 AND 18)::int AS n, count(*)::int AS total
         FROM audit_events WHERE action IN ('approve_answer', 'return_for_rework', 'accept', 'submit_answer', 'extend')`,
    );
    expect(night.total).toBeGreaterThan(COUNT);
    expect(night.n).toBe(0);
    const [last] = await q<{ n: number }>(database, `SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity = 'case' AND e.entity_id = c.id::text)`);
    expect(last.n).toBe(0);
    const [leak] = await q<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM audit_events e JOIN case_applicants a ON a.case_id::text = e.entity_id
        WHERE a.full_name IS NOT NULL AND (coalesce(e.after::text, '') || coalesce(e.before::text, '')) LIKE '%' || a.full_name || '%'`,
    );
    expect(leak.n).toBe(0);
    const [names] = await q<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM audit_events e WHERE e.after::text ~ (SELECT string_agg(DISTINCT split_part(full_name, ' ', 1) || ' ' || split_part(full_name, ' ', 2), '|') FROM (SELECT full_name FROM case_applicants WHERE full_name IS NOT NULL LIMIT 200) x)`,
    );
    expect(names.n).toBe(0);
  });

  it('makes recipients differ in timeliness and gives the demo executors their cases', async () => {
    const rows = await q<{ code: string; n: number; on_time: number }>(
      database,
      `SELECT r.code, count(*)::int AS n, avg((c.answered_at <= c.answer_due)::int)::float AS on_time
         FROM cases c JOIN recipients r ON r.id = c.recipient_id WHERE c.answered_at IS NOT NULL GROUP BY 1 HAVING count(*) >= 30 ORDER BY 3 DESC`,
    );
    expect(rows.length).toBeGreaterThan(4);
    expect(rows[0].on_time - rows[rows.length - 1].on_time).toBeGreaterThan(0.2);
    const execs = await q<{ login: string; n: number }>(
      database,
      `SELECT u.login, count(c.id)::int AS n FROM users u JOIN cases c ON c.executor_id = u.id GROUP BY 1 ORDER BY 1`,
    );
    expect(execs.map((e) => e.login)).toEqual(['exec.kamenskoe', 'exec.krasnoarmeysk']);
    const [foreign] = await q<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM cases c JOIN users u ON u.id = c.executor_id WHERE u.recipient_id IS DISTINCT FROM c.recipient_id`,
    );
    expect(foreign.n).toBe(0);
  });
});
