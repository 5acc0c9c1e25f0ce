import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useTimeZone } from '../auth/session';
import { formatDateTime } from '../../lib/format';
import { regionReportsQuery, ruDay, type RegionReportItem } from './reports.api';
import { StatusBadge } from './CurTab';

/** The ЦУР: every municipality's reports for the recent periods, sent (with the file) or missing. */
export function RegionReportsTab() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const list = useQuery(regionReportsQuery);
  const columns: DataTableColumn<RegionReportItem>[] = [
    { key: 'm', header: t('reports.region.municipality'), value: (r) => r.municipality.name },
    { key: 'period', header: t('reports.region.period'), value: (r) => r.period, width: 110 },
    { key: 'due', header: t('reports.cur.dueOn'), value: (r) => r.dueOn, render: (r) => ruDay(r.dueOn), width: 110 },
    { key: 'status', header: t('reports.region.status'), value: (r) => r.status, render: (r) => <StatusBadge item={r} />, width: 190 },
    { key: 'sent', header: t('reports.region.sentAt'), value: (r) => r.sentAt ?? '', render: (r) => (r.sentAt ? `${formatDateTime(r.sentAt, tz)} · ${r.sentBy ?? ''}` : ''), width: 260 },
    {
      key: 'file',
      header: t('reports.region.download'),
      sortable: false,
      render: (r) => r.status === 'sent' && <Button size="compact-xs" variant="default" component="a" href={`/api/region/reports/${r.municipality.id}/${r.period}/xlsx`} leftSection={<IconDownload size={13} aria-hidden />}>XLSX</Button>,
      width: 100,
    },
  ];
  return <DataTable label={t('reports.tabs.region')} rows={list.data?.items} columns={columns} rowKey={(r) => `${r.municipality.id}|${r.period}`} loading={list.isPending} error={list.error} initialSort={null} />;
}
