import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showError, useProblemsMutation, type MeasureRow } from './problems.api';

/** «Отменить» a measure: only with a stated reason, which goes to its progress notes and the audit. */
export function CancelMeasure({ m }: { m: MeasureRow }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cancel = useProblemsMutation((v: { id: string; note: string }) => api.patch(`/api/measures/${v.id}/status`, { status: 'cancelled', note: v.note }));
  const submit = () => {
    if (!reason.trim()) return setError(t('problems.measure.cancelReasonRequired'));
    cancel.mutate({ id: m.id, note: reason.trim() }, { onSuccess: () => setOpen(false), onError: showError });
  };
  return (
    <>
      <Tooltip label={t('problems.measure.cancel')}>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`${t('problems.measure.cancel')}: ${m.title}`} onClick={() => { setReason(''); setError(null); setOpen(true); }}>
          <IconX size={15} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('problems.measure.cancelTitle', { title: m.title })} size="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('problems.measure.cancelHint')}</Text>
          <Textarea label={t('problems.measure.cancelReason')} required autosize minRows={3} value={reason} error={error} data-autofocus
            onChange={(e) => { setReason(e.currentTarget.value); setError(null); }} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button color="red" loading={cancel.isPending} onClick={submit}>{t('problems.measure.cancelConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
