import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { keywordRulesQuery, useCanConfigureRouting, useDeleteKeywordRule, type KeywordRule } from '../features/classify/classify.api';
import { ClassifyNoAccess } from '../features/classify/ClassifyNoAccess';
import { KeywordRuleForm, type KeywordTarget } from '../features/classify/KeywordRuleForm';
import { useClassifyNames } from '../features/classify/names';
import { formatNumber } from '../lib/format';
import { directoryRoute } from './directory';

interface Row { id: string; topicId: string; keywords: string[]; weight: number; isActive: boolean; rule: KeywordRule | null }

function KeywordsPage() {
  const { t } = useTranslation();
  const allowed = useCanConfigureRouting();
  const q = useQuery({ ...keywordRulesQuery, enabled: allowed });
  const names = useClassifyNames();
  const remove = useDeleteKeywordRule();
  const [target, setTarget] = useState<KeywordTarget>(null);

  const rows = useMemo<Row[] | undefined>(
    () =>
      q.data && [
        ...q.data.items.map((r) => ({ ...r, rule: r })),
        ...q.data.starter.map((r, i) => ({ id: `starter-${i}`, topicId: r.topicId, keywords: r.keywords, weight: 1, isActive: true, rule: null })),
      ],
    [q.data],
  );
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        key: 'topic',
        header: t('classify.keywords.col.topic'),
        width: '32%',
        value: (r) => names.topicName(r.topicId),
        filter: { label: t('classify.keywords.col.topic'), options: names.topLevel.map((x) => ({ value: x.id, label: x.name })), match: (r, v) => names.topicParent(r.topicId) === v, width: 240 },
      },
      {
        key: 'keywords',
        header: t('classify.keywords.col.keywords'),
        value: (r) => r.keywords.join(', '),
        render: (r) => (
          <>
            {!r.rule && (
              <Badge size="xs" variant="light" color="gray" mr={6}>
                {t('classify.keywords.builtIn')}
              </Badge>
            )}
            {r.keywords.join(', ')}
          </>
        ),
      },
      { key: 'weight', header: t('classify.keywords.col.weight'), width: 80, align: 'right', value: (r) => r.weight, render: (r) => formatNumber(r.weight, 1) },
    ],
    [t, names],
  );

  if (!allowed) return <ClassifyNoAccess />;
  return (
    <Fill>
      <Text size="sm" c="dimmed" mb={6} maw={980}>
        {t('classify.keywords.intro')}
      </Text>
      <DataTable
        label={t('classify.keywords.label')}
        rows={names.ready ? rows : undefined}
        columns={columns}
        rowKey={(r) => r.id}
        isInactive={(r) => !r.isActive}
        onOpen={(r) => setTarget(r.rule ?? { new: true, topicId: r.topicId })}
        loading={q.isPending || !names.ready}
        error={q.error}
        onRetry={() => void q.refetch()}
        emptyText={t('classify.keywords.empty')}
        actionsWidth={72}
        toolbar={
          <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTarget({ new: true, topicId: null })}>
            {t('classify.keywords.add')}
          </Button>
        }
        rowActions={(row) => {
          const name = names.topicName(row.topicId);
          const r = row.rule;
          if (!r)
            return (
              <Tooltip label={t('classify.keywords.extend', { name })}>
                <ActionIcon size="sm" aria-label={t('classify.keywords.extend', { name })} onClick={() => setTarget({ new: true, topicId: row.topicId })}>
                  <IconPlus size={15} aria-hidden />
                </ActionIcon>
              </Tooltip>
            );
          return (
            <>
              <Tooltip label={t('classify.editOf', { name })}>
                <ActionIcon size="sm" aria-label={t('classify.editOf', { name })} onClick={() => setTarget(r)}>
                  <IconPencil size={15} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('classify.deleteOf', { name })}>
                <ActionIcon size="sm" color="red" aria-label={t('classify.deleteOf', { name })} loading={remove.isPending && remove.variables === r.id} onClick={() => remove.mutate(r.id)}>
                  <IconTrash size={15} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </>
          );
        }}
      />
      <KeywordRuleForm target={target} onClose={() => setTarget(null)} />
    </Fill>
  );
}

export const keywordsRoute = createRoute({ getParentRoute: () => directoryRoute, path: 'keywords', component: KeywordsPage });
