import { Badge, Button, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCan } from '../auth/session';
import type { CaseCard } from '../cases/case-types';
import { casesKey } from '../cases/cases.api';
import { Section } from '../cases/card/Section';
import { suggestionsQuery, type PlaceFound } from './classify.api';
import { confidence } from './routing-reason';
import { useClassifyNames } from './names';
import classes from './classify.module.css';

const TERMINAL = ['closed', 'forwarded', 'merged', 'rejected'];

interface Classification { topicId: string | null; subtopicId: string | null; settlementId: string | null; localityId: string | null; address: string | null }

function Choice({ label, p, source, current, title, onClick, busy }: { label: string; p: number; source: string; current: boolean; title: string; onClick?: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const body = (
    <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
      <Text size="sm" truncate fw={current ? 600 : undefined}>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
        {current && (
          <Badge size="xs" variant="light" color="green">
            {t('classify.card.current')}
          </Badge>
        )}
        <Tooltip label={source}>
          <Badge size="xs" variant="light" color={p >= 0.85 ? 'blue' : 'gray'} className="tabular">
            {confidence(p)}
          </Badge>
        </Tooltip>
      </Group>
    </Group>
  );
  if (!onClick || current) return <div style={{ padding: '3px 6px' }}>{body}</div>;
  return (
    <UnstyledButton onClick={onClick} disabled={busy} aria-label={title} title={title} className={classes.choice}>
      {body}
    </UnstyledButton>
  );
}

/**
 * «Подсказки» on the card: top-3 topics and recipients with confidence (one click applies one),
 * and the place found in the text. A choice other than the model's first is recorded as a
 * correction by the server.
 */
export function SuggestionsSection({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useClassifyNames();
  const qc = useQueryClient();
  const enabled = can('cases.route') && !TERMINAL.includes(card.status);
  const q = useQuery({ ...suggestionsQuery(card.id), enabled });
  const base: Classification = { topicId: card.topicId, subtopicId: card.subtopicId, settlementId: card.settlementId, localityId: card.localityId, address: card.address };
  const classify = useMutation({
    mutationFn: (next: Partial<Classification>) => api.put(`/api/cases/${encodeURIComponent(card.id)}/classification`, { ...base, ...next }),
    onSuccess: () => {
      notifications.show({ message: t('classify.card.applied'), color: 'green', autoClose: 2000 });
      return qc.invalidateQueries({ queryKey: casesKey });
    },
    onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
  });
  const assign = useMutation({
    mutationFn: (recipientId: string) => api.post(`/api/cases/${encodeURIComponent(card.id)}/assign`, { recipientId }),
    onSuccess: () => {
      notifications.show({ message: t('classify.card.applied'), color: 'green', autoClose: 2000 });
      return qc.invalidateQueries({ queryKey: casesKey });
    },
    onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
  });
  if (!enabled) return null;
  const busy = classify.isPending || assign.isPending;
  const s = q.data;
  const currentTopic = card.subtopicId ?? card.topicId;
  const canAssign = card.actions.includes('assign');
  const place = s?.place;
  const placeNew = place && ((place.settlementId && place.settlementId !== card.settlementId) || (place.localityId && place.localityId !== card.localityId) || (place.street && !card.address));
  const placeText = (p: PlaceFound) => [p.settlementName, p.localityName, p.street && t('classify.card.street', { name: p.street })].filter(Boolean).join(', ');

  return (
    <Section title={t('classify.card.title')} actions={q.isFetching ? <Loader size={14} aria-label={t('common.loading')} /> : undefined}>
      {q.error && (
        <Text size="sm" c="red">
          {errorMessage(q.error)}
        </Text>
      )}
      {s && (
        <Stack gap={6}>
          <div>
            <Text size="xs" c="dimmed" mb={2}>
              {t('classify.card.topic')}
            </Text>
            {s.topic.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('classify.card.none')}
              </Text>
            )}
            {s.topic.map((x) => {
              const id = x.subtopicId ?? x.topicId;
              const label = names.topicName(id) || x.name;
              return (
                <Choice
                  key={id}
                  label={label}
                  p={x.p}
                  source={t(`classify.card.source.${x.source}`)}
                  current={id === currentTopic}
                  title={t('classify.card.applyTopic', { name: label })}
                  busy={busy}
                  onClick={() => classify.mutate({ topicId: x.topicId, subtopicId: x.subtopicId })}
                />
              );
            })}
          </div>
          <div>
            <Text size="xs" c="dimmed" mb={2}>
              {t('classify.card.recipient')}
            </Text>
            {s.recipient.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('classify.card.none')}
              </Text>
            )}
            {s.recipient.map((x) => {
              const label = names.recipientName.get(x.recipientId) ?? '…';
              return (
                <Choice
                  key={x.recipientId}
                  label={label}
                  p={x.p}
                  source={x.reason.replace(/(\d)\.(\d)/, '$1,$2')}
                  current={x.recipientId === card.recipientId}
                  title={t('classify.card.applyRecipient', { name: label })}
                  busy={busy}
                  onClick={canAssign ? () => assign.mutate(x.recipientId) : undefined}
                />
              );
            })}
          </div>
          {place && (
            <div>
              <Text size="xs" c="dimmed" mb={2}>
                {t('classify.card.place')}
              </Text>
              <Group gap="xs" justify="space-between" wrap="nowrap" px={6}>
                <Text size="sm">{placeText(place)}</Text>
                {placeNew && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={classify.isPending && classify.variables?.settlementId !== undefined}
                    disabled={busy}
                    onClick={() =>
                      classify.mutate({
                        settlementId: place.settlementId ?? card.settlementId,
                        localityId: place.localityId ?? (place.settlementId && place.settlementId !== card.settlementId ? null : card.localityId),
                        address: card.address || (place.street ? t('classify.card.street', { name: place.street }) : null),
                      })
                    }
                  >
                    {t('classify.card.applyPlace')}
                  </Button>
                )}
              </Group>
            </div>
          )}
        </Stack>
      )}
    </Section>
  );
}
