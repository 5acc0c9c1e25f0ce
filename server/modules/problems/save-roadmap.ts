import { and, eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/tx';
import { measureFiles, measureNotes, roadmapMeasures, roadmaps } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { measureDeadlineError, type MeasureInput, type MeasureStatus, type RoadmapInput } from '../../../domain/problems/schemas';
import { CASE_LIMITS } from '../../../domain/cases/schemas';
import { sniffFile } from '../../lib/sniff-file';
import { safeFileName } from '../../lib/safe-file-name';
import { recordAudit } from '../audit/record-audit';
import { assertManage, assertMunicipal, assertOwned, tenantToday } from './access';

export async function lockRoadmap(tx: Tx, actor: Actor, id: string) {
  const [r] = await tx.select().from(roadmaps).where(and(eq(roadmaps.id, id), eq(roadmaps.tenantId, actor.tenantId))).for('update');
  if (!r) throw new AppError('not_found', 'Дорожная карта не найдена');
  return r;
}

async function lockMeasure(tx: Tx, actor: Actor, id: string) {
  const [m] = await tx.select().from(roadmapMeasures).where(and(eq(roadmapMeasures.id, id), eq(roadmapMeasures.tenantId, actor.tenantId))).for('update');
  if (!m) throw new AppError('not_found', 'Мероприятие не найдено');
  return m;
}

export async function saveRoadmap(tx: Tx, actor: Actor, input: RoadmapInput, now: Date, id?: string) {
  assertManage(actor);
  await assertOwned(tx, 'topic_blocks', actor.tenantId, input.blockId, 'blockId', 'Блок');
  await assertOwned(tx, 'problems', actor.tenantId, input.problemId, 'problemId', 'Проблема');
  const values = { title: input.title, blockId: input.blockId ?? null, problemId: input.problemId ?? null };
  if (id) {
    const before = await lockRoadmap(tx, actor, id);
    await tx.update(roadmaps).set({ ...values, updatedAt: now }).where(eq(roadmaps.id, id));
    await recordAudit(tx, actor, { action: 'update', entity: 'roadmap', entityId: id, before: { title: before.title, blockId: before.blockId, problemId: before.problemId }, after: values });
    return { id, ...values };
  }
  const [r] = await tx.insert(roadmaps).values({ tenantId: actor.tenantId, ...values, createdBy: actor.userId, createdAt: now, updatedAt: now }).returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'roadmap', entityId: r.id, after: values });
  return { id: r.id, ...values };
}

/** The куратор's approval: who and when; approving again is refused. */
export async function approveRoadmap(tx: Tx, actor: Actor, id: string, now: Date) {
  assertMunicipal(actor);
  if (!actor.permissions.has('roadmaps.approve')) throw new AppError('forbidden', 'Утверждает дорожную карту куратор МЦУ');
  const r = await lockRoadmap(tx, actor, id);
  if (r.approvedAt) throw new AppError('conflict', 'Дорожная карта уже утверждена');
  const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM roadmap_measures WHERE roadmap_id = ${id} AND status <> 'cancelled'`);
  if (!n) throw new AppError('validation', 'В дорожной карте нет мероприятий: утверждать нечего');
  await tx.update(roadmaps).set({ approvedBy: actor.userId, approvedAt: now, updatedAt: now }).where(eq(roadmaps.id, id));
  await recordAudit(tx, actor, { action: 'approve', entity: 'roadmap', entityId: id, after: { approvedAt: now.toISOString(), measures: n } });
  return { id, approvedAt: now.toISOString() };
}

async function checkMeasure(tx: Tx, actor: Actor, input: MeasureInput) {
  const [u] = await rows<{ id: string }>(tx, sql`SELECT id FROM users WHERE id = ${input.responsibleId} AND tenant_id = ${actor.tenantId} AND is_active`);
  if (!u) throw new AppError('validation', 'Ответственный: не найден среди действующих сотрудников', { responsibleId: 'Не найден' });
  await assertOwned(tx, 'recipients', actor.tenantId, input.recipientId, 'recipientId', 'Исполнитель (получатель)');
  await assertOwned(tx, 'topics', actor.tenantId, input.topicId, 'topicId', 'Тематика');
  await assertOwned(tx, 'settlements', actor.tenantId, input.settlementId, 'settlementId', 'Поселение');
}

const measureValues = (input: MeasureInput) => ({
  title: input.title,
  description: input.description ?? '',
  dueOn: input.dueOn,
  responsibleId: input.responsibleId,
  recipientId: input.recipientId ?? null,
  topicId: input.topicId ?? null,
  settlementId: input.settlementId ?? null,
});

export async function createMeasure(tx: Tx, actor: Actor, roadmapId: string, input: MeasureInput, now: Date) {
  assertManage(actor);
  await lockRoadmap(tx, actor, roadmapId);
  const { today } = await tenantToday(tx, actor.tenantId, now);
  const past = measureDeadlineError(input.dueOn, today);
  if (past) throw new AppError('validation', past, { dueOn: past });
  await checkMeasure(tx, actor, input);
  const values = measureValues(input);
  const [m] = await tx.insert(roadmapMeasures).values({ tenantId: actor.tenantId, roadmapId, ...values, createdAt: now, updatedAt: now }).returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'measure', entityId: m.id, after: { roadmapId, ...values } });
  return { id: m.id, ...values, status: m.status };
}

/** Edits a measure; a changed deadline may not be in the past, and its reminders start over. */
export async function updateMeasure(tx: Tx, actor: Actor, id: string, input: MeasureInput, now: Date) {
  assertManage(actor);
  const before = await lockMeasure(tx, actor, id);
  if (input.dueOn !== before.dueOn) {
    const { today } = await tenantToday(tx, actor.tenantId, now);
    const past = measureDeadlineError(input.dueOn, today);
    if (past) throw new AppError('validation', past, { dueOn: past });
  }
  await checkMeasure(tx, actor, input);
  const values = measureValues(input);
  const resetReminders = input.dueOn !== before.dueOn ? { remindedWeekAt: null, remindedDayAt: null, overdueNotifiedAt: null } : {};
  await tx.update(roadmapMeasures).set({ ...values, ...resetReminders, updatedAt: now }).where(eq(roadmapMeasures.id, id));
  await recordAudit(tx, actor, { action: 'update', entity: 'measure', entityId: id, before: measureValues({ ...before, description: before.description } as MeasureInput), after: values });
  return { id, ...values };
}

/** Status of a measure: by those who manage roadmaps or by its responsible official. */
export async function setMeasureStatus(tx: Tx, actor: Actor, id: string, input: { status: MeasureStatus; doneOn?: string | null; note?: string | null }, now: Date) {
  assertMunicipal(actor);
  const m = await lockMeasure(tx, actor, id);
  if (!actor.permissions.has('problems.manage') && m.responsibleId !== actor.userId) throw new AppError('forbidden', 'Статус мероприятия меняет ответственный или ведущий дорожные карты');
  if (input.status === 'cancelled') {
    if (!actor.permissions.has('problems.manage')) throw new AppError('forbidden', 'Отменяет мероприятие ведущий дорожные карты');
    if (!input.note?.trim()) throw new AppError('validation', 'Причина отмены: заполните поле', { note: 'Заполните поле' });
  }
  if (m.status === 'cancelled' && input.status !== 'cancelled' && !actor.permissions.has('problems.manage')) throw new AppError('forbidden', 'Вернуть отменённое мероприятие может ведущий дорожные карты');
  const { today } = await tenantToday(tx, actor.tenantId, now);
  let doneOn: string | null = null;
  if (input.status === 'done') {
    doneOn = input.doneOn ?? today;
    if (doneOn > today) throw new AppError('validation', 'Дата выполнения: не может быть в будущем', { doneOn: 'Не может быть в будущем' });
  }
  await tx.update(roadmapMeasures).set({ status: input.status, doneOn, updatedAt: now }).where(eq(roadmapMeasures.id, id));
  if (input.note) await tx.insert(measureNotes).values({ tenantId: actor.tenantId, measureId: id, text: input.note, authorId: actor.userId, createdAt: now });
  await recordAudit(tx, actor, { action: 'status', entity: 'measure', entityId: id, before: { status: m.status, doneOn: m.doneOn }, after: { status: input.status, doneOn, note: input.note ?? null } });
  return { id, status: input.status, doneOn };
}

export async function addMeasureNote(tx: Tx, actor: Actor, id: string, text: string, now: Date) {
  assertMunicipal(actor);
  const m = await lockMeasure(tx, actor, id);
  if (!actor.permissions.has('problems.manage') && m.responsibleId !== actor.userId) throw new AppError('forbidden', 'Ход выполнения пишет ответственный или ведущий дорожные карты');
  const [n] = await tx.insert(measureNotes).values({ tenantId: actor.tenantId, measureId: id, text, authorId: actor.userId, createdAt: now }).returning();
  await recordAudit(tx, actor, { action: 'note', entity: 'measure', entityId: id, after: { text } });
  return { id: n.id, text: n.text, at: n.createdAt.toISOString() };
}

export const MEASURE_FILES_MAX = 20;

/** Evidence for a measure: the case files' rules (type by content, 10 MB, a count limit). */
export async function attachMeasureFile(tx: Tx, actor: Actor, id: string, file: { name: string; data: Buffer }, now: Date) {
  assertMunicipal(actor);
  const m = await lockMeasure(tx, actor, id);
  if (!actor.permissions.has('problems.manage') && m.responsibleId !== actor.userId) throw new AppError('forbidden', 'Подтверждающие файлы прикладывает ответственный или ведущий дорожные карты');
  if (file.data.length === 0) throw new AppError('validation', 'Файл пуст', { file: 'Файл пуст' });
  if (file.data.length > CASE_LIMITS.fileBytes) throw new AppError('too_large', `Файл больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`, { file: 'Слишком большой' });
  const mimeType = sniffFile(file.data);
  if (!mimeType) throw new AppError('validation', 'Тип файла не поддерживается: можно фото (JPEG, PNG, WebP, GIF), PDF, Word, Excel или текст', { file: 'Неподдерживаемый тип' });
  const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM measure_files WHERE measure_id = ${id}`);
  if (n >= MEASURE_FILES_MAX) throw new AppError('validation', `К мероприятию можно приложить не более ${MEASURE_FILES_MAX} файлов`, { file: 'Слишком много файлов' });
  const fileName = safeFileName(file.name);
  const [row] = await tx
    .insert(measureFiles)
    .values({ tenantId: actor.tenantId, measureId: id, fileName, mimeType, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), content: file.data, uploadedBy: actor.userId, uploadedAt: now })
    .returning({ id: measureFiles.id, fileName: measureFiles.fileName, mimeType: measureFiles.mimeType, size: measureFiles.size });
  await recordAudit(tx, actor, { action: 'attach', entity: 'measure', entityId: id, after: { file: fileName, mimeType, size: file.data.length } });
  return row;
}
