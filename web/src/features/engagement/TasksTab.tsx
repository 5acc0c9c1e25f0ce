import { useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STATUSES } from '../../../../domain/engagement/schemas';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { Fill } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { useCan } from '../auth/session';
import { recommendationsQuery, tasksQuery, type Recommendation } from './engagement.api';
import { Files, MunicipalTaskDrawer, RecommendationForm, RegionTaskDrawer, StatusBadge, TaskForm, type MunicipalTask, type RegionTask } from './TaskDrawers';

/** «Задания ЦУР»: the ЦУР sets tasks and sees every municipality's status; the МЦУ answers with reports. */
export function TasksTab() {
  const { t } = useTranslation();
  const can = useCan();
  const tasks = useQuery(tasksQuery);
  const recs = useQuery(recommendationsQuery);
  const [view, setView] = useState<'tasks' | 'recommendations'>('tasks');
  const [adding, setAdding] = useState<'task' | 'rec' | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const data = tasks.data;
  const isRegion = data?.view === 'region';
  const municipalities = data?.view === 'region' ? data.municipalities : [];
  const today = new Date().toISOString().slice(0, 10);

  const regionColumns = useMemo<DataTableColumn<RegionTask>[]>(
    () => [
      { key: 'title', header: t('engagement.tasks.col.title'), value: (x) => x.title },
      { key: 'kind', header: t('engagement.tasks.col.kind'), width: '20%', value: (x) => t(`engagement.tasks.kind.${x.kind as 'other'}`) },
      { key: 'due', header: t('engagement.tasks.col.due'), width: 100, value: (x) => x.dueOn, render: (x) => formatDate(x.dueOn) },
      ...ASSIGNMENT_STATUSES.map((s) => ({
        key: s,
        header: t(`engagement.tasks.status.${s}`),
        width: 96,
        align: 'right' as const,
        value: (x: RegionTask) => x.assignments.filter((a) => a.status === s).length || null,
      })),
    ],
    [t],
  );
  const municipalColumns = useMemo<DataTableColumn<MunicipalTask>[]>(
    () => [
      { key: 'title', header: t('engagement.tasks.col.title'), value: (x) => x.title },
      { key: 'kind', header: t('engagement.tasks.col.kind'), width: '22%', value: (x) => t(`engagement.tasks.kind.${x.kind as 'other'}`) },
      {
        key: 'due',
        header: t('engagement.tasks.col.due'),
        width: 150,
        value: (x) => x.dueOn,
        render: (x) => (
          <>
            {formatDate(x.dueOn)}{' '}
            {x.dueOn < today && ['new', 'accepted', 'returned'].includes(x.status) && <Text span size="xs" c="red">{t('engagement.tasks.overdue')}</Text>}
          </>
        ),
      },
      {
        key: 'status',
        header: t('engagement.tasks.col.status'),
        width: 150,
        value: (x) => t(`engagement.tasks.status.${x.status}`),
        render: (x) => <StatusBadge status={x.status} />,
        filter: { label: t('engagement.tasks.col.status'), options: ASSIGNMENT_STATUSES.map((s) => ({ value: t(`engagement.tasks.status.${s}`), label: t(`engagement.tasks.status.${s}`) })), width: 170 },
      },
    ],
    [t, today],
  );
  const recColumns = useMemo<DataTableColumn<Recommendation>[]>(
    () => [
      { key: 'issuedOn', header: t('engagement.tasks.rec.issuedOn'), width: 100, value: (r) => r.issuedOn, render: (r) => formatDate(r.issuedOn) },
      { key: 'title', header: t('engagement.tasks.rec.title'), value: (r) => r.title, searchText: (r) => r.body },
      { key: 'municipality', header: t('engagement.tasks.rec.municipality'), width: '22%', value: (r) => r.municipality ?? t('engagement.tasks.rec.all') },
      { key: 'files', header: t('engagement.tasks.rec.files'), width: '25%', sortable: false, value: (r) => r.files.map((f) => f.fileName).join(', '), render: (r) => <Files files={r.files} /> },
    ],
    [t],
  );

  const switcher = (
    <SegmentedControl
      size="xs"
      value={view}
      onChange={(v) => setView(v as 'tasks' | 'recommendations')}
      data={[
        { value: 'tasks', label: t('engagement.tasks.label') },
        { value: 'recommendations', label: `${t('engagement.tasks.recommendations')} · ${recs.data?.length ?? '…'}` },
      ]}
    />
  );
  const canSet = isRegion && can('region.manage');
  const toolbar = canSet && (
    <Group gap="xs">
      {view === 'tasks' ? (
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding('task')}>{t('engagement.tasks.add')}</Button>
      ) : (
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding('rec')}>{t('engagement.tasks.addRecommendation')}</Button>
      )}
    </Group>
  );
  const common = { loading: tasks.isLoading, error: tasks.error, onRetry: () => void tasks.refetch(), toolbarStart: switcher, toolbar };

  return (
    <Fill gap="xs">
      {view === 'recommendations' ? (
        <DataTable key="recs" label={t('engagement.tasks.recommendations')} rows={recs.data} columns={recColumns} rowKey={(r) => r.id} {...common} />
      ) : data?.view === 'region' ? (
        <DataTable key="region" label={t('engagement.tasks.label')} rows={data.items} columns={regionColumns} rowKey={(x) => x.id} onOpen={(x) => setOpenId(x.id)} {...common} />
      ) : (
        <DataTable key="mun" label={t('engagement.tasks.label')} rows={data?.view === 'municipality' ? data.items : undefined} columns={municipalColumns} rowKey={(x) => x.id} onOpen={(x) => setOpenId(x.id)} {...common} />
      )}
      <TaskForm opened={adding === 'task'} municipalities={municipalities} onClose={() => setAdding(null)} />
      <RecommendationForm opened={adding === 'rec'} municipalities={municipalities} onClose={() => setAdding(null)} />
      <RegionTaskDrawer task={data?.view === 'region' ? (data.items.find((x) => x.id === openId) ?? null) : null} onClose={() => setOpenId(null)} />
      <MunicipalTaskDrawer task={data?.view === 'municipality' ? (data.items.find((x) => x.id === openId) ?? null) : null} canManage={can('engagement.manage')} onClose={() => setOpenId(null)} />
    </Fill>
  );
}
