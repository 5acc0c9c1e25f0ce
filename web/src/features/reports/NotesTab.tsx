import { useState } from 'react';
import { Badge, Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useCan, useTimeZone } from '../auth/session';
import { formatDateTime } from '../../lib/format';
import { notesQuery, periodLabel, type NoteListItem } from './reports.api';

function CreateNote() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<{ id: string }>('/api/reports/notes', { from, to }),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: t('reports.notes.created') });
      void qc.invalidateQueries({ queryKey: ['reports'] });
      setOpened(false);
      void navigate({ to: '/reports/notes/$id', params: { id: r.id } });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus shadow="md">
      <Popover.Target>
        <Button size="xs" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setOpened((o) => !o)}>
          {t('reports.notes.create')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <TextInput size="xs" type="date" label={`${t('reports.notes.createTitle')}: ${t('reports.notes.from')}`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput size="xs" type="date" label={t('reports.notes.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button size="xs" disabled={!from || !to} loading={create.isPending} onClick={() => create.mutate()}>
            {t('reports.notes.create')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** «Аналитические записки»: every note, weekly and on demand, draft or issued. */
export function NotesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const tz = useTimeZone();
  const navigate = useNavigate();
  const list = useQuery(notesQuery);
  const columns: DataTableColumn<NoteListItem>[] = [
    { key: 'period', header: t('reports.notes.period'), value: (r) => r.periodFrom, render: (r) => periodLabel(r.periodFrom, r.periodTo), width: 200 },
    { key: 'kind', header: t('reports.notes.kind'), value: (r) => (r.weeklyCode ? t('reports.notes.weekly') : t('reports.notes.custom')), width: 140 },
    {
      key: 'status',
      header: t('reports.notes.status'),
      value: (r) => t(`reports.noteStatus.${r.status}`),
      render: (r) => <Badge size="sm" variant="light" color={r.status === 'issued' ? 'green' : 'gray'}>{t(`reports.noteStatus.${r.status}`)}</Badge>,
      width: 130,
    },
    { key: 'versions', header: t('reports.notes.versions'), value: (r) => r.versions, align: 'right', width: 90 },
    { key: 'updated', header: t('reports.notes.updated'), value: (r) => r.updatedAt, render: (r) => formatDateTime(r.updatedAt, tz), width: 160 },
  ];
  return (
    <DataTable
      label={t('reports.tabs.notes')}
      rows={list.data?.items}
      columns={columns}
      rowKey={(r) => r.id}
      onOpen={(r) => void navigate({ to: '/reports/notes/$id', params: { id: r.id } })}
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      emptyText={t('reports.notes.empty')}
      toolbar={can('reports.manage') ? <Group gap="xs"><CreateNote /></Group> : undefined}
    />
  );
}
