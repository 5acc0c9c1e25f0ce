import { useMemo, useState } from 'react';
import { ActionIcon, Anchor, Badge, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CONFLICT_REASONS } from '../../../../domain/engagement/conflicts';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { Fill } from '../../components/Page';
import { formatDateTime } from '../../lib/format';
import { useCan, useTimeZone } from '../auth/session';
import { conflictsQuery, keys, reviewConflict, useAction, type ConflictRow } from './engagement.api';

const PERIODS = [30, 90, 365];

/** «Конфликты»: answers flagged by the rules, with the reason and a link to the case; mark reviewed. */
export function ConflictsTab() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const canReview = useCan()('cases.review');
  const [days, setDays] = useState(90);
  const [reviewed, setReviewed] = useState(false);
  const list = useQuery(conflictsQuery(days, reviewed));
  const review = useAction((r: ConflictRow) => reviewConflict(r.answerId), keys.conflicts, t('engagement.conflicts.reviewed'));

  const columns = useMemo<DataTableColumn<ConflictRow>[]>(
    () => [
      { key: 'at', header: t('engagement.conflicts.col.at'), width: 130, value: (r) => r.answeredAt, render: (r) => formatDateTime(r.answeredAt, tz) },
      {
        key: 'case',
        header: t('engagement.conflicts.col.case'),
        width: 120,
        value: (r) => r.caseNumber,
        render: (r) => <Anchor component={Link} to="/cases/$id" params={{ id: r.caseId } as never} size="sm" onClick={(e: React.MouseEvent) => e.stopPropagation()}>{r.caseNumber}</Anchor>,
      },
      { key: 'source', header: t('engagement.conflicts.col.source'), width: 140, value: (r) => t(`engagement.conflicts.source.${r.source}`) },
      {
        key: 'reasons',
        header: t('engagement.conflicts.col.reasons'),
        width: '28%',
        wrap: true,
        value: (r) => r.hits.map((h) => t(`engagement.conflicts.reason.${h.reason}`, { detail: h.detail })).join('; '),
        render: (r) => (
          <Stack gap={2}>
            {r.hits.map((h) => <Badge key={h.reason} size="sm" variant="light" color={h.reason === 'rude' ? 'red' : h.reason === 'low_rating' ? 'orange' : 'yellow'} tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>{t(`engagement.conflicts.reason.${h.reason}`, { detail: h.detail })}</Badge>)}
          </Stack>
        ),
        filter: { label: t('engagement.conflicts.col.reasons'), options: CONFLICT_REASONS.map((c) => ({ value: c, label: t(`engagement.conflicts.reasonName.${c}`) })), match: (r, v) => r.hits.some((h) => h.reason === v), width: 190 },
      },
      { key: 'excerpt', header: t('engagement.conflicts.col.excerpt'), wrap: true, value: (r) => r.excerpt, render: (r) => <Text size="sm" lineClamp={3}>{r.excerpt}</Text> },
    ],
    [t, tz],
  );

  return (
    <Fill gap="xs">
      <Text size="xs" c="dimmed">{t('engagement.conflicts.intro')}</Text>
      <DataTable
        label={t('engagement.conflicts.label')}
        rows={list.data?.items}
        columns={columns}
        rowKey={(r) => r.answerId}
        loading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        toolbarStart={
          <SegmentedControl
            size="xs"
            value={reviewed ? '1' : '0'}
            onChange={(v) => setReviewed(v === '1')}
            data={[
              { value: '0', label: t('engagement.conflicts.unreviewed', { n: list.data && !reviewed ? list.data.unreviewed : (list.data?.unreviewed ?? '…') }) },
              { value: '1', label: t('engagement.conflicts.showReviewed') },
            ]}
          />
        }
        filters={
          <Select
            size="xs"
            w={150}
            aria-label={t('engagement.conflicts.days')}
            allowDeselect={false}
            value={String(days)}
            onChange={(v) => v && setDays(Number(v))}
            data={PERIODS.map((n) => ({ value: String(n), label: t('engagement.conflicts.daysOption', { n }) }))}
          />
        }
        actionsWidth={44}
        rowActions={(r) =>
          canReview && !r.reviewedAt ? (
            <Group gap={2}>
              <ActionIcon variant="subtle" size="sm" color="green" aria-label={t('engagement.conflicts.reviewOf', { number: r.caseNumber })} title={t('engagement.conflicts.review')} onClick={() => review.mutate(r)} loading={review.isPending && review.variables?.answerId === r.answerId}>
                <IconCheck size={14} />
              </ActionIcon>
            </Group>
          ) : null
        }
      />
    </Fill>
  );
}
