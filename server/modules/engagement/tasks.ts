import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { engagementAssignments, engagementTasks, tenants } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { AssignmentStatus, TaskInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { notify } from '../notifications/notify';
import { filesOf, storeFile, type UploadedFile } from './files';
import { holdersOf } from './people';
import { requireMunicipality, requireRegion } from './scope';

const ruDay = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

async function municipalitiesOf(db: Db | Tx, regionId: string) {
  return db.select({ id: tenants.id, name: tenants.name, code: tenants.code }).from(tenants).where(and(eq(tenants.parentId, regionId), eq(tenants.kind, 'municipality'), eq(tenants.isActive, true))).orderBy(asc(tenants.name));
}

/** The ЦУР sets a task for chosen municipalities (none chosen: all of the region). */
export async function createTask(tx: Tx, actor: Actor, input: TaskInput) {
  requireRegion(actor);
  const all = await municipalitiesOf(tx, actor.tenantId);
  const chosen = input.municipalityIds.length ? all.filter((m) => input.municipalityIds.includes(m.id)) : all;
  if (chosen.length !== (input.municipalityIds.length ? new Set(input.municipalityIds).size : all.length) || !chosen.length) {
    throw new AppError('validation', 'Муниципалитеты: выберите муниципалитеты своего региона', { municipalityIds: 'Выберите муниципалитеты своего региона' });
  }
  const [task] = await tx.insert(engagementTasks).values({ tenantId: actor.tenantId, kind: input.kind, title: input.title, description: input.description ?? null, dueOn: input.dueOn, createdBy: actor.userId }).returning();
  const assignments = await tx.insert(engagementAssignments).values(chosen.map((m) => ({ tenantId: m.id, taskId: task.id }))).returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'engagement_task', entityId: task.id, after: { ...task, municipalities: chosen.map((m) => m.code) } });
  for (const a of assignments) await recordAudit(tx, actor, { action: 'create', entity: 'engagement_assignment', entityId: a.id, tenantId: a.tenantId, after: a });
  const heads = await holdersOf(tx, chosen.map((m) => m.id), 'engagement.manage');
  for (const m of chosen) {
    await notify(tx, m.id, { userIds: heads.filter((h) => h.tenantId === m.id).map((h) => h.userId), caseId: null, kind: `engagement-task:${task.id}`, text: `Задание ЦУР «${task.title}», срок ${ruDay(task.dueOn)}` });
  }
  return { ...task, assignments: assignments.length };
}

/** The region's table: every task with each municipality's status. */
export async function regionTasks(db: Db, actor: Actor) {
  requireRegion(actor);
  const tasks = await db.select().from(engagementTasks).where(eq(engagementTasks.tenantId, actor.tenantId)).orderBy(desc(engagementTasks.createdAt));
  const ids = tasks.map((t) => t.id);
  const assignments = ids.length
    ? await db
        .select({ a: engagementAssignments, municipality: tenants.name })
        .from(engagementAssignments)
        .innerJoin(tenants, eq(tenants.id, engagementAssignments.tenantId))
        .where(inArray(engagementAssignments.taskId, ids))
        .orderBy(asc(tenants.name))
    : [];
  const files = await filesOf(db, 'report', assignments.map((x) => x.a.id));
  return {
    municipalities: await municipalitiesOf(db, actor.tenantId),
    items: tasks.map((t) => ({
      ...t,
      assignments: assignments.filter((x) => x.a.taskId === t.id).map((x) => ({ ...x.a, municipality: x.municipality, files: files.filter((f) => f.ownerId === x.a.id) })),
    })),
  };
}

/** The municipality's tasks from its ЦУР. */
export async function municipalityTasks(db: Db, actor: Actor) {
  requireMunicipality(actor);
  const found = await db
    .select({ a: engagementAssignments, t: engagementTasks })
    .from(engagementAssignments)
    .innerJoin(engagementTasks, eq(engagementTasks.id, engagementAssignments.taskId))
    .where(eq(engagementAssignments.tenantId, actor.tenantId))
    .orderBy(asc(engagementTasks.dueOn));
  const files = await filesOf(db, 'report', found.map((x) => x.a.id));
  return {
    items: found.map(({ a, t }) => ({ ...a, kind: t.kind, title: t.title, description: t.description, dueOn: t.dueOn, setAt: t.createdAt, files: files.filter((f) => f.ownerId === a.id) })),
  };
}

/** Loads an assignment the actor may act on: its own (МЦУ) or one of its tasks (ЦУР). */
export async function visibleAssignment(db: Db | Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ a: engagementAssignments, t: engagementTasks })
    .from(engagementAssignments)
    .innerJoin(engagementTasks, eq(engagementTasks.id, engagementAssignments.taskId))
    .where(eq(engagementAssignments.id, id));
  const mine = row && (actor.tenantKind === 'region' ? row.t.tenantId === actor.tenantId : row.a.tenantId === actor.tenantId);
  if (!mine) throw new AppError('not_found', 'Задание: запись не найдена');
  return row;
}

async function setStatus(tx: Tx, actor: Actor, id: string, from: AssignmentStatus[], to: AssignmentStatus, extra: Partial<typeof engagementAssignments.$inferInsert>, now: Date) {
  const { a, t } = await visibleAssignment(tx, actor, id);
  if (!from.includes(a.status as AssignmentStatus)) throw new AppError('conflict', `Задание уже в состоянии «${STATUS_RU[a.status as AssignmentStatus] ?? a.status}»: обновите страницу`);
  const [after] = await tx.update(engagementAssignments).set({ ...extra, status: to, updatedAt: now }).where(eq(engagementAssignments.id, id)).returning();
  await recordAudit(tx, actor, { action: to, entity: 'engagement_assignment', entityId: id, tenantId: a.tenantId, before: a, after });
  return { after, task: t };
}

const STATUS_RU: Record<AssignmentStatus, string> = { new: 'новое', accepted: 'принято', reported: 'отчёт отправлен', done: 'принято ЦУР', returned: 'возвращено' };

export async function acceptTask(tx: Tx, actor: Actor, id: string, now: Date) {
  requireMunicipality(actor);
  return (await setStatus(tx, actor, id, ['new'], 'accepted', {}, now)).after;
}

/** The МЦУ's report with its files; the ЦУР is notified. */
export async function sendReport(tx: Tx, actor: Actor, id: string, text: string, files: UploadedFile[], now: Date) {
  requireMunicipality(actor);
  const { after, task } = await setStatus(tx, actor, id, ['new', 'accepted', 'returned'], 'reported', { reportText: text, reportedAt: now }, now);
  for (const f of files) await storeFile(tx, actor, actor.tenantId, { kind: 'report', id }, f);
  const region = await holdersOf(tx, [task.tenantId], 'region.manage');
  await notify(tx, task.tenantId, { userIds: region.map((r) => r.userId), caseId: null, kind: `engagement-report:${id}:${now.getTime()}`, text: `Отчёт по заданию «${task.title}» получен` });
  return after;
}

/** The ЦУР accepts the report or returns it with a comment; the МЦУ is notified. */
export async function decideReport(tx: Tx, actor: Actor, id: string, decision: 'accept' | 'return', comment: string | null, now: Date) {
  requireRegion(actor);
  const { after, task } = await setStatus(tx, actor, id, ['reported'], decision === 'accept' ? 'done' : 'returned', { regionComment: comment, decidedAt: now }, now);
  const heads = await holdersOf(tx, [after.tenantId], 'engagement.manage');
  await notify(tx, after.tenantId, {
    userIds: heads.map((h) => h.userId),
    caseId: null,
    kind: `engagement-decision:${id}:${now.getTime()}`,
    text: decision === 'accept' ? `ЦУР принял отчёт по заданию «${task.title}»` : `ЦУР вернул отчёт по заданию «${task.title}»: ${comment}`,
  });
  return after;
}
