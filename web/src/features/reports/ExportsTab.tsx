import { Badge, Button, Progress } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useTimeZone } from '../auth/session';
import { formatDateTime, formatNumber } from '../../lib/format';
import { exportJobsQuery, type ExportJob } from './reports.api';

/** «Выгрузки»: my background exports with progress (polled while any is running) and downloads. */
export function ExportsTab() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const jobs = useQuery({ ...exportJobsQuery, refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 1500 : false) });
  const listName = (l: string) => (t(`exportLists.${l}` as 'exportLists.cases', { defaultValue: l }) as string);
  const columns: DataTableColumn<ExportJob>[] = [
    { key: 'created', header: t('reports.exports.created'), value: (r) => r.createdAt, render: (r) => formatDateTime(r.createdAt, tz), width: 160 },
    { key: 'list', header: t('reports.exports.list'), value: (r) => listName(r.list) },
    { key: 'format', header: t('reports.exports.format'), value: (r) => r.format.toUpperCase(), width: 90 },
    { key: 'status', header: t('reports.exports.status'), value: (r) => r.status, render: (r) => <Badge size="sm" variant="light" color={r.status === 'done' ? 'green' : r.status === 'failed' ? 'red' : 'blue'} title={r.error ?? undefined}>{t(`reports.exports.jobStatus.${r.status}`)}</Badge>, width: 130 },
    {
      key: 'progress',
      header: t('reports.exports.progress'),
      value: (r) => r.done,
      render: (r) => (r.status === 'running' && r.total ? <Progress value={(100 * r.done) / r.total} size="sm" aria-label={t('reports.exports.progress')} /> : formatNumber(r.done)),
      width: 160,
      align: 'right',
    },
    {
      key: 'file',
      header: t('reports.exports.download'),
      sortable: false,
      render: (r) => r.status === 'done' && <Button size="compact-xs" variant="default" component="a" href={`/api/exports/jobs/${r.id}/file`} leftSection={<IconDownload size={13} aria-hidden />}>{t('reports.exports.download')}</Button>,
      width: 130,
    },
  ];
  return <DataTable label={t('reports.tabs.exports')} rows={jobs.data?.items} columns={columns} rowKey={(r) => r.id} loading={jobs.isPending} error={jobs.error} emptyText={t('reports.exports.empty')} initialSort={null} />;
}
