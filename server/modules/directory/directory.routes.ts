import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activeInput, recipientInput, topicBlockInput, topicInput } from '../../../domain/directory/schemas';
import { actorOf } from '../../http/auth-plugin';
import { recipients, topicBlocks, topics } from '../../db/schema';
import { setActive } from '../../db/set-active';
import { listBlocks, listRecipients, listTopics } from './directory.repo';
import { saveRecipient } from './save-recipient';
import { saveTopic } from './save-topic';
import { saveTopicBlock } from './save-topic-block';
import { importRubricator } from './import-rubricator';
import { AppError } from '../../errors';

const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const read = { policy: 'directory.read' as const };
  const manage = { policy: 'directory.manage' as const };
  const R = ['Получатели'];
  const T = ['Рубрикатор'];

  r.get('/api/recipients', { config: read, schema: { tags: R, summary: 'Ответственные получатели' } }, async (req) => ({ items: await listRecipients(db, actorOf(req).tenantId) }));
  r.post('/api/recipients', { config: manage, schema: { tags: R, summary: 'Добавить получателя', body: recipientInput } }, async (req) =>
    db.transaction((tx) => saveRecipient(tx, actorOf(req), req.body)),
  );
  r.put('/api/recipients/:id', { config: manage, schema: { tags: R, summary: 'Изменить получателя', params: idParam, body: recipientInput } }, async (req) =>
    db.transaction((tx) => saveRecipient(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/recipients/:id/active', { config: manage, schema: { tags: R, summary: 'Отключить или включить получателя', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), recipients, 'recipient', 'Получатель', req.params.id, req.body.isActive)),
  );

  r.get('/api/topics', { config: read, schema: { tags: T, summary: 'Рубрикатор: блоки, тематики и подтематики' } }, async (req) => {
    const tenantId = actorOf(req).tenantId;
    const [blocks, items] = await Promise.all([listBlocks(db, tenantId), listTopics(db, tenantId)]);
    return { blocks, items };
  });
  r.post('/api/topics', { config: manage, schema: { tags: T, summary: 'Добавить тематику или подтематику', body: topicInput } }, async (req) =>
    db.transaction((tx) => saveTopic(tx, actorOf(req), req.body)),
  );
  r.put('/api/topics/:id', { config: manage, schema: { tags: T, summary: 'Изменить тематику', params: idParam, body: topicInput } }, async (req) =>
    db.transaction((tx) => saveTopic(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/topics/:id/active', { config: manage, schema: { tags: T, summary: 'Отключить или включить тематику', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), topics, 'topic', 'Тематика', req.params.id, req.body.isActive)),
  );
  r.post('/api/topics/import', { config: manage, schema: { tags: T, summary: 'Загрузить рубрикатор (CSV: topic_code;topic_name;subtopic_code;subtopic_name;block_code;priority)', consumes: ['multipart/form-data'] } }, async (req) => {
    const file = await req.file();
    if (!file) throw new AppError('validation', 'Файл: выберите файл для загрузки', { file: 'Выберите файл' });
    const data = await file.toBuffer();
    if (!data.length) throw new AppError('validation', 'Файл пуст', { file: 'Файл пуст' });
    return db.transaction((tx) => importRubricator(tx, actorOf(req), data));
  });
  r.post('/api/topic-blocks', { config: manage, schema: { tags: T, summary: 'Добавить отраслевой блок', body: topicBlockInput } }, async (req) =>
    db.transaction((tx) => saveTopicBlock(tx, actorOf(req), req.body)),
  );
  r.put('/api/topic-blocks/:id', { config: manage, schema: { tags: T, summary: 'Изменить отраслевой блок', params: idParam, body: topicBlockInput } }, async (req) =>
    db.transaction((tx) => saveTopicBlock(tx, actorOf(req), req.body, req.params.id)),
  );
  r.patch('/api/topic-blocks/:id/active', { config: manage, schema: { tags: T, summary: 'Отключить или включить блок', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setActive(tx, actorOf(req), topicBlocks, 'topic_block', 'Отраслевой блок', req.params.id, req.body.isActive)),
  );
}
