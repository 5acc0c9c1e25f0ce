import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { NoAccess } from '../components/NoAccess';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { useCan } from '../features/auth/session';
import { ApiKeys } from '../features/intake/ApiKeys';
import { channelsQuery, importsListQuery, type ImportJob } from '../features/intake/imports.api';
import { JobProgress, JobStatusBadge } from '../features/intake/JobStatus';
import { UploadArea } from '../features/intake/UploadArea';
import { formatDateTime, formatNumber } from '../lib/format';
import { appRoute } from './app';

function ImportsHeader() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('settings.manage')) return null;
  return (
    <SectionTabs
      base="/imports"
      label={t('imports.title')}
      tabs={[
        { value: 'jobs', label: t('imports.tabs.jobs') },
        { value: 'keys', label: t('imports.tabs.keys') },
      ]}
    />
  );
}

/** «Импорт»: the upload area and the list of import jobs with their state and counts. */
function ImportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useQuery({ ...importsListQuery, enabled: can('imports.manage') });
  const channels = useQuery({ ...channelsQuery, enabled: can('directory.read') });
  const channelName = (code: string | null) => (code ? (channels.data?.items.find((c) => c.code === code)?.name ?? code) : '—');
  const num = (n: number) => (n ? formatNumber(n) : '—');
  const columns: DataTableColumn<ImportJob>[] = [
    { key: 'file', header: t('imports.col.file'), value: (j) => j.fileName, render: (j) => <Anchor component={Link} to="/imports/$id" params={{ id: j.id } as never} size="sm">{j.fileName}</Anchor> },
    { key: 'channel', header: t('imports.col.channel'), value: (j) => channelName(j.channel), width: 150 },
    { key: 'who', header: t('imports.col.who'), value: (j) => j.createdByName ?? '—', width: 170 },
    { key: 'when', header: t('imports.col.when'), value: (j) => j.createdAt, render: (j) => formatDateTime(j.createdAt), width: 140 },
    { key: 'status', header: t('imports.col.status'), value: (j) => t(`imports.status.${j.status}`), render: (j) => <JobStatusBadge status={j.status} />, width: 170 },
    { key: 'inserted', header: t('imports.col.inserted'), value: (j) => j.counts.inserted, render: (j) => num(j.counts.inserted), align: 'right', width: 80 },
    { key: 'updated', header: t('imports.col.updated'), value: (j) => j.counts.updated, render: (j) => num(j.counts.updated), align: 'right', width: 90 },
    { key: 'unchanged', header: t('imports.col.unchanged'), value: (j) => j.counts.unchanged, render: (j) => num(j.counts.unchanged), align: 'right', width: 120 },
    { key: 'quarantined', header: t('imports.col.quarantined'), value: (j) => j.counts.quarantined, render: (j) => <Text size="sm" c={j.counts.quarantined ? 'red.8' : undefined} fw={j.counts.quarantined ? 600 : undefined}>{num(j.counts.quarantined)}</Text>, align: 'right', width: 100 },
    { key: 'progress', header: t('imports.col.progress'), value: (j) => j.progress.percent ?? 0, render: (j) => <JobProgress job={j} compact />, width: 110 },
  ];
  if (!can('imports.manage')) return <NoAccess />;
  return (
    <Fill>
      <UploadArea />
      <DataTable
        label={t('imports.listLabel')}
        rows={list.data?.items}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        columns={columns}
        rowKey={(j) => j.id}
        onOpen={(j) => void navigate({ to: '/imports/$id', params: { id: j.id } })}
        emptyText={t('imports.empty')}
      />
    </Fill>
  );
}

function KeysPage() {
  const can = useCan();
  return <Fill>{can('settings.manage') ? <ApiKeys /> : <NoAccess />}</Fill>;
}

function ImportsLayout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={t('imports.title')} header={<ImportsHeader />}>
      {children}
    </Page>
  );
}

export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports',
  component: () => (
    <ImportsLayout>
      <ImportsPage />
    </ImportsLayout>
  ),
});

export const importsJobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/jobs',
  component: () => (
    <ImportsLayout>
      <ImportsPage />
    </ImportsLayout>
  ),
});

export const importKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/keys',
  component: () => (
    <ImportsLayout>
      <KeysPage />
    </ImportsLayout>
  ),
});
