import { useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useCan, useTimeZone } from '../auth/session';
import { formatDateTime, formatNumber } from '../../lib/format';
import { curPeriodLabel, curQuery, ruDay, type CurItem } from './reports.api';
import { ExportMenu } from '../exports/ExportMenu';

export function StatusBadge({ item }: { item: Pick<CurItem, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (item.status === 'sent') return <Badge size="sm" variant="light" color="green">{t('reports.reportStatus.sent')}</Badge>;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color="gray">{t(`reports.reportStatus.${item.status}`)}</Badge>
      {item.overdue && <Badge size="sm" variant="light" color="red">{t('reports.cur.overdue')}</Badge>}
    </Group>
  );
}

/** Review of one report: values, targets, editable comments; «sent» freezes it. */
function Review({ item }: { item: CurItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const can = useCan()('reports.manage');
  const [comments, setComments] = useState<Record<string, string>>({});
  useEffect(() => setComments(Object.fromEntries((item.rows ?? []).map((r) => [r.code, r.comment]))), [item]);
  const done = (msg: string) => {
    notifications.show({ color: 'green', message: msg });
    return qc.invalidateQueries({ queryKey: ['reports'] });
  };
  const onError = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) });
  const generate = useMutation({ mutationFn: () => api.post(`/api/reports/cur/${item.period}`), onSuccess: () => done(t('reports.cur.generated')), onError });
  const save = useMutation({ mutationFn: () => api.patch(`/api/reports/cur/${item.period}`, { comments }), onSuccess: () => done(t('common.saved')), onError });
  const sent = useMutation({
    mutationFn: async () => {
      await api.patch(`/api/reports/cur/${item.period}`, { comments });
      return api.post(`/api/reports/cur/${item.period}/sent`);
    },
    onSuccess: () => done(t('reports.cur.sentDone')),
    onError,
  });
  const locked = item.status === 'sent' || !can;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>{curPeriodLabel(item.period)} · {t('reports.cur.dueOn')} {ruDay(item.dueOn)}</Title>
        <Group gap="xs">
          <ExportMenu list="indicators" params={{ period: item.period }} />
          {can && item.status !== 'sent' && <Button size="xs" variant="default" loading={generate.isPending} onClick={() => generate.mutate()}>{item.status === 'missing' ? t('reports.cur.generate') : t('reports.cur.regenerate')}</Button>}
          {item.status !== 'missing' && <Button size="xs" variant="default" component="a" href={`/api/reports/cur/${item.period}/xlsx`} leftSection={<IconDownload size={14} aria-hidden />}>{t('reports.cur.download')}</Button>}
          {can && item.status === 'draft' && <Button size="xs" variant="default" loading={save.isPending} onClick={() => save.mutate()}>{t('common.save')}</Button>}
          {can && item.status === 'draft' && (
            <Button size="xs" loading={sent.isPending} onClick={() => window.confirm(t('reports.cur.confirmSent', { period: curPeriodLabel(item.period) })) && sent.mutate()}>{t('reports.cur.markSent')}</Button>
          )}
        </Group>
      </Group>
      {item.status === 'sent' && <Text size="sm" c="dimmed">{t('reports.cur.sentTitle')}</Text>}
      {item.rows && (
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('reports.cur.indicator')}</Table.Th><Table.Th ta="right">{t('reports.cur.value')}</Table.Th><Table.Th ta="right">{t('reports.cur.target')}</Table.Th><Table.Th>{t('reports.cur.met')}</Table.Th><Table.Th w="35%">{t('reports.cur.comment')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td ta="right">{r.value === null ? '—' : `${formatNumber(r.value, 2)} ${r.unit}`}</Table.Td>
                <Table.Td ta="right">{r.target === null ? '—' : `${formatNumber(r.target, 2)} ${r.unit}`}</Table.Td>
                <Table.Td>{r.met === null ? '—' : r.met ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={`${t('reports.cur.comment')}: ${r.name}`} value={comments[r.code] ?? ''} disabled={locked} onChange={(e) => setComments({ ...comments, [r.code]: e.currentTarget.value })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** «Отчёты в ЦУР»: quarters and years with due dates and state; review below the list. */
export function CurTab() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const list = useQuery(curQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const columns: DataTableColumn<CurItem>[] = [
    { key: 'period', header: t('reports.cur.period'), value: (r) => r.period, render: (r) => `${curPeriodLabel(r.period)} (${ruDay(r.from)} – ${ruDay(r.to)})`, width: 240 },
    { key: 'kind', header: t('reports.cur.kind'), value: (r) => t(`reports.cur.${r.kind}`), width: 130 },
    { key: 'due', header: t('reports.cur.dueOn'), value: (r) => r.dueOn, render: (r) => `${ruDay(r.dueOn)}${r.status !== 'sent' && r.daysLeft >= 0 ? ` · ${t('reports.cur.daysLeft', { n: r.daysLeft })}` : ''}`, width: 200 },
    { key: 'status', header: t('reports.cur.status'), value: (r) => r.status, render: (r) => <StatusBadge item={r} />, width: 190 },
    { key: 'sent', header: t('reports.cur.sentAt'), value: (r) => r.sentAt ?? '', render: (r) => formatDateTime(r.sentAt, tz) },
  ];
  const item = list.data?.items.find((x) => x.period === selected);
  return (
    <Stack gap="sm" style={{ flex: '1 1 auto', minHeight: 0, overflow: 'auto' }}>
      <div style={{ height: 260, display: 'flex', flexDirection: 'column' }}>
        <DataTable label={t('reports.tabs.cur')} rows={list.data?.items} columns={columns} rowKey={(r) => r.period} onOpen={(r) => setSelected(r.period)} loading={list.isPending} error={list.error} initialSort={null} footer={list.data?.startsOn && t('reports.cur.startsOn', { date: ruDay(list.data.startsOn) })} />
      </div>
      {item ? <Review item={item} /> : <Text size="sm" c="dimmed">{t('reports.cur.review')}: {t('common.view').toLowerCase()} — Enter / щелчок по строке</Text>}
    </Stack>
  );
}
