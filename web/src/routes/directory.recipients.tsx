import { useMemo, useState } from 'react';
import { Button, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_KINDS } from '../../../domain/directory/schemas';
import type { Recipient } from '../api/types';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { RowActions } from '../components/RowActions';
import { useCan } from '../features/auth/session';
import { confidenceKey } from '../features/directory/ConfidenceBadge';
import { recipientsQuery, topicsQuery, useRecipientActive } from '../features/directory/directory.api';
import { RecipientForm } from '../features/directory/RecipientForm';
import { territoryQuery } from '../features/territory/territory.api';
import { treeOrder } from '../lib/tree';
import { directoryRoute } from './directory';

interface Row {
  r: Recipient;
  depth: number;
}

const NONE = '__none__';

function RecipientsPage() {
  const { t } = useTranslation();
  const canManage = useCan()('directory.manage');
  const recipients = useQuery(recipientsQuery);
  const territory = useQuery(territoryQuery);
  const topics = useQuery(topicsQuery);
  const active = useRecipientActive();
  const [target, setTarget] = useState<Recipient | 'new' | null>(null);

  const settlements = territory.data?.settlements ?? [];
  const settlementName = useMemo(() => new Map(settlements.map((s) => [s.id, s.name])), [settlements]);
  const topicName = useMemo(() => new Map((topics.data?.items ?? []).map((x) => [x.id, x.name])), [topics.data]);
  const rows = useMemo<Row[] | undefined>(() => recipients.data && treeOrder(recipients.data).map(({ row, depth }) => ({ r: row, depth })), [recipients.data]);

  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        key: 'name',
        header: t('recipients.col.name'),
        value: ({ r }) => r.name,
        searchText: ({ r }) => [r.shortName, r.code, r.note].filter(Boolean).join(' '),
        render: ({ r, depth }, ctx) => {
          const unconfirmed = confidenceKey(r.confidence) !== 'confirmed';
          const label = t('recipients.noteIcon', { confidence: t(`recipients.confidence.${confidenceKey(r.confidence)}`) });
          return (
            <>
              {!ctx.sorted && !ctx.filtered && depth > 0 && <span style={{ display: 'inline-block', width: depth * 18 }} aria-hidden />}
              {unconfirmed && (
                <Tooltip label={r.note ? `${label}. ${r.note}` : label} maw={420}>
                  <span role="img" aria-label={r.note ? `${label}. ${r.note}` : label} tabIndex={0} style={{ marginRight: 4, verticalAlign: '-2px', color: 'var(--mantine-color-yellow-8)' }}>
                    <IconInfoCircle size={15} aria-hidden />
                  </span>
                </Tooltip>
              )}
              {r.name}
            </>
          );
        },
      },
      {
        key: 'kind',
        header: t('recipients.col.kind'),
        width: '19%',
        value: ({ r }) => t(`recipients.kind.${r.kind}`),
        filter: { label: t('recipients.col.kind'), options: RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`recipients.kind.${k}`) })), match: ({ r }, v) => r.kind === v, width: 210 },
      },
      {
        key: 'settlement',
        header: t('recipients.col.settlement'),
        width: '13%',
        value: ({ r }) => (r.settlementId ? settlementName.get(r.settlementId) : null),
        filter: {
          label: t('recipients.col.settlement'),
          options: [...settlements.map((s) => ({ value: s.id, label: s.name })), { value: NONE, label: t('common.notSet') }],
          match: ({ r }, v) => (v === NONE ? !r.settlementId : r.settlementId === v),
          width: 180,
        },
      },
      {
        key: 'topics',
        header: t('recipients.col.topics'),
        width: '14%',
        value: ({ r }) => r.topicIds.map((id) => topicName.get(id)).filter(Boolean).join(', '),
        render: ({ r }) =>
          r.topicIds.length ? (
            r.topicIds.map((id) => topicName.get(id)).filter(Boolean).join(', ')
          ) : (
            <Text span size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          ),
      },
      { key: 'contacts', header: t('recipients.col.contacts'), width: '11%', value: ({ r }) => [r.email, r.phone].filter(Boolean).join(', ') || null },
    ],
    [t, settlementName, settlements, topicName],
  );

  return (
    <Fill>
      <DataTable
        label={t('directory.tabs.recipients')}
        rows={rows}
        columns={columns}
        rowKey={({ r }) => r.id}
        isInactive={({ r }) => !r.isActive}
        onOpen={({ r }) => setTarget(r)}
        loading={recipients.isPending}
        error={recipients.error}
        onRetry={() => void recipients.refetch()}
        actionsWidth={72}
        toolbar={
          canManage && (
            <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setTarget('new')}>
              {t('recipients.add')}
            </Button>
          )
        }
        rowActions={({ r }) => (
          <RowActions
            name={r.name}
            isActive={r.isActive}
            canManage={canManage}
            onEdit={() => setTarget(r)}
            onToggle={() => active.mutate({ id: r.id, isActive: !r.isActive, name: r.shortName || r.name })}
            toggling={active.isPending && active.variables?.id === r.id}
          />
        )}
      />
      <RecipientForm
        target={target}
        recipients={recipients.data ?? []}
        settlements={settlements}
        topics={topics.data?.items ?? []}
        readOnly={!canManage}
        onClose={() => setTarget(null)}
      />
    </Fill>
  );
}

export const recipientsRoute = createRoute({
  getParentRoute: () => directoryRoute,
  path: 'recipients',
  component: RecipientsPage,
});
