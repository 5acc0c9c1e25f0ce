import { useMemo, useState } from 'react';
import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { exemptFromPage, keys, removePageExemption, useAction, type PagesView } from './engagement.api';

type Missing = PagesView['missing'][number];
const dmy = (iso: string) => new Date(iso).toLocaleDateString('ru-RU');

/**
 * Institutions with no page in a mandatory network; the МЦУ may mark one «страница не требуется»
 * with a reason (it leaves the gaps and is listed below with who marked it and why).
 */
export function MissingPages({ data, canManage, toolbarStart }: { data: PagesView | undefined; canManage: boolean; toolbarStart: React.ReactNode }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Missing | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const exempt = useAction(exemptFromPage, keys.pages, t('engagement.pages.exempted'));
  const restore = useAction(removePageExemption, keys.pages, t('engagement.pages.exemptRemoved'));
  const columns = useMemo<DataTableColumn<Missing>[]>(
    () => [
      { key: 'name', header: t('engagement.pages.col.owner'), value: (m) => m.name },
      { key: 'networks', header: t('engagement.pages.col.network'), width: '30%', value: (m) => m.networks.map((n) => t(`engagement.network.${n}`)).join(', ') },
    ],
    [t],
  );
  const submit = () => {
    if (!reason.trim()) return setError(t('engagement.pages.exemptReasonRequired'));
    exempt.mutate({ recipientId: target!.recipientId, reason: reason.trim() }, { onSuccess: () => setTarget(null) });
  };
  return (
    <>
      <DataTable
        key="missing"
        label={t('engagement.pages.missingTitle')}
        rows={data?.missing}
        columns={columns}
        rowKey={(m) => m.recipientId}
        toolbarStart={toolbarStart}
        actionsWidth={190}
        rowActions={canManage ? (m) => (
          <Button size="compact-xs" variant="subtle" color="gray" aria-label={`${t('engagement.pages.exempt')}: ${m.name}`} onClick={() => { setTarget(m); setReason(''); setError(null); }}>
            {t('engagement.pages.exempt')}
          </Button>
        ) : undefined}
      />
      {!!data?.exempted.length && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>{t('engagement.pages.exemptedTitle', { n: data.exempted.length })}</Text>
          <Table fz="xs" verticalSpacing={2} withRowBorders={false} aria-label={t('engagement.pages.exemptedTitle', { n: data.exempted.length })}>
            <Table.Tbody>
              {data.exempted.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td w="30%">{e.name}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td w={200} c="dimmed">{[e.by, dmy(e.at)].filter(Boolean).join(', ')}</Table.Td>
                  <Table.Td w={110} ta="right">
                    {canManage && (
                      <Button size="compact-xs" variant="subtle" aria-label={`${t('engagement.pages.exemptRemove')}: ${e.name}`} loading={restore.isPending && restore.variables === e.id} onClick={() => restore.mutate(e.id)}>
                        {t('engagement.pages.exemptRemove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Modal opened={!!target} onClose={() => setTarget(null)} title={t('engagement.pages.exemptTitle', { name: target?.name ?? '' })} size="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('engagement.pages.exemptHint')}</Text>
          <Textarea label={t('engagement.pages.exemptReason')} required autosize minRows={2} value={reason} error={error} data-autofocus
            onChange={(e) => { setReason(e.currentTarget.value); setError(null); }} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setTarget(null)}>{t('common.cancel')}</Button>
            <Button loading={exempt.isPending} onClick={submit}>{t('engagement.pages.exemptConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
