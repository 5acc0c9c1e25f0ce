import { useMemo, useState } from 'react';
import { Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useTimeZone } from '../auth/session';
import { formatDate, formatNumber } from '../../lib/format';
import { fastTrackQuery, registerHref, type FastTrack, type FastTrackSums } from './problems.api';
import { HrefLink } from './HrefLink';

const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v * 100, 1)} %`);

function SumsTable({ title, rows, empty, link }: { title: string; rows: FastTrackSums[]; empty: string; link: (s: FastTrackSums) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Title order={3} size="h5" mb={4}>{title}</Title>
      <Table striped withRowBorders={false} verticalSpacing={2} fz="sm" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('problems.fastTrack.col.name')}</Table.Th>
            {(['total', 'within', 'broke', 'pending', 'share'] as const).map((k) => (
              <Table.Th key={k} ta="right" w={k === 'share' ? 70 : k === 'pending' ? 76 : 58} style={{ whiteSpace: 'nowrap' }} title={t(`problems.fastTrack.${k}`)}>{t(`problems.fastTrack.short.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.key ?? 'none'}>
              <Table.Td>{s.name ?? empty}</Table.Td>
              <Table.Td ta="right" className="tabular"><HrefLink href={link(s)}>{s.total}</HrefLink></Table.Td>
              <Table.Td ta="right" className="tabular">{s.within}</Table.Td>
              <Table.Td ta="right" className="tabular" c={s.broke ? 'red' : undefined}>{s.broke}</Table.Td>
              <Table.Td ta="right" className="tabular">{s.pending}</Table.Td>
              <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}><b>{pct(s.share)}</b></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** «Ускоренное решение»: the 30-day share by block and recipient, and the cases that broke it. */
export function FastTrackView() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const q = useQuery(fastTrackQuery(period));
  const d = q.data;
  const columns = useMemo<DataTableColumn<FastTrack['broken'][number]>[]>(
    () => [
      { key: 'number', header: t('problems.fastTrack.col.number'), width: 150, value: (c) => c.number },
      { key: 'received', header: t('problems.fastTrack.col.received'), width: 110, value: (c) => c.receivedAt, searchable: false, render: (c) => formatDate(c.receivedAt, timeZone) },
      { key: 'due', header: t('problems.fastTrack.col.due'), width: 120, value: (c) => c.dueAt, searchable: false, render: (c) => formatDate(c.dueAt, timeZone) },
      { key: 'resolved', header: t('problems.fastTrack.col.resolved'), width: 110, value: (c) => c.resolvedAt, searchable: false, render: (c) => (c.resolvedAt ? formatDate(c.resolvedAt, timeZone) : <Text span size="sm" c="red">{t('problems.fastTrack.open')}</Text>) },
      { key: 'late', header: t('problems.fastTrack.col.late'), width: 120, align: 'right', value: (c) => c.daysLate, searchable: false },
      { key: 'topic', header: t('problems.fastTrack.col.topic'), value: (c) => c.topic },
      { key: 'recipient', header: t('problems.fastTrack.col.recipient'), value: (c) => c.recipient, filter: { label: t('problems.fastTrack.col.recipient'), options: [...new Set((d?.broken ?? []).map((c) => c.recipient).filter((x): x is string => Boolean(x)))].map((x) => ({ value: x, label: x })), width: 200 } },
    ],
    [t, timeZone, d],
  );
  const base = d?.registerQuery ?? {};
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 0, flex: '1 1 auto', overflowY: 'auto' }}>
      <Group gap="sm" align="flex-end">
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>{t('problems.fastTrack.intro')}</Text>
        <TextInput type="date" size="xs" label={t('problems.fastTrack.from')} value={period.from ?? d?.period.from ?? ''} onChange={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value || undefined }))} />
        <TextInput type="date" size="xs" label={t('problems.fastTrack.to')} value={period.to ?? d?.period.to ?? ''} onChange={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value || undefined }))} />
      </Group>
      {d && (
        <>
          <Group gap="lg">
            <Text>{t('problems.fastTrack.share')}: <b>{pct(d.total.share)}</b></Text>
            <Text size="sm">{t('problems.fastTrack.total')}: <HrefLink href={registerHref(base)}>{d.total.total}</HrefLink></Text>
            <Text size="sm">{t('problems.fastTrack.within')}: {d.total.within}</Text>
            <Text size="sm" c="red">{t('problems.fastTrack.broke')}: {d.total.broke}</Text>
            <Text size="sm">{t('problems.fastTrack.pending')}: {d.total.pending}</Text>
          </Group>
          <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.3fr)', gap: 8, alignItems: 'start' }}>
            <SumsTable title={t('problems.fastTrack.byBlock')} rows={d.byBlock} empty={t('problems.fastTrack.noBlock')} link={(s) => registerHref({ ...base, ...(s.key ? { blockId: s.key } : {}) })} />
            <SumsTable title={t('problems.fastTrack.byRecipient')} rows={d.byRecipient} empty={t('problems.fastTrack.noRecipient')} link={(s) => registerHref({ ...base, ...(s.key ? { recipientId: s.key } : {}) })} />
          </div>
          <div style={{ height: 320, display: 'flex', flexDirection: 'column' }}>
            <Title order={3} size="h5" mb={4}>{t('problems.fastTrack.broken', { n: d.broken.length })}</Title>
            <DataTable label={t('problems.fastTrack.broken', { n: d.broken.length })} rows={d.broken} columns={columns} rowKey={(c) => c.id} onOpen={(c) => void navigate({ to: '/cases/$id', params: { id: c.id } })} initialSort={{ key: 'late', dir: 'desc' }} />
          </div>
        </>
      )}
    </div>
  );
}
