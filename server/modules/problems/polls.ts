import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { pollQuestions, polls } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import type { PollInput } from '../../../domain/problems/schemas';
import { recordAudit } from '../audit/record-audit';
import { weeklySignals } from '../analytics/signals';
import { assertManage, assertMunicipal, assertOwned } from './access';

/** Polls, votes and public discussions with their questions and results. */
export async function listPolls(db: Db, actor: Actor) {
  assertMunicipal(actor);
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT p.id, p.kind, p.title, p.platform, p.settlement_id, s.name AS settlement, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.problem_id, pr.title AS problem, p.participants,
               coalesce((SELECT json_agg(json_build_object('question', q.question, 'results', q.results) ORDER BY q.position) FROM poll_questions q WHERE q.poll_id = p.id), '[]') AS questions
        FROM polls p LEFT JOIN settlements s ON s.id = p.settlement_id LEFT JOIN problems pr ON pr.id = p.problem_id
        WHERE p.tenant_id = ${actor.tenantId} ORDER BY p.starts_on DESC, p.title`,
  );
  return {
    items: found.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      title: r.title as string,
      platform: r.platform as string,
      settlement: r.settlement_id ? { id: r.settlement_id as string, name: r.settlement as string } : null,
      startsOn: r.starts_on as string,
      endsOn: r.ends_on as string,
      problem: r.problem_id ? { id: r.problem_id as string, title: r.problem as string } : null,
      participants: (r.participants as number | null) ?? null,
      questions: (typeof r.questions === 'string' ? JSON.parse(r.questions) : r.questions) as { question: string; results: { option: string; votes: number }[] }[],
    })),
  };
}

/** Records one poll with its questions (entered by hand or from an import). */
export async function createPoll(tx: Tx, actor: Actor, input: PollInput) {
  assertManage(actor);
  await assertOwned(tx, 'settlements', actor.tenantId, input.settlementId, 'settlementId', 'Поселение');
  await assertOwned(tx, 'problems', actor.tenantId, input.problemId, 'problemId', 'Проблема');
  const [p] = await tx
    .insert(polls)
    .values({
      tenantId: actor.tenantId,
      kind: input.kind,
      title: input.title,
      platform: input.platform,
      settlementId: input.settlementId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      problemId: input.problemId ?? null,
      participants: input.participants ?? null,
      createdBy: actor.userId,
    })
    .returning();
  await tx.insert(pollQuestions).values(input.questions.map((q, i) => ({ tenantId: actor.tenantId, pollId: p.id, position: i + 1, question: q.question, results: q.results })));
  await recordAudit(tx, actor, { action: 'create', entity: 'poll', entityId: p.id, after: { title: p.title, kind: p.kind, questions: input.questions.length } });
  return { id: p.id, title: p.title };
}

/** Links a poll to a problem (or unlinks it). */
export async function linkPoll(tx: Tx, actor: Actor, id: string, problemId: string | null) {
  assertManage(actor);
  await assertOwned(tx, 'problems', actor.tenantId, problemId, 'problemId', 'Проблема');
  const updated = await rows<{ id: string }>(tx, sql`UPDATE polls SET problem_id = ${problemId} WHERE id = ${id} AND tenant_id = ${actor.tenantId} RETURNING id`);
  if (!updated.length) throw new AppError('not_found', 'Опрос не найден');
  await recordAudit(tx, actor, { action: 'link', entity: 'poll', entityId: id, after: { problemId } });
  return { id, problemId };
}

/**
 * Candidate questions for the next poll (п. 1.1 е): the growth signals of the last complete week
 * (the heat map's problem points) and the open problems with the most cases in the last 30 days.
 */
export async function pollCandidates(db: Db, actor: Actor, now: Date) {
  assertMunicipal(actor);
  const signals = await weeklySignals(db, actor, {}, now);
  const since = new Date(now.getTime() - 30 * 864e5);
  const open = await rows<{ id: string; title: string; topic: string | null; settlement: string | null; n: number }>(
    db,
    sql`SELECT p.id, p.title, t.name AS topic, s.name AS settlement, count(c.id)::int AS n
        FROM problems p LEFT JOIN topics t ON t.id = p.topic_id LEFT JOIN settlements s ON s.id = p.settlement_id
        LEFT JOIN problem_cases pc ON pc.problem_id = p.id LEFT JOIN cases c ON c.id = pc.case_id AND c.received_at >= ${since}
        WHERE p.tenant_id = ${actor.tenantId} AND p.status IN ('open', 'in_progress')
        GROUP BY p.id, t.name, s.name ORDER BY n DESC, p.updated_at DESC LIMIT 10`,
  );
  const items = [
    ...signals.items
      .filter((s) => !s.dismissed)
      .slice(0, 10)
      .map((s) => ({
        source: 'signal' as const,
        key: s.signalKey,
        topic: s.topic.name,
        settlement: s.settlement.name,
        count: s.observed,
        why: `Рост за неделю ${signals.week.code.slice(-3)}: ${s.observed} при ожидаемых ${s.expected.toFixed(1).replace('.', ',')}`,
        question: `${s.settlement.name}: как вы оцениваете ситуацию по теме «${s.topic.name}»? Что нужно сделать в первую очередь?`,
        registerQuery: s.registerQuery,
      })),
    ...open.map((p) => ({
      source: 'problem' as const,
      key: p.id,
      topic: p.topic,
      settlement: p.settlement,
      count: p.n,
      why: `Открытая проблема «${p.title}»: ${p.n} обращений за 30 дней`,
      question: `${p.settlement ?? 'Район'}: удалось ли решить проблему «${p.title}»? Оцените изменения за последний месяц.`,
      registerQuery: null,
    })),
  ];
  return { week: signals.week, items };
}
