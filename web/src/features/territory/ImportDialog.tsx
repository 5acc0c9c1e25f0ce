import { useState } from 'react';
import { Alert, Button, Code, FileInput, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import type { ImportReport } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { useImportGazetteer } from './territory.api';

/** Upload of a gazetteer file (CSV or GeoJSON) and the report: counts, and each bad row with its reason. */
export function ImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const upload = useImportGazetteer();

  const close = () => {
    setFile(null);
    setReport(null);
    upload.reset();
    onClose();
  };
  const submit = () => {
    if (!file) return;
    upload.mutate(file, { onSuccess: setReport });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('territory.import.title')} size={640} closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 600 } }}>
      {report ? (
        <Stack gap="sm">
          <Text fw={600}>{t('territory.import.report')}</Text>
          <SimpleGrid cols={3} spacing="xs">
            <Stat label={t('territory.import.inserted')} value={report.inserted} />
            <Stat label={t('territory.import.updated')} value={report.updated} />
            <Stat label={t('territory.import.failed')} value={report.errors.length} danger={report.errors.length > 0} />
          </SimpleGrid>
          {report.errors.length === 0 ? (
            <Text size="sm">{t('territory.import.noErrors')}</Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                {t('territory.import.errorsTitle')}
              </Text>
              <ScrollArea.Autosize mah={300} type="auto">
                <Table fz="sm" withTableBorder verticalSpacing={4} aria-label={t('territory.import.errorsTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={80}>{t('territory.import.row')}</Table.Th>
                      <Table.Th>{t('territory.import.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.errors.map((e, i) => (
                      <Table.Tr key={`${e.row}-${i}`}>
                        <Table.Td className="tabular">{e.row}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => { setReport(null); setFile(null); upload.reset(); }}>
              {t('territory.import.another')}
            </Button>
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          aria-label={t('territory.import.title')}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('territory.import.formats')}</Text>
            <Code block>{t('territory.import.csvHeader')}</Code>
            <Text size="sm">{t('territory.import.geojson')}</Text>
            <Text size="sm" c="dimmed">
              {t('territory.import.upsert')}
            </Text>
            {upload.error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={16} aria-hidden />} p="xs" role="alert">
                {errorMessage(upload.error)}
              </Alert>
            )}
            <FileInput
              label={t('territory.import.file')}
              placeholder={t('territory.import.filePlaceholder')}
              accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              clearable
              leftSection={<IconFileUpload size={16} aria-hidden />}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                {t('territory.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function Stat({ label, value, danger }: { label: string; value: number; danger?: boolean }) {
  return (
    <Stack gap={0} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" c={danger ? 'red.8' : undefined} className="tabular">
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}
