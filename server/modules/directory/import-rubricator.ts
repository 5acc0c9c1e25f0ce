import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { topicBlocks, topics } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { topicInput } from '../../../domain/directory/schemas';
import { AppError } from '../../errors';
import { readCsv } from '../../lib/read-csv';
import { recordAudit } from '../audit/record-audit';

export interface RubricatorImportReport {
  inserted: number;
  updated: number;
  errors: { row: number; message: string }[];
}

/**
 * Loads a rubricator (e.g. the ПОС category list) from CSV with the columns
 * topic_code;topic_name;subtopic_code;subtopic_name;block_code;priority — one row per sub-topic
 * (or per topic with empty sub-topic columns). Upserts by code; a bad row is reported with its
 * number and reason while the good rows go in.
 */
export async function importRubricator(tx: Tx, actor: Actor, data: Buffer): Promise<RubricatorImportReport> {
  let parsed;
  try {
    parsed = readCsv(data);
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  if (!parsed.rows.length) throw new AppError('validation', 'Файл пуст: нет ни одной строки данных');
  for (const col of ['topic_code', 'topic_name']) if (!parsed.header.includes(col)) throw new AppError('validation', `В файле нет обязательного столбца «${col}»`);
  const report: RubricatorImportReport = { inserted: 0, updated: 0, errors: [] };
  const blocks = new Map((await tx.select().from(topicBlocks).where(eq(topicBlocks.tenantId, actor.tenantId))).map((b) => [b.code, b.id]));
  for (const r of parsed.rows) {
    try {
      await tx.transaction(async (sp) => {
        const v = r.values;
        const blockId = v.block_code ? blocks.get(v.block_code) : null;
        if (v.block_code && !blockId) throw new AppError('validation', `Блок с кодом «${v.block_code}» не найден`);
        const priority = ['1', 'да', 'true', 'yes'].includes((v.priority ?? '').toLowerCase());
        const topicId = await upsert(sp, actor, { code: v.topic_code, name: v.topic_name, parentId: null, blockId, priority }, report);
        if (v.subtopic_code || v.subtopic_name) await upsert(sp, actor, { code: v.subtopic_code, name: v.subtopic_name, parentId: topicId, blockId, priority }, report);
      });
    } catch (e) {
      report.errors.push({ row: r.line, message: e instanceof AppError ? e.message : 'Строка не сохранена: ошибка базы данных' });
    }
  }
  await recordAudit(tx, actor, { action: 'import', entity: 'rubricator', after: { inserted: report.inserted, updated: report.updated, errors: report.errors.length } });
  return report;
}

async function upsert(tx: Tx, actor: Actor, raw: { code: string; name: string; parentId: string | null; blockId: string | null | undefined; priority: boolean }, report: RubricatorImportReport): Promise<string> {
  const parsed = topicInput.safeParse({ ...raw, blockId: raw.blockId ?? null });
  if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('; '));
  const v = parsed.data;
  const [existing] = await tx.select().from(topics).where(and(eq(topics.tenantId, actor.tenantId), eq(topics.code, v.code)));
  if (existing) {
    if ((existing.parentId ?? null) !== (v.parentId ?? null)) throw new AppError('validation', `Код «${v.code}» уже занят тематикой другого уровня`);
    await tx.update(topics).set({ name: v.name, blockId: v.blockId ?? existing.blockId, priority: v.priority, updatedAt: new Date() }).where(eq(topics.id, existing.id));
    report.updated++;
    return existing.id;
  }
  const [row] = await tx.insert(topics).values({ tenantId: actor.tenantId, code: v.code, name: v.name, parentId: v.parentId ?? null, blockId: v.blockId ?? null, priority: v.priority }).returning({ id: topics.id });
  report.inserted++;
  return row.id;
}
