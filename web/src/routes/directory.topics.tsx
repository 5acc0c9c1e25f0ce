import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, SegmentedControl, Tooltip } from '@mantine/core';
import { IconPlus, IconSubtask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Topic, TopicBlock } from '../api/types';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { RowActions } from '../components/RowActions';
import { useCan } from '../features/auth/session';
import { BlockForm } from '../features/directory/BlockForm';
import { topicsQuery, useTopicActive, useTopicBlockActive } from '../features/directory/directory.api';
import { TopicForm, type TopicTarget } from '../features/directory/TopicForm';
import { treeOrder } from '../lib/tree';
import { directoryRoute } from './directory';

interface Row {
  topic: Topic;
  depth: number;
}

const NONE = '__none__';

type View = 'topics' | 'blocks';

function TopicsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view: View = topicsRoute.useSearch().view ?? 'topics';
  const canManage = useCan()('directory.manage');
  const q = useQuery(topicsQuery);
  const topicActive = useTopicActive();
  const blockActive = useTopicBlockActive();
  const [topicTarget, setTopicTarget] = useState<TopicTarget>(null);
  const [blockTarget, setBlockTarget] = useState<TopicBlock | 'new' | null>(null);

  const blocks = q.data?.blocks;
  const topics = q.data?.items;
  const blockName = useMemo(() => new Map((blocks ?? []).map((b) => [b.id, b.name])), [blocks]);
  const rows = useMemo<Row[] | undefined>(() => topics && treeOrder(topics).map(({ row, depth }) => ({ topic: row, depth })), [topics]);
  const perBlock = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of topics ?? []) if (x.blockId) m.set(x.blockId, (m.get(x.blockId) ?? 0) + 1);
    return m;
  }, [topics]);

  const blockColumns = useMemo<DataTableColumn<TopicBlock>[]>(
    () => [
      { key: 'name', header: t('topics.col.name'), value: (b) => b.name, searchText: (b) => b.code },
      { key: 'code', header: t('topics.col.code'), width: '25%', value: (b) => b.code },
      { key: 'count', header: t('topics.col.topicsCount'), width: '15%', align: 'right', value: (b) => perBlock.get(b.id) ?? 0 },
    ],
    [t, perBlock],
  );

  const topicColumns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        key: 'name',
        header: t('topics.col.name'),
        value: ({ topic }) => topic.name,
        render: ({ topic, depth }, ctx) => (
          <>
            {!ctx.sorted && !ctx.filtered && depth > 0 && <span style={{ display: 'inline-block', width: depth * 20 }} aria-hidden />}
            {depth === 0 && !ctx.sorted && !ctx.filtered ? <strong style={{ fontWeight: 600 }}>{topic.name}</strong> : topic.name}
          </>
        ),
      },
      { key: 'code', header: t('topics.col.code'), width: '20%', value: ({ topic }) => topic.code },
      {
        key: 'block',
        header: t('topics.col.block'),
        width: '19%',
        value: ({ topic }) => (topic.blockId ? blockName.get(topic.blockId) : null),
        filter: {
          label: t('topics.col.block'),
          options: [...(blocks ?? []).map((b) => ({ value: b.id, label: b.name })), { value: NONE, label: t('topics.noBlock') }],
          match: ({ topic }, v) => (v === NONE ? !topic.blockId : topic.blockId === v),
          width: 200,
        },
      },
      {
        key: 'priority',
        header: t('topics.col.priority'),
        width: 160,
        value: ({ topic }) => topic.priority,
        searchText: ({ topic }) => (topic.priority ? t('topics.priority') : null),
        tooltip: ({ topic }) => (topic.priority ? t('topics.priorityLong') : null),
        render: ({ topic }) =>
          topic.priority && (
            <Badge color="steel" variant="light">
              {t('topics.priority')}
            </Badge>
          ),
        filter: {
          label: t('topics.col.priority'),
          options: [
            { value: 'yes', label: t('topics.priority') },
            { value: 'no', label: t('common.no') },
          ],
          match: ({ topic }, v) => topic.priority === (v === 'yes'),
          width: 170,
        },
      },
      { key: 'sort', header: t('topics.col.sort'), width: 84, align: 'right', value: ({ topic }) => topic.sort },
    ],
    [t, blockName, blocks],
  );

  const viewSwitch = (
    <SegmentedControl
      size="xs"
      aria-label={t('topics.view')}
      value={view}
      onChange={(v) => void navigate({ to: '/directory/topics', search: v === 'blocks' ? { view: 'blocks' } : {}, replace: true })}
      data={[
        { value: 'topics', label: `${t('topics.topicsShort')} · ${topics?.length ?? '…'}` },
        { value: 'blocks', label: `${t('topics.blocks')} · ${blocks?.length ?? '…'}` },
      ]}
    />
  );

  return (
    <Fill>
      {view === 'blocks' ? (
        <DataTable
          key="blocks"
          label={t('topics.blocks')}
          rows={blocks}
          columns={blockColumns}
          rowKey={(b) => b.id}
          isInactive={(b) => !b.isActive}
          onOpen={setBlockTarget}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          actionsWidth={72}
          toolbarStart={viewSwitch}
          toolbar={
            canManage && (
              <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setBlockTarget('new')}>
                {t('topics.addBlock')}
              </Button>
            )
          }
          rowActions={(b) => (
            <RowActions
              name={b.name}
              isActive={b.isActive}
              canManage={canManage}
              onEdit={() => setBlockTarget(b)}
              onToggle={() => blockActive.mutate({ id: b.id, isActive: !b.isActive, name: b.name })}
              toggling={blockActive.isPending && blockActive.variables?.id === b.id}
            />
          )}
        />
      ) : (
        <DataTable
          key="topics"
          label={t('topics.topics')}
          rows={rows}
          columns={topicColumns}
          rowKey={({ topic }) => topic.id}
          isInactive={({ topic }) => !topic.isActive}
          onOpen={({ topic }) => setTopicTarget(topic)}
          loading={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          actionsWidth={100}
          toolbarStart={viewSwitch}
          toolbar={
            canManage && (
              <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTopicTarget({ new: true, parentId: null, blockId: null })}>
                {t('topics.addTopic')}
              </Button>
            )
          }
          rowActions={({ topic }) => (
            <>
              {canManage && !topic.parentId && (
                <Tooltip label={t('topics.addSubtopicOf', { name: topic.name })}>
                  <ActionIcon size="sm" aria-label={t('topics.addSubtopicOf', { name: topic.name })} onClick={() => setTopicTarget({ new: true, parentId: topic.id, blockId: topic.blockId })}>
                    <IconSubtask size={15} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
              <RowActions
                name={topic.name}
                isActive={topic.isActive}
                canManage={canManage}
                onEdit={() => setTopicTarget(topic)}
                onToggle={() => topicActive.mutate({ id: topic.id, isActive: !topic.isActive, name: topic.name })}
                toggling={topicActive.isPending && topicActive.variables?.id === topic.id}
              />
            </>
          )}
        />
      )}
      <TopicForm target={topicTarget} topics={topics ?? []} blocks={blocks ?? []} readOnly={!canManage} onClose={() => setTopicTarget(null)} />
      <BlockForm target={blockTarget} readOnly={!canManage} onClose={() => setBlockTarget(null)} />
    </Fill>
  );
}

export const topicsRoute = createRoute({
  getParentRoute: () => directoryRoute,
  path: 'topics',
  validateSearch: (search: Record<string, unknown>): { view?: View } => (search.view === 'blocks' ? { view: 'blocks' } : {}),
  component: TopicsPage,
});
