import { Anchor, Group, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan, useTimeZone } from '../auth/session';
import { channelsQuery } from '../cases/cases.api';
import { formatDateTime, formatNumber } from '../../lib/format';

interface LastImport {
  id: string;
  fileName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  createdAt: string;
  finishedAt: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
}

/**
 * Above the register filtered to one channel (the landing of the ПОС and «Инцидент Менеджмент»
 * coordinators): the last import of that source — when, new / updated / in quarantine, its link.
 */
export function LastImportLine({ channel }: { channel: string | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useTimeZone();
  const enabled = !!channel && can('imports.manage');
  const q = useQuery({ queryKey: ['imports', 'last', channel], queryFn: () => api.get<{ job: LastImport | null }>(`/api/imports/last?channel=${encodeURIComponent(channel!)}`), enabled, staleTime: 30_000 });
  const channels = useQuery({ ...channelsQuery, enabled });
  const job = q.data?.job;
  if (!enabled || !job) return null;
  const source = channels.data?.find((c) => c.code === channel)?.name ?? channel;
  const when = formatDateTime(job.finishedAt ?? job.createdAt, tz);
  return (
    <Group gap={6} wrap="wrap" data-testid="last-import" role="note" aria-label={t('imports.last.label', { source })}>
      <IconFileImport size={16} aria-hidden color="var(--mantine-color-dimmed)" />
      <Text size="sm">
        {job.status === 'done'
          ? t('imports.last.done', { source, when })
          : t('imports.last.other', { source, when, status: t(`imports.status.${job.status}`) })}
        {': '}
        {t('imports.last.counts', { inserted: formatNumber(job.inserted), updated: formatNumber(job.updated), quarantined: formatNumber(job.quarantined) })}
      </Text>
      <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/imports/$id" params={{ id: job.id }} />} c={job.quarantined > 0 ? 'red.8' : undefined}>
        {job.quarantined > 0 ? t('imports.last.openQuarantine') : t('imports.last.open')}
      </Anchor>
    </Group>
  );
}
