import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { practiceLinks, practices } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import type { PracticeInput } from '../../../domain/problems/schemas';
import { recordAudit } from '../audit/record-audit';
import { assertManage, assertMunicipal, assertOwned } from './access';

/** The library of best practices with what each is linked to. */
export async function listPractices(db: Db, actor: Actor) {
  assertMunicipal(actor);
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT pr.id, pr.title, pr.description, pr.topic_id, t.name AS topic, pr.source, pr.links, pr.updated_at,
               coalesce((SELECT json_agg(json_build_object('id', p.id, 'title', p.title) ORDER BY p.title) FROM practice_links pl JOIN problems p ON p.id = pl.problem_id WHERE pl.practice_id = pr.id), '[]') AS problems,
               coalesce((SELECT json_agg(json_build_object('id', r.id, 'title', r.title) ORDER BY r.title) FROM practice_links pl JOIN roadmaps r ON r.id = pl.roadmap_id WHERE pl.practice_id = pr.id), '[]') AS roadmaps
        FROM practices pr LEFT JOIN topics t ON t.id = pr.topic_id WHERE pr.tenant_id = ${actor.tenantId} ORDER BY pr.title`,
  );
  return {
    items: found.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      description: r.description as string,
      topic: r.topic_id ? { id: r.topic_id as string, name: r.topic as string } : null,
      source: (r.source as string | null) ?? null,
      links: r.links as { title: string | null; url: string }[],
      problems: (typeof r.problems === 'string' ? JSON.parse(r.problems) : r.problems) as { id: string; title: string }[],
      roadmaps: (typeof r.roadmaps === 'string' ? JSON.parse(r.roadmaps) : r.roadmaps) as { id: string; title: string }[],
      updatedAt: new Date(r.updated_at as string).toISOString(),
    })),
  };
}

export async function savePractice(tx: Tx, actor: Actor, input: PracticeInput, now: Date, id?: string) {
  assertManage(actor);
  await assertOwned(tx, 'topics', actor.tenantId, input.topicId, 'topicId', 'Тематика');
  for (const p of input.problemIds) await assertOwned(tx, 'problems', actor.tenantId, p, 'problemIds', 'Проблема');
  for (const r of input.roadmapIds) await assertOwned(tx, 'roadmaps', actor.tenantId, r, 'roadmapIds', 'Дорожная карта');
  const values = { title: input.title, description: input.description ?? '', topicId: input.topicId ?? null, source: input.source ?? null, links: input.links };
  let practiceId = id;
  if (id) {
    const [before] = await tx.select().from(practices).where(and(eq(practices.id, id), eq(practices.tenantId, actor.tenantId))).for('update');
    if (!before) throw new AppError('not_found', 'Практика не найдена');
    await tx.update(practices).set({ ...values, updatedAt: now }).where(eq(practices.id, id));
    await tx.delete(practiceLinks).where(eq(practiceLinks.practiceId, id));
  } else {
    const [row] = await tx.insert(practices).values({ tenantId: actor.tenantId, ...values, createdBy: actor.userId, createdAt: now, updatedAt: now }).returning();
    practiceId = row.id;
  }
  const links = [...new Set(input.problemIds)].map((problemId) => ({ tenantId: actor.tenantId, practiceId: practiceId!, problemId })).concat(
    [...new Set(input.roadmapIds)].map((roadmapId) => ({ tenantId: actor.tenantId, practiceId: practiceId!, problemId: null as unknown as string, roadmapId })),
  );
  if (links.length) await tx.insert(practiceLinks).values(links);
  await recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'practice', entityId: practiceId, after: { ...values, problemIds: input.problemIds, roadmapIds: input.roadmapIds } });
  return { id: practiceId!, ...values };
}
