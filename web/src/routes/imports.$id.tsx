import { Alert, Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { NoAccess } from '../components/NoAccess';
import { Page } from '../components/Page';
import { useCan, useTimeZone } from '../features/auth/session';
import { channelsQuery, importJobQuery, localDay, type ImportJob } from '../features/intake/imports.api';
import { JobProgress, JobStatusBadge } from '../features/intake/JobStatus';
import { MappingForm } from '../features/intake/MappingForm';
import { Quarantine } from '../features/intake/Quarantine';
import { formatNumber } from '../lib/format';
import { appRoute } from './app';

function fileLine(job: ImportJob, translate: ReturnType<typeof useTranslation>['t']) {
  // The catalogue is too large for i18next's key inference here.
  const t = translate as unknown as (key: string, options?: Record<string, unknown>) => string;
  const parts = [t('imports.fileLine', { format: job.format.toUpperCase(), size: `${formatNumber(job.size / 1024 / 1024, 1)} МБ`, headerRow: job.headerRow, rows: job.progress.totalRows != null ? formatNumber(job.progress.totalRows) : '…' })];
  if (job.format === 'csv' && job.encoding) parts.push(t('imports.encoding', { encoding: job.encoding, delimiter: job.delimiter === '\t' ? 'табуляция' : job.delimiter }));
  if (job.sheetName) parts.push(t('imports.sheet', { sheet: job.sheetName }));
  return parts.join(' · ');
}

/** The counts of a finished job and the link to its cases in the register (channel + period of receipt). */
function Result({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const channels = useQuery(channelsQuery);
  const channelName = channels.data?.items.find((c) => c.code === job.channel)?.name ?? job.channel ?? '';
  const from = job.receivedFrom ? localDay(job.receivedFrom, timeZone) : null;
  const to = job.receivedTo ? localDay(job.receivedTo, timeZone) : null;
  const cell = (n: number, label: string, color?: string) => (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xl" fw={700} c={color}>
        {formatNumber(n)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
  return (
    <Stack gap="xs">
      <Title order={2}>{t('imports.result')}</Title>
      <SimpleGrid cols={4} spacing="xs" maw={720}>
        {cell(job.counts.inserted, t('imports.inserted'))}
        {cell(job.counts.updated, t('imports.updated'))}
        {cell(job.counts.unchanged, t('imports.unchanged'))}
        {cell(job.counts.quarantined, t('imports.quarantined'), job.counts.quarantined ? 'red.8' : undefined)}
      </SimpleGrid>
      {job.channel && from && to && (
        <Group gap="xs">
          <Anchor component={Link} to="/cases" search={{ channel: job.channel, from, to } as never}>
            {t('imports.toRegister')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('imports.toRegisterHint', { channel: channelName, from: from.split('-').reverse().join('.'), to: to.split('-').reverse().join('.') })}
          </Text>
        </Group>
      )}
      {job.warnings.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer' }}>
            {t('imports.warnings')} ({job.warnings.length})
          </summary>
          <Stack gap={2} mt={4}>
            {job.warnings.slice(0, 30).map((w) => (
              <Text size="sm" key={w.key}>
                {w.message} — {w.count}
                {w.rows.length ? ` (${t('imports.warningRows', { rows: w.rows.slice(0, 10).join(', ') })}${w.rows.length > 10 ? '…' : ''})` : ''}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </Stack>
  );
}

function ImportJobPage() {
  const { t } = useTranslation();
  const { id } = importJobRoute.useParams();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ ...importJobQuery(id), enabled: can('imports.manage') });
  const resume = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/imports/${id}/resume`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
  if (!can('imports.manage')) return <NoAccess />;
  const job = q.data;
  return (
    <Page
      title={job ? job.fileName : t('imports.title')}
      actions={
        <Button size="xs" variant="subtle" component={Link} to="/imports" leftSection={<IconArrowLeft size={15} aria-hidden />}>
          {t('imports.back')}
        </Button>
      }
      header={
        job && (
          <Group gap="sm">
            <JobStatusBadge status={job.status} />
            <Text size="sm" c="dimmed">
              {fileLine(job, t)}
            </Text>
          </Group>
        )
      }
    >
      <div style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-md)' }}>
        {q.isPending ? (
          <Center p="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : q.error ? (
          <Alert color="red" variant="light">
            {errorMessage(q.error)}
          </Alert>
        ) : job?.status === 'uploaded' ? (
          <MappingForm job={job} />
        ) : job ? (
          <>
            <Paper withBorder p="sm" radius="sm" maw={720}>
              <JobProgress job={job} />
            </Paper>
            {job.status === 'failed' && (
              <Alert color="red" variant="light" p="xs" role="alert">
                <Text size="sm">{t('imports.failed', { error: job.error ?? '' })}</Text>
                <Button size="xs" mt={6} onClick={() => resume.mutate()} loading={resume.isPending}>
                  {t('imports.resume')}
                </Button>
              </Alert>
            )}
            {(job.status === 'done' || job.status === 'failed') && (
              <>
                <Result job={job} />
                <Quarantine jobId={job.id} />
              </>
            )}
          </>
        ) : null}
      </div>
    </Page>
  );
}

export const importJobRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/$id',
  component: ImportJobPage,
});
