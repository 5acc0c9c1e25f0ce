import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChartBar, IconCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan, useMe } from '../auth/session';
import { showError, useProblemsMutation, type MeasureRow } from './problems.api';
import { CancelMeasure } from './CancelMeasure';

const STATUS_COLOR: Record<string, string> = { planned: 'gray', in_progress: 'blue', done: 'green', cancelled: 'gray' };
const dmy = (d: string) => d.split('-').reverse().join('.');

export function MeasureStatus({ m }: { m: MeasureRow }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[m.status]} variant="light">
        {t(`problems.measure.status.${m.status}` as 'problems.measure.status.done')}
      </Badge>
      {m.overdue && <Badge color="red" variant="filled">{t('problems.measure.overdue')}</Badge>}
    </Group>
  );
}

/** Measures with deadline, responsible, status; «Выполнено» for the responsible or the manager. */
export function MeasuresTable({ measures, compact, onEdit, onOpen }: { measures: MeasureRow[]; compact?: boolean; onEdit?: (m: MeasureRow) => void; onOpen?: (m: MeasureRow) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const setStatus = useProblemsMutation((v: { id: string; status: string }) => api.patch(`/api/measures/${v.id}/status`, { status: v.status }));
  const mayChange = (m: MeasureRow) => can('problems.manage') || m.responsible.id === me.user.id;
  return (
    <Table striped withRowBorders={false} verticalSpacing={3} fz={compact ? 'xs' : 'sm'} aria-label={t('problems.card.measures')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('problems.measure.col.title')}</Table.Th>
          <Table.Th w={90}>{t('problems.measure.col.dueOn')}</Table.Th>
          <Table.Th>{t('problems.measure.col.responsible')}</Table.Th>
          {!compact && <Table.Th>{t('problems.measure.col.recipient')}</Table.Th>}
          <Table.Th w={compact ? 150 : 190}>{t('problems.measure.col.status')}</Table.Th>
          <Table.Th w={compact ? 110 : 150} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {measures.map((m) => (
          <Table.Tr key={m.id} data-measure={m.title}>
            <Table.Td>
              {onOpen ? (
                <Text span size="inherit" c="blue" style={{ cursor: 'pointer' }} onClick={() => onOpen(m)}>
                  {m.title}
                </Text>
              ) : (
                m.title
              )}
              {m.doneOn && <Text span size="xs" c="dimmed"> · {t('problems.measure.doneOn', { date: dmy(m.doneOn) })}</Text>}
            </Table.Td>
            <Table.Td className="tabular" c={m.overdue ? 'red' : undefined}>{dmy(m.dueOn)}</Table.Td>
            <Table.Td>{m.responsible.name}</Table.Td>
            {!compact && <Table.Td>{m.recipient?.name ?? '—'}</Table.Td>}
            <Table.Td>
              <MeasureStatus m={m} />
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {mayChange(m) && m.status !== 'done' && m.status !== 'cancelled' && (
                  <Button size="compact-xs" variant="light" color="green" leftSection={<IconCheck size={12} aria-hidden />} aria-label={`${t('problems.measure.markDone')}: ${m.title}`}
                    onClick={() => setStatus.mutate({ id: m.id, status: 'done' }, { onError: showError })}>
                    {t('problems.measure.markDone')}
                  </Button>
                )}
                {can('problems.manage') && m.status !== 'done' && m.status !== 'cancelled' && <CancelMeasure m={m} />}
                {onOpen && m.status === 'done' && (
                  <Tooltip label={t('problems.measure.showEffect')}>
                    <ActionIcon size="sm" variant="subtle" aria-label={`${t('problems.measure.showEffect')}: ${m.title}`} onClick={() => onOpen(m)}>
                      <IconChartBar size={15} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
                {onEdit && can('problems.manage') && (
                  <Tooltip label={t('common.editOf', { name: m.title })}>
                    <ActionIcon size="sm" variant="subtle" aria-label={t('common.editOf', { name: m.title })} onClick={() => onEdit(m)}>
                      <IconPencil size={15} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
