import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { localities, settlements } from '../../db/schema';
import { AppError } from '../../errors';
import { caseIdParam } from '../cases/cases.routes';
import { caseScope } from '../cases/case-scope';
import { findPlace } from './territory-from-text';
import { suggestCase } from './suggest-case';
import { tenantClassifier } from './tenant-classifier';
import { classificationInput, updateClassification } from './update-classification';
import { relatedSuggestions } from './related-cases';
import { classifyConfigRoutes } from './classify-config.routes';

const TAG = ['Понимание текста'];
const suggestInput = z.object({
  text: z.string().max(20_000, { error: 'Текст: не длиннее 20 000 символов' }),
  address: z.string().max(500).nullish(),
  topicId: z.uuid().nullish(),
  subtopicId: z.uuid().nullish(),
  settlementId: z.uuid().nullish(),
});

/** Suggestions, related cases and classification of a case; the configuration routes are in classify-config.routes.ts. */
export async function classifyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  const { db } = database;

  r.get('/api/cases/:id/suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Подсказки: тематика и получатель (топ-3 с вероятностью)', params: caseIdParam } }, async (req) => {
    const a = actorOf(req);
    const res = await db.execute(sql`SELECT c.text, c.address, c.topic_id, c.subtopic_id, c.settlement_id FROM cases c WHERE c.id = ${req.params.id} AND ${caseScope(a)}`);
    const [c] = (res as unknown as { rows: { text: string; address: string | null; topic_id: string | null; subtopic_id: string | null; settlement_id: string | null }[] }).rows;
    if (!c) throw new AppError('not_found', 'Обращение не найдено');
    const t = await tenantClassifier(db, a.tenantId);
    const s = suggestCase(t, { text: c.text, topicId: c.topic_id, subtopicId: c.subtopic_id, settlementId: c.settlement_id });
    return { topic: s.topic, recipient: s.recipient, route: s.route, place: await placeWithNames(findPlace(t.gazetteer, c.text, c.address)) };
  });
  const placeWithNames = async (p: ReturnType<typeof findPlace>) => {
    if (!p.settlementId && !p.localityId && !p.street) return null;
    const [loc] = p.localityId ? await db.select({ name: localities.name, settlementId: localities.settlementId }).from(localities).where(eq(localities.id, p.localityId)) : [];
    const settlementId = p.settlementId ?? loc?.settlementId ?? null;
    const [st] = settlementId ? await db.select({ name: settlements.name }).from(settlements).where(eq(settlements.id, settlementId)) : [];
    return { ...p, settlementId, settlementName: st?.name ?? null, localityName: loc?.name ?? null };
  };
  r.post('/api/classify/suggest', { config: { policy: 'cases.register' }, schema: { tags: TAG, summary: 'Подсказки по тексту при регистрации: тематика, место, получатель', body: suggestInput } }, async (req) => {
    const a = actorOf(req);
    const t = await tenantClassifier(db, a.tenantId);
    const place = findPlace(t.gazetteer, req.body.text, req.body.address);
    const settlementId = req.body.settlementId ?? place.settlementId;
    const s = suggestCase(t, { text: req.body.text, topicId: req.body.topicId, subtopicId: req.body.subtopicId, settlementId });
    return { topic: s.topic, recipient: s.recipient, route: s.route, place: await placeWithNames(place) };
  });
  r.get('/api/cases/:id/related-suggestions', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Похожие обращения (±14 дней, близкий текст и место)', params: caseIdParam } }, async (req) => ({
    items: await relatedSuggestions(db, actorOf(req), req.params.id),
  }));
  r.put('/api/cases/:id/classification', { config: { policy: 'cases.route' }, schema: { tags: TAG, summary: 'Изменить тематику и место обращения', params: caseIdParam, body: classificationInput } }, async (req) =>
    db.transaction((tx) => updateClassification(tx, actorOf(req), req.params.id, req.body)),
  );

  await classifyConfigRoutes(app);
}
