import { useState } from 'react';
import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStack2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCan } from '../auth/session';
import { problemsQuery, showError, useProblemsMutation } from './problems.api';
import { ProblemForm, type ProblemDraft } from './ProblemForm';

/**
 * «Добавить к проблеме»: links the given cases to an open problem or creates one from them.
 * Rendered by the case card's related-cases panel; hidden from those who may not manage problems.
 */
export function AddToProblem({ caseIds, onDone }: { caseIds: string[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [draft, setDraft] = useState<ProblemDraft | null>(null);
  const problems = useQuery({ ...problemsQuery(), enabled: open });
  const attach = useProblemsMutation((id: string) => api.post<{ added: number }>(`/api/problems/${id}/cases`, { caseIds }));
  if (!can('problems.manage') || !caseIds.length) return null;
  const active = (problems.data ?? []).filter((p) => p.status === 'open' || p.status === 'in_progress');
  return (
    <>
      <Button size="compact-sm" variant="light" leftSection={<IconStack2 size={14} aria-hidden />} onClick={() => setOpen(true)}>
        {t('problems.addTo.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('problems.addTo.title', { n: caseIds.length })} size="md">
        <Stack gap="sm">
          {problems.data && !active.length && <Text size="sm" c="dimmed">{t('problems.addTo.none')}</Text>}
          {active.length > 0 && (
            <>
              <Select label={t('problems.addTo.existing')} placeholder={t('problems.addTo.pick')} searchable data={active.map((p) => ({ value: p.id, label: [p.title, p.settlement?.name].filter(Boolean).join(' — ') }))} value={picked} onChange={setPicked} />
              <Button
                disabled={!picked}
                loading={attach.isPending}
                onClick={() =>
                  picked &&
                  attach.mutate(picked, {
                    onSuccess: (r) => {
                      setOpen(false);
                      setPicked(null);
                      notifications.show({ message: t('problems.card.attached', { n: r.added }), color: 'green' });
                      onDone?.();
                    },
                    onError: showError,
                  })
                }
              >
                {t('problems.addTo.attach')}
              </Button>
            </>
          )}
          <Button variant="default" onClick={() => {
            setOpen(false);
            setDraft({ title: '', description: '', topicId: null, settlementId: null, caseIds });
          }}>
            {t('problems.addTo.createNew')}
          </Button>
        </Stack>
      </Modal>
      <ProblemForm draft={draft} intro={t('problems.fromCases', { n: caseIds.length })} onClose={() => setDraft(null)} onSaved={() => onDone?.()} />
    </>
  );
}
