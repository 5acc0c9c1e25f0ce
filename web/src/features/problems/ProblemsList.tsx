import { useCallback, useMemo, useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useCan, useTimeZone } from '../auth/session';
import { formatDate } from '../../lib/format';
import { PROBLEM_STATUSES } from '../../../../domain/problems/schemas';
import { problemsQuery, type ProblemRow } from './problems.api';
import { ProblemForm, type ProblemDraft } from './ProblemForm';
import { ExportMenu } from '../exports/ExportMenu';

export const STATUS_COLOR: Record<string, string> = { open: 'orange', in_progress: 'blue', resolved: 'green', not_confirmed: 'gray' };

export function ProblemStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light">
      {t(`problems.status.${status}` as 'problems.status.open')}
    </Badge>
  );
}

/** «Проблемы»: every problem with its cases and measures; a row opens the card. */
export function ProblemsList() {
  const { t } = useTranslation();
  const can = useCan();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const list = useQuery(problemsQuery());
  const [draft, setDraft] = useState<ProblemDraft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const onFiltersChange = useCallback((f: Record<string, string | null>) => setStatus(f.status ?? null), []);
  const columns = useMemo<DataTableColumn<ProblemRow>[]>(
    () => [
      { key: 'title', header: t('problems.col.title'), value: (p) => p.title, render: (p) => <>{p.title} <Text span size="xs" c="dimmed">{t(`problems.source.${p.source}` as 'problems.source.manual')}</Text></> },
      {
        key: 'status',
        header: t('problems.col.status'),
        width: 130,
        value: (p) => t(`problems.status.${p.status}` as 'problems.status.open'),
        render: (p) => <ProblemStatus status={p.status} />,
        filter: { label: t('problems.col.status'), options: PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`problems.status.${s}`) })), match: (p, v) => p.status === v, width: 170 },
      },
      { key: 'topic', header: t('problems.col.topic'), width: '16%', value: (p) => p.topic?.name ?? null },
      { key: 'settlement', header: t('problems.col.settlement'), width: '14%', value: (p) => p.settlement?.name ?? null },
      { key: 'cases', header: t('problems.col.cases'), width: 96, align: 'right', value: (p) => p.cases, searchable: false },
      { key: 'casesWeek', header: t('problems.col.casesWeek'), width: 90, align: 'right', value: (p) => p.casesWeek, searchable: false },
      {
        key: 'measures',
        header: t('problems.col.measures'),
        width: 150,
        value: (p) => p.measures,
        searchable: false,
        render: (p) =>
          p.measures ? (
            <>
              {t('problems.measuresOf', { done: p.measuresDone, total: p.measures })}
              {p.measuresOverdue > 0 && <Badge color="red" variant="light" ml={6}>{t('problems.overdueN', { n: p.measuresOverdue })}</Badge>}
            </>
          ) : (
            '—'
          ),
      },
      { key: 'updated', header: t('problems.col.updated'), width: 110, value: (p) => p.updatedAt, searchable: false, render: (p) => <span className="tabular">{formatDate(p.updatedAt, timeZone)}</span> },
    ],
    [t, timeZone],
  );
  return (
    <>
      <DataTable
        label={t('problems.tabs.list')}
        rows={list.data}
        columns={columns}
        rowKey={(p) => p.id}
        onOpen={(p) => void navigate({ to: '/problems/$id', params: { id: p.id } })}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        initialSort={{ key: 'updated', dir: 'desc' }}
        onFiltersChange={onFiltersChange}
        toolbar={
          <Group gap="xs">
            <ExportMenu list="problems" params={{ status }} />
            {can('problems.manage') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft({ title: '', description: '', topicId: null, settlementId: null })}>
                {t('problems.add')}
              </Button>
            )}
          </Group>
        }
      />
      <ProblemForm draft={draft} onClose={() => setDraft(null)} />
    </>
  );
}
