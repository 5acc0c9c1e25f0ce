import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { NoAccess } from '../components/NoAccess';
import { useCan, useTimeZone } from '../features/auth/session';
import { formatDateTime } from '../lib/format';
import type { RetentionPolicy } from '../../../domain/retention/rules';
import { adminRoute } from './admin';

interface Act {
  id: string;
  number: string;
  destroyedAt: string;
  total: number;
  content: { counts: { applicant: number; materials?: number; quarantine: number; import_files?: number; access_log: number } };
}

function PolicyForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['pd-retention', 'policy'], queryFn: () => api.get<RetentionPolicy>('/api/pd-retention/policy') });
  const [form, setForm] = useState<RetentionPolicy | null>(null);
  useEffect(() => setForm(q.data ?? null), [q.data]);
  const save = useMutation({
    mutationFn: (p: RetentionPolicy) => api.put<RetentionPolicy>('/api/pd-retention/policy', p),
    onSuccess: () => {
      notifications.show({ message: t('retention.saved') });
      void client.invalidateQueries({ queryKey: ['pd-retention'] });
    },
  });
  if (!form) return null;
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const set = <K extends keyof RetentionPolicy>(k: K, v: RetentionPolicy[K]) => setForm({ ...form, [k]: v });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(form); }}>
      <Stack gap="xs" maw={720}>
        <Title order={3} size="h5">{t('retention.policy')}</Title>
        <Text size="sm" c="dimmed">{t('retention.policyHint')}</Text>
        <Switch label={t('retention.enabled')} checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        <Group grow align="flex-start">
          <NumberInput label={t('retention.applicantMonths')} min={1} value={form.applicantMonths} onChange={(v) => set('applicantMonths', Number(v))} error={fields.applicantMonths} />
          <NumberInput label={t('retention.materialsMonths')} description={t('retention.materialsHint')} min={1} value={form.materialsMonths} onChange={(v) => set('materialsMonths', Number(v))} error={fields.materialsMonths} />
          <NumberInput label={t('retention.quarantineMonths')} min={1} value={form.quarantineMonths} onChange={(v) => set('quarantineMonths', Number(v))} error={fields.quarantineMonths} />
          <NumberInput label={t('retention.accessLogMonths')} min={36} value={form.accessLogMonths} onChange={(v) => set('accessLogMonths', Number(v))} error={fields.accessLogMonths} />
        </Group>
        <TextInput label={t('retention.responsible')} value={form.responsible} onChange={(e) => set('responsible', e.currentTarget.value)} error={fields.responsible} />
        <TextInput label={t('retention.operatorAddress')} value={form.operatorAddress} onChange={(e) => set('operatorAddress', e.currentTarget.value)} error={fields.operatorAddress} />
        {save.error && !Object.keys(fields).length && <Alert color="red">{save.error.message}</Alert>}
        <Group><Button type="submit" loading={save.isPending}>{t('retention.save')}</Button></Group>
      </Stack>
    </form>
  );
}

function ActsList() {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const q = useQuery({ queryKey: ['pd-retention', 'acts'], queryFn: () => api.get<{ items: Act[] }>('/api/pd-retention/acts') });
  const items = q.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('retention.acts')}</Title>
      {q.isSuccess && !items.length ? (
        <Text size="sm" c="dimmed">{t('retention.noActs')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {(['number', 'date', 'total', 'details', 'files'] as const).map((c) => <Table.Th key={c}>{t(`retention.col.${c}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.number}</Table.Td>
                <Table.Td className="tabular">{formatDateTime(a.destroyedAt, timeZone)}</Table.Td>
                <Table.Td className="tabular">{a.total}</Table.Td>
                <Table.Td className="tabular">{`${a.content.counts.applicant} / ${a.content.counts.materials ?? 0} / ${a.content.counts.quarantine} / ${a.content.counts.import_files ?? 0} / ${a.content.counts.access_log}`}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="compact-xs" variant="default" component="a" href={`/api/pd-retention/acts/${a.id}/act.docx`} leftSection={<IconDownload size={13} aria-hidden />}>{t('retention.act')}</Button>
                    <Button size="compact-xs" variant="default" component="a" href={`/api/pd-retention/acts/${a.id}/log.xlsx`} leftSection={<IconDownload size={13} aria-hidden />}>{t('retention.log')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** «Хранение ПД»: retention terms per class (settings.manage) and the destruction acts (audit.read). */
function RetentionPage() {
  const can = useCan();
  if (!can('audit.read')) return <NoAccess />;
  return (
    <Stack gap="lg" p="md" style={{ overflow: 'auto' }}>
      {can('settings.manage') && <PolicyForm />}
      <ActsList />
    </Stack>
  );
}

export const retentionRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'retention',
  component: RetentionPage,
});
