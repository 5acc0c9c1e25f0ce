import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import type { Actor } from '../../http/actor';
import { reportNotes, reportNoteVersions, users } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { localDate } from '../../../domain/deadlines';
import { lastCompleteWeek, rangeDays, type DateRange } from '../../../domain/analytics/period';
import { buildNoteContent, weekCodeOf, type NoteContent } from './note-content';
import { composeNote, ruDate, type NoteTexts } from './note-blocks';
import { chartPng } from './note-charts';
import { renderNoteDocx } from './note-docx';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import { tenantZone } from '../../db/tenant-today';

const MAX_NOTE_DAYS = 366;

type NoteRow = typeof reportNotes.$inferSelect;

export function municipalOnly(actor: Actor) {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Аналитические записки ведёт МЦУ муниципалитета');
}

function checkRange(r: DateRange) {
  if (r.from > r.to) throw new AppError('validation', 'Период: дата начала позже даты окончания', { from: 'Дата начала позже даты окончания' });
  if (rangeDays(r) > MAX_NOTE_DAYS) throw new AppError('validation', 'Период: не длиннее года', { from: 'Период записки не длиннее года' });
}

/**
 * A draft note for a period (any user with reports.manage, or the Monday job with a system actor).
 * The content is computed now and stored; the free-text parts start empty.
 */
export async function createNote(db: Db, actor: Actor, range: DateRange, now: Date, weekly = false): Promise<NoteRow> {
  municipalOnly(actor);
  checkRange(range);
  const content = await buildNoteContent(db, actor.tenantId, range, now);
  const weeklyCode = weekly ? weekCodeOf(range) : null;
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(reportNotes)
      .values({ tenantId: actor.tenantId, weeklyCode, periodFrom: range.from, periodTo: range.to, status: 'draft', content, addressee: '', signer: '', createdBy: actor.userId, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!note) throw new AppError('conflict', 'Еженедельная записка за эту неделю уже есть');
    await recordAudit(tx, actor, { action: 'report_note.create', entity: 'report_note', entityId: note.id, after: { periodFrom: range.from, periodTo: range.to, weeklyCode } });
    return note;
  });
}

/** The Monday job: the past week's note for a municipality, unless it exists already. */
export async function createWeeklyNoteIfDue(db: Db, actor: Actor, now: Date): Promise<NoteRow | null> {
  const tz = await tenantZone(db, actor.tenantId);
  const week = lastCompleteWeek(localDate(now, tz));
  const [exists] = await db.select({ id: reportNotes.id }).from(reportNotes).where(and(eq(reportNotes.tenantId, actor.tenantId), eq(reportNotes.weeklyCode, week.code)));
  if (exists) return null;
  try {
    return await createNote(db, actor, week, now, true);
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') return null; // another process made it first
    throw e;
  }
}

export async function findNote(db: Db | Tx, actor: Actor, id: string): Promise<NoteRow> {
  const [n] = await db.select().from(reportNotes).where(and(eq(reportNotes.id, id), eq(reportNotes.tenantId, actor.tenantId)));
  if (!n) throw new AppError('not_found', 'Записка не найдена');
  return n;
}

const textsOf = (n: NoteRow): NoteTexts => ({ addressee: n.addressee, signer: n.signer, conclusions: n.conclusions, recommendations: n.recommendations });

/** Staff edit the free-text parts (addressee, signature, conclusions, recommendations). */
export async function updateNoteTexts(tx: Tx, actor: Actor, id: string, input: Partial<NoteTexts>, now: Date) {
  municipalOnly(actor);
  const before = await findNote(tx, actor, id);
  const [after] = await tx.update(reportNotes).set({ ...input, updatedAt: now }).where(eq(reportNotes.id, id)).returning();
  await recordAudit(tx, actor, { action: 'report_note.edit', entity: 'report_note', entityId: id, before: textsOf(before), after: textsOf(after) });
  return after;
}

/** Recomputes a draft's figures from the current data (an issued note keeps its own). */
export async function refreshNote(db: Db, actor: Actor, id: string, now: Date) {
  municipalOnly(actor);
  const note = await findNote(db, actor, id);
  if (note.status !== 'draft') throw new AppError('conflict', 'Выпущенная записка не пересчитывается: сформируйте новую');
  const content = await buildNoteContent(db, actor.tenantId, { from: note.periodFrom, to: note.periodTo }, now);
  return db.transaction(async (tx) => {
    const [after] = await tx.update(reportNotes).set({ content, updatedAt: now }).where(eq(reportNotes.id, id)).returning();
    await recordAudit(tx, actor, { action: 'report_note.refresh', entity: 'report_note', entityId: id });
    return after;
  });
}

/** The DOCX of a note as it stands now. */
export async function noteDocx(note: NoteRow, localToday: string, version: number | null): Promise<Buffer> {
  const content = note.content as NoteContent;
  const doc = composeNote(content, textsOf(note), localToday);
  const charts = { trend: chartPng(content, 'trend'), heatmap: content.heatmap.rows.length ? chartPng(content, 'heatmap') : null };
  return renderNoteDocx(doc, charts, { version });
}

export function noteFileName(note: NoteRow, version: number): string {
  return `Аналитическая записка ${ruDate(note.periodFrom)}–${ruDate(note.periodTo)} в${version}.docx`;
}

/** Issues the next version: the DOCX bytes are stored with who and when; the note becomes «выпущена». */
export async function issueNote(db: Db, actor: Actor, id: string, now: Date) {
  municipalOnly(actor);
  const note = await findNote(db, actor, id);
  const version = note.versions + 1;
  const bytes = await noteDocx(note, localDate(now, await tenantZone(db, actor.tenantId)), version);
  return db.transaction(async (tx) => {
    const [locked] = await tx.update(reportNotes).set({ status: 'issued', versions: version, updatedAt: now }).where(and(eq(reportNotes.id, id), eq(reportNotes.versions, note.versions))).returning();
    if (!locked) throw new AppError('conflict', 'Записку только что выпустил кто-то другой: обновите страницу');
    const fileName = noteFileName(note, version);
    const [v] = await tx.insert(reportNoteVersions).values({ tenantId: actor.tenantId, noteId: id, version, fileName, content: bytes, size: bytes.length, issuedBy: actor.userId, issuedAt: now }).returning({ id: reportNoteVersions.id });
    await recordAudit(tx, actor, { action: 'report_note.issue', entity: 'report_note', entityId: id, after: { version, size: bytes.length } });
    return { id, version, versionId: v.id };
  });
}

export async function listNotes(db: Db, actor: Actor) {
  municipalOnly(actor);
  const found = await db
    .select({ id: reportNotes.id, weeklyCode: reportNotes.weeklyCode, periodFrom: reportNotes.periodFrom, periodTo: reportNotes.periodTo, status: reportNotes.status, versions: reportNotes.versions, updatedAt: reportNotes.updatedAt, createdAt: reportNotes.createdAt })
    .from(reportNotes)
    .where(eq(reportNotes.tenantId, actor.tenantId))
    .orderBy(desc(reportNotes.periodTo), desc(reportNotes.createdAt))
    .limit(500);
  return { items: found.map((n) => ({ ...n, updatedAt: n.updatedAt.toISOString(), createdAt: n.createdAt.toISOString() })) };
}

/** The note with its preview blocks (the same model the DOCX is drawn from) and its versions. */
export async function noteDetail(db: Db, actor: Actor, id: string, now: Date) {
  municipalOnly(actor);
  const note = await findNote(db, actor, id);
  const tz = await tenantZone(db, actor.tenantId);
  const versions = await db
    .select({ id: reportNoteVersions.id, version: reportNoteVersions.version, fileName: reportNoteVersions.fileName, size: reportNoteVersions.size, issuedAt: reportNoteVersions.issuedAt, issuedBy: users.fullName })
    .from(reportNoteVersions)
    .leftJoin(users, eq(users.id, reportNoteVersions.issuedBy))
    .where(eq(reportNoteVersions.noteId, id))
    .orderBy(desc(reportNoteVersions.version));
  return {
    id: note.id,
    weeklyCode: note.weeklyCode,
    periodFrom: note.periodFrom,
    periodTo: note.periodTo,
    status: note.status,
    texts: textsOf(note),
    defaults: { addressee: reportsCatalogue.reportNote.to, signer: reportsCatalogue.reportNote.signature },
    document: composeNote(note.content as NoteContent, textsOf(note), localDate(now, tz)),
    generatedAt: (note.content as NoteContent).generatedAt,
    versions: versions.map((v) => ({ ...v, issuedAt: v.issuedAt.toISOString() })),
  };
}

export async function noteVersionFile(db: Db, actor: Actor, noteId: string, version: number) {
  await findNote(db, actor, noteId);
  const [v] = await db.select().from(reportNoteVersions).where(and(eq(reportNoteVersions.noteId, noteId), eq(reportNoteVersions.version, version)));
  if (!v) throw new AppError('not_found', 'Версия записки не найдена');
  return { fileName: v.fileName, content: Buffer.from(v.content) };
}
