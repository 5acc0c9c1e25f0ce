import { useMemo, useState } from 'react';
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import { channelsQuery, presetsQuery, type ImportJob, type ImportMapping, type ImportOptions } from './imports.api';

/**
 * The preview of the first rows under the detected header, then the column → field mapping
 * (suggested by a saved mapping of the source or a preset), the options, and «Начать импорт».
 */
export function MappingForm({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const presets = useQuery(presetsQuery);
  const channels = useQuery(channelsQuery);
  const s = job.suggestion;
  const headers = job.headers ?? [];
  const [mapping, setMapping] = useState<ImportMapping>(s?.mapping ?? {});
  const [channel, setChannel] = useState<string | null>(s?.channel ?? null);
  const [options, setOptions] = useState<ImportOptions>(s?.options ?? { status: 'received', defaultRegime: 'MESSAGE' });
  // A saved mapping is saved again under its name (changes kept); a preset's under the preset's name; a generic table only if named.
  const [saveAs, setSaveAs] = useState(s?.mappingId ? (s.mappingName ?? '') : s && s.preset !== 'generic' ? s.presetName : '');
  const fields = presets.data?.fields ?? [];
  const missing = useMemo(() => fields.filter((f) => f.required && !(mapping[f.key]?.length)), [fields, mapping]);
  const used = new Set(Object.values(mapping).flat());
  const unused = headers.filter((h) => !used.has(h));
  const start = useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/imports/${job.id}/start`, { channel, mapping, options, ...(saveAs.trim() ? { saveAs: saveAs.trim() } : {}) }),
    onSuccess: (j) => {
      qc.setQueryData(['imports', 'job', job.id], j);
      void qc.invalidateQueries({ queryKey: ['imports'] });
    },
  });
  const fieldErrors = start.error instanceof ApiError ? (start.error.fields ?? {}) : {};
  const headerOptions = headers.map((h) => ({ value: h, label: h }));

  return (
    <Stack gap="md">
      {s?.sameFileAs && (
        <Alert color="blue" variant="light" p="xs">
          {t('imports.sameFile')}
        </Alert>
      )}
      <section aria-labelledby="import-preview">
        <Title order={2} id="import-preview" mb={6}>
          {t('imports.preview')}
        </Title>
        <div style={{ overflowX: 'auto', maxHeight: 260, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
          <Table striped withColumnBorders fz="xs" stickyHeader aria-label={t('imports.previewLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.rowNo')}</Table.Th>
                {headers.map((h) => (
                  <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(job.preview ?? []).slice(0, 8).map((r) => (
                <Table.Tr key={r.rowNumber}>
                  <Table.Td>{r.rowNumber}</Table.Td>
                  {headers.map((h, i) => (
                    <Table.Td key={h} style={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.values[i]}>
                      {r.values[i]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>

      <section aria-labelledby="import-mapping">
        <Title order={2} id="import-mapping">
          {t('imports.mapping')}
        </Title>
        <Text size="sm" c="dimmed" mb={4}>
          {t('imports.mappingHint')}
        </Text>
        {s && (
          <Text size="sm" mb="xs">
            {s.mappingName ? t('imports.savedMapping', { name: s.mappingName }) : t('imports.preset', { name: s.presetName })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={6}>
          {fields.map((f) => {
            const label = `${f.label}${f.required ? ' *' : ''}`;
            const error = fieldErrors[`mapping.${f.key}`];
            return f.multiple ? (
              <MultiSelect key={f.key} label={label} data={headerOptions} value={mapping[f.key] ?? []} onChange={(v) => setMapping({ ...mapping, [f.key]: v })} placeholder={t('imports.noColumn')} searchable clearable size="xs" error={error} />
            ) : (
              <Select
                key={f.key}
                label={label}
                data={headerOptions}
                value={mapping[f.key]?.[0] ?? null}
                onChange={(v) => setMapping({ ...mapping, [f.key]: v ? [v] : [] })}
                placeholder={t('imports.noColumn')}
                searchable
                clearable
                size="xs"
                error={error}
              />
            );
          })}
        </SimpleGrid>
        {unused.length > 0 && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('imports.unused', { list: unused.join(', ') })}
          </Text>
        )}
      </section>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('imports.channel')} data={(channels.data?.items ?? []).filter((c) => c.isActive !== false).map((c) => ({ value: c.code, label: c.name }))} value={channel} onChange={setChannel} w={220} size="xs" error={fieldErrors.channel} />
        <Select
          label={t('imports.statusOption')}
          data={[
            { value: 'received', label: t('imports.statusReceived') },
            { value: 'registered', label: t('imports.statusRegistered') },
          ]}
          value={options.status}
          onChange={(v) => v && setOptions({ ...options, status: v as ImportOptions['status'] })}
          w={280}
          size="xs"
          allowDeselect={false}
        />
        <Select
          label={t('imports.regime')}
          data={[
            { value: 'MESSAGE', label: t('imports.regimeMessage') },
            { value: 'FZ59', label: t('imports.regimeFz59') },
          ]}
          value={options.defaultRegime}
          onChange={(v) => v && setOptions({ ...options, defaultRegime: v as ImportOptions['defaultRegime'] })}
          w={220}
          size="xs"
          allowDeselect={false}
        />
        <TextInput label={t('imports.saveAs')} placeholder={t('imports.saveAsHint')} value={saveAs} onChange={(e) => setSaveAs(e.currentTarget.value)} w={240} size="xs" maxLength={200} />
      </Group>

      {missing.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" role="status">
          <Text size="sm" fw={600}>
            {t('imports.missing')}
          </Text>
          {missing.map((f) => (
            <Text size="sm" key={f.key}>
              {t('imports.missingField', { field: f.label })}
            </Text>
          ))}
        </Alert>
      )}
      {start.error && (
        <Alert color="red" variant="light" p="xs" role="alert">
          {errorMessage(start.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={() => start.mutate()} loading={start.isPending} disabled={missing.length > 0 || !channel}>
          {t('imports.start')}
        </Button>
      </Group>
    </Stack>
  );
}
