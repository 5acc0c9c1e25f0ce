import { Drawer, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { auditLabel, changesOf, displayValue, objectName } from './audit-labels';

interface Props {
  event: AuditEvent | null;
  timeZone: string;
  name: (id: string) => string | undefined;
  onClose: () => void;
}

/** One journal row: who, when, what, and each changed field as «было → стало». */
export function AuditDetails({ event, timeZone, name, onClose }: Props) {
  const { t } = useTranslation();
  const changes = event ? changesOf(event.before, event.after) : [];
  const object = event ? (objectName(event.before, event.after) ?? (event.entityId ? name(event.entityId) : undefined)) : undefined;
  return (
    <Drawer opened={event !== null} onClose={onClose} title={t('audit.details')} size={560} closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 600 } }}>
      {event && (
        <Stack gap="sm">
          <Table fz="sm" variant="vertical" withTableBorder layout="fixed" aria-label={t('audit.details')}>
            <Table.Tbody>
              <Row label={t('audit.col.at')} value={formatDateTime(event.at, timeZone)} />
              <Row label={t('audit.col.actor')} value={event.actor ?? t('audit.system')} />
              <Row label={t('audit.col.action')} value={auditLabel('action', event.action)} />
              <Row label={t('audit.col.entity')} value={[auditLabel('entity', event.entity), object].filter(Boolean).join(': ')} />
              {event.entityId && <Row label={t('audit.entityId')} value={event.entityId} />}
            </Table.Tbody>
          </Table>
          {changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('audit.noChanges')}
            </Text>
          ) : (
            <Table fz="sm" withTableBorder layout="fixed" verticalSpacing={4} aria-label={t('audit.col.summary')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">{t('audit.field')}</Table.Th>
                  <Table.Th>{t('audit.before')}</Table.Th>
                  <Table.Th>{t('audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>{auditLabel('fields', c.field)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }} c="dimmed">
                      {displayValue(c.before, name)}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{displayValue(c.after, name)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w="34%">{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
