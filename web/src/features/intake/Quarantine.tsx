import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { FormDrawer } from '../../components/FormDrawer';
import { quarantineQuery, type QuarantineRow } from './imports.api';

interface RetryResult {
  tried: number;
  imported: number;
  stillBad: { rowNumber: number; reason: string }[];
}

/** Bad rows of an import: row number, Russian reason, the raw values; fix inline and retry, or download. */
export function Quarantine({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery(quarantineQuery(jobId));
  const [editing, setEditing] = useState<QuarantineRow | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<RetryResult | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['imports'] });
  const retry = useMutation({
    mutationFn: (ids?: string[]) => api.post<RetryResult>(`/api/imports/${jobId}/quarantine/retry`, ids ? { ids } : {}),
    onSuccess: (r) => {
      setResult(r);
      return refresh();
    },
  });
  const fix = useMutation({
    mutationFn: async (row: QuarantineRow) => {
      const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== (row.values[k] ?? '')));
      if (Object.keys(changed).length) await api.patch(`/api/imports/${jobId}/quarantine/${row.id}`, { values: changed });
      return api.post<RetryResult>(`/api/imports/${jobId}/quarantine/retry`, { ids: [row.id] });
    },
    onSuccess: (r) => {
      setResult(r);
      setEditing(null);
      return refresh();
    },
  });
  const discard = useMutation({
    mutationFn: (row: QuarantineRow) => api.post(`/api/imports/${jobId}/quarantine/discard`, { ids: [row.id] }),
    onSuccess: refresh,
  });
  const data = q.data;
  const masked = new Set(data?.personalDataColumns ?? []);
  const columns: DataTableColumn<QuarantineRow>[] = [
    { key: 'row', header: t('imports.rowNo'), value: (r) => r.rowNumber, width: 70, align: 'right' },
    { key: 'reason', header: t('imports.reason'), value: (r) => r.reason, width: 280, wrap: true },
    ...(data?.headers ?? []).slice(0, 12).map((h): DataTableColumn<QuarantineRow> => ({ key: `v:${h}`, header: h, value: (r) => r.values[h] ?? '', width: 140 })),
  ];
  const open = (row: QuarantineRow) => {
    setEditing(row);
    setValues({ ...row.values });
    fix.reset();
  };

  return (
    <section aria-labelledby="import-quarantine" style={{ display: 'flex', flexDirection: 'column', gap: 8, minHeight: 260, flex: '1 1 auto' }}>
      <Group justify="space-between">
        <Title order={2} id="import-quarantine">
          {t('imports.quarantine')}
          {data ? ` (${data.total})` : ''}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" component="a" href={`/api/imports/${jobId}/quarantine.xlsx`} download leftSection={<IconDownload size={15} aria-hidden />}>
            {t('imports.download')}
          </Button>
          <Button size="xs" variant="light" onClick={() => retry.mutate(undefined)} loading={retry.isPending} disabled={!data?.total}>
            {t('imports.retryAll')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.quarantineHint')}
      </Text>
      {result && (
        <Alert color={result.stillBad.length ? 'yellow' : 'teal'} variant="light" p="xs" role="status" withCloseButton onClose={() => setResult(null)}>
          {t('imports.retried', { tried: result.tried, imported: result.imported, still: result.stillBad.length })}
          {result.stillBad.map((b) => (
            <Text size="sm" key={b.rowNumber}>
              {b.reason}
            </Text>
          ))}
        </Alert>
      )}
      {(retry.error || discard.error) && (
        <Alert color="red" variant="light" p="xs" role="alert">
          {errorMessage(retry.error ?? discard.error)}
        </Alert>
      )}
      <DataTable
        label={t('imports.quarantineLabel')}
        rows={data?.items}
        loading={q.isPending}
        error={q.error}
        columns={columns}
        rowKey={(r) => r.id}
        onOpen={open}
        primary={false}
        emptyText={t('imports.quarantineEmpty')}
        actionsWidth={190}
        rowActions={(r) => (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" aria-label={t('imports.fixOf', { row: r.rowNumber })} onClick={() => open(r)}>
              {t('imports.fix')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" aria-label={t('imports.discardOf', { row: r.rowNumber })} onClick={() => discard.mutate(r)}>
              {t('imports.discard')}
            </Button>
          </Group>
        )}
      />
      <FormDrawer
        opened={editing !== null}
        title={editing ? t('imports.fixTitle', { row: editing.rowNumber }) : ''}
        onClose={() => setEditing(null)}
        onSubmit={() => editing && fix.mutate(editing)}
        saving={fix.isPending}
        formError={fix.error ? errorMessage(fix.error) : null}
        intro={
          editing && (
            <Alert color="red" variant="light" p="xs">
              {editing.reason}
            </Alert>
          )
        }
        size={520}
      >
        <Stack gap={6}>
          {(data?.headers ?? []).map((h) => (
            <TextInput
              key={h}
              label={h}
              size="xs"
              value={values[h] ?? ''}
              disabled={masked.has(h) && values[h] === t('imports.masked')}
              onChange={(e) => setValues({ ...values, [h]: e.currentTarget.value })}
            />
          ))}
        </Stack>
      </FormDrawer>
    </section>
  );
}
