import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerInput, assignInput, extendInput, forwardInput, linkInput, mergeInput, noteInput, pauseInput, rateInput, reasonInput, reviewReturnInput } from '../../../domain/cases/schemas';
import { actorOf } from '../../http/auth-plugin';
import type { Policy } from '../../http/context';
import { caseIdParam } from './cases.routes';
import { assignCase } from './actions/assign-case';
import { acceptCase } from './actions/accept-case';
import { declineCase } from './actions/decline-case';
import { forwardCase } from './actions/forward-case';
import { rejectCase } from './actions/reject-case';
import { mergeCase } from './actions/merge-case';
import { returnToExecutor } from './actions/return-to-executor';
import { reopenCase } from './actions/reopen-case';
import { closeCase } from './actions/close-case';
import { submitAnswer } from './actions/submit-answer';
import { approveAnswer, returnForRework } from './actions/review-answer';
import { rateAnswer } from './actions/rate-answer';
import { extendDeadline } from './actions/extend-deadline';
import { pauseDeadline, resumeDeadline } from './actions/pause-deadline';
import { addNote, linkCases } from './actions/case-extras';
import { registerReceived } from './actions/register-received';

const TAG = ['Действия с обращением'];
const empty = z.strictObject({}).nullish();

/** Lifecycle actions: thin routes, each one action in one transaction (the action checks rights). */
export async function caseActionsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const route = <B extends z.ZodTypeAny>(path: string, summary: string, policy: Policy, body: B, run: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], actor: ReturnType<typeof actorOf>, id: string, input: z.infer<B>) => Promise<unknown>) =>
    r.post(`/api/cases/:id/${path}`, { config: { policy }, schema: { tags: TAG, summary, params: caseIdParam, body } }, async (req) =>
      db.transaction((tx) => run(tx, actorOf(req), req.params.id, req.body as z.infer<B>)),
    );

  route('register', 'Зарегистрировать поступившее (из импорта или с сайта)', 'cases.register', empty, (tx, a, id) => registerReceived(tx, a, id, clock()));
  route('assign', 'Направить получателю / переназначить', 'cases.route', assignInput, (tx, a, id, b) => assignCase(tx, a, id, b));
  route('accept', 'Принять в работу', 'cases.work', empty, (tx, a, id) => acceptCase(tx, a, id));
  route('decline', 'Вернуть в МЦУ: не наша компетенция', 'cases.work', reasonInput, (tx, a, id, b) => declineCase(tx, a, id, b.reason));
  route('forward', 'Перенаправить по компетенции в другой орган', 'cases.route', forwardInput, (tx, a, id, b) => forwardCase(tx, a, id, b.forwardedTo, b.reason, clock()));
  route('reject', 'Отклонить', 'cases.route', reasonInput, (tx, a, id, b) => rejectCase(tx, a, id, b.reason, clock()));
  route('merge', 'Объединить как дубликат', 'cases.route', mergeInput, (tx, a, id, b) => mergeCase(tx, a, id, b.duplicateOfId, clock()));
  route('interim', 'Дать промежуточный ответ', 'cases.work', answerInput, (tx, a, id, b) => submitAnswer(tx, a, id, b, 'interim', clock()));
  route('prepare', 'Ответ подготовлен: передать руководителю получателя', 'cases.work', answerInput, (tx, a, id, b) => submitAnswer(tx, a, id, b, 'prepare', clock()));
  route('submit', 'Направить ответ на проверку МЦУ', 'cases.work', answerInput, (tx, a, id, b) => submitAnswer(tx, a, id, b, 'submit', clock()));
  route('return-to-executor', 'Вернуть исполнителю', 'cases.work', reasonInput, (tx, a, id, b) => returnToExecutor(tx, a, id, b.reason));
  route('approve', 'Принять ответ и направить заявителю', 'cases.review', empty, (tx, a, id) => approveAnswer(tx, a, id, clock()));
  route('return', 'Вернуть на доработку', 'cases.review', reviewReturnInput, (tx, a, id, b) => returnForRework(tx, a, id, b.criteria, b.comment, clock()));
  route('rate', 'Внести оценку заявителя (получена по телефону или письмом)', 'cases.review', rateInput, (tx, a, id, b) => rateAnswer(tx, a, id, b.rating, b.comment, clock(), 'staff'));
  route('reopen', 'Возобновить (заявитель оспорил решение)', 'cases.review', reasonInput, (tx, a, id, b) => reopenCase(tx, a, id, b.reason));
  route('close', 'Закрыть', 'cases.close', empty, (tx, a, id) => closeCase(tx, a, id, clock()));
  route('extend', 'Продлить срок (59-ФЗ ст. 12 ч. 2)', 'cases.review', extendInput, (tx, a, id, b) => extendDeadline(tx, a, id, b.days, b.reason));
  route('pause', 'Приостановить срок', 'authenticated', pauseInput, (tx, a, id, b) => pauseDeadline(tx, a, id, b.reason, clock()));
  route('resume', 'Возобновить течение срока', 'authenticated', empty, (tx, a, id) => resumeDeadline(tx, a, id, clock()));
  route('notes', 'Добавить внутреннюю заметку', 'authenticated', noteInput, (tx, a, id, b) => addNote(tx, a, id, b.text));
  route('links', 'Связать с другим обращением', 'cases.route', linkInput, (tx, a, id, b) => linkCases(tx, a, id, b.relatedCaseId));
}
