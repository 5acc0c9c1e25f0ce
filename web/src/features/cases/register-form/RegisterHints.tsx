import { useEffect, useState } from 'react';
import { Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { suggestForText } from '../../classify/classify.api';
import { useClassifyNames } from '../../classify/names';
import { confidence } from '../../classify/routing-reason';

const DEBOUNCE_MS = 500;
const MIN_TEXT = 15;

interface Facts { text: string; address: string | null; topicId: string | null; subtopicId: string | null; settlementId: string | null; localityId: string | null; recipientId: string | null }
export interface HintChoice { topicId?: string | null; subtopicId?: string | null; settlementId?: string | null; localityId?: string | null; recipientId?: string | null }

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(timer);
  }, [JSON.stringify(value), ms]);
  return v;
}

function Chip({ label, p, active, onClick, title }: { label: string; p?: number; active: boolean; onClick: () => void; title: string }) {
  return (
    <UnstyledButton onClick={onClick} title={title} aria-label={title} aria-pressed={active}>
      <Badge variant={active ? 'filled' : 'light'} color={active ? 'steel' : 'gray'} tt="none" fw={500} size="md" style={{ cursor: 'pointer' }}>
        {label}
        {p !== undefined && <span className="tabular">{` ${confidence(p)}`}</span>}
      </Badge>
    </UnstyledButton>
  );
}

/**
 * Suggestions while the operator types (debounced): topic, place and recipient. A click fills the
 * field; nothing is required, so registration has no extra step.
 */
export function RegisterHints({ facts, onApply }: { facts: Facts; onApply: (c: HintChoice) => void }) {
  const { t } = useTranslation();
  const names = useClassifyNames();
  const body = useDebounced({ text: facts.text.trim(), address: facts.address, topicId: facts.topicId, subtopicId: facts.subtopicId, settlementId: facts.settlementId }, DEBOUNCE_MS);
  const q = useQuery({
    queryKey: ['classify', 'typing', body],
    queryFn: ({ signal }) => suggestForText(body, signal),
    enabled: body.text.length >= MIN_TEXT,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const s = facts.text.trim().length >= MIN_TEXT ? q.data : undefined;
  if (!s || (s.topic.length === 0 && s.recipient.length === 0 && !s.place)) return null;
  const chosenTopic = facts.subtopicId ?? facts.topicId;
  const place = s.place;
  return (
    <Group gap={6} mb="xs" wrap="wrap" aria-label={t('classify.hints.title')} role="group" data-testid="register-hints">
      <Text size="xs" c="dimmed">
        {t('classify.hints.title')}:
      </Text>
      {s.topic.map((x) => {
        const id = x.subtopicId ?? x.topicId;
        const label = names.topicName(id) || x.name;
        return <Chip key={id} label={label} p={x.p} active={id === chosenTopic} title={`${t('classify.hints.topic')}: ${label}`} onClick={() => onApply({ topicId: x.topicId, subtopicId: x.subtopicId })} />;
      })}
      {place && (place.settlementId || place.localityId) && (
        <Chip
          label={[place.settlementName, place.localityName].filter(Boolean).join(', ')}
          active={place.settlementId === facts.settlementId && (!place.localityId || place.localityId === facts.localityId)}
          title={`${t('classify.hints.place')}: ${[place.settlementName, place.localityName].filter(Boolean).join(', ')}`}
          onClick={() => onApply({ settlementId: place.settlementId, localityId: place.localityId })}
        />
      )}
      {s.recipient.slice(0, 2).map((x) => {
        const label = names.recipientName.get(x.recipientId) ?? '…';
        const auto = s.route?.auto && s.route.recipientId === x.recipientId;
        return (
          <Tooltip key={x.recipientId} label={auto ? `${x.reason} · ${t('classify.hints.auto')}` : x.reason}>
            <span>
              <Chip label={label} p={x.p} active={x.recipientId === facts.recipientId} title={`${t('classify.hints.recipient')}: ${label}`} onClick={() => onApply({ recipientId: x.recipientId })} />
            </span>
          </Tooltip>
        );
      })}
    </Group>
  );
}
