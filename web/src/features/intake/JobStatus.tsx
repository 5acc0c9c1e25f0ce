import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { ImportJob } from './imports.api';

const COLOR: Record<ImportJob['status'], string> = { uploaded: 'yellow', queued: 'blue', running: 'blue', done: 'teal', failed: 'red' };

export function JobStatusBadge({ status }: { status: ImportJob['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[status]} radius="sm" tt="none">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

/** The progress bar of a job (percent of the counted rows; without a total yet, the rows so far). */
export function JobProgress({ job, compact }: { job: ImportJob; compact?: boolean }) {
  const { t } = useTranslation();
  const p = job.progress;
  const value = p.percent ?? 0;
  const label = p.totalRows != null ? t('imports.progress', { done: formatNumber(p.rowsDone), total: formatNumber(p.totalRows) }) : t('imports.progressNoTotal', { done: formatNumber(p.rowsDone) });
  if (compact) return <Progress value={value} size="sm" aria-label={label} title={label} animated={job.status === 'running'} color={job.status === 'failed' ? 'red' : undefined} />;
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {p.percent != null ? `${p.percent} %` : ''}
        </Text>
      </Group>
      <Progress value={value} size="lg" aria-label={label} role="progressbar" aria-valuenow={value} animated={job.status === 'running'} color={job.status === 'failed' ? 'red' : undefined} />
    </div>
  );
}
