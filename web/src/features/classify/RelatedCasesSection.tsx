import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { formatDateTime } from '../../lib/format';
import { useCan, useTimeZone } from '../auth/session';
import { StatusBadge } from '../cases/CaseBadges';
import type { CaseCard } from '../cases/case-types';
import { casesKey } from '../cases/cases.api';
import { useChannelLabel } from '../cases/labels';
import { Section } from '../cases/card/Section';
import { AddToProblem } from '../problems/AddToProblem';
import { relatedQuery } from './classify.api';
import { confidence } from './routing-reason';
import classes from './classify.module.css';

const OPEN = ['received', 'registered', 'assigned'];

/**
 * «Похожие обращения»: close texts, the same place, ±14 days, every channel. Loaded after the
 * card is on screen (never slows it); a similar case can be merged into this one as a duplicate
 * or, with this one, added to a problem.
 */
export function RelatedCasesSection({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const can = useCan();
  const channelLabel = useChannelLabel();
  const qc = useQueryClient();
  const [ready, setReady] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => {
    // Let the card paint first; the similar cases come a moment later.
    const timer = window.setTimeout(() => setReady(true), 300);
    return () => window.clearTimeout(timer);
  }, [card.id]);
  const q = useQuery({ ...relatedQuery(card.id), enabled: ready && card.status !== 'merged' });
  const merge = useMutation({
    mutationFn: (other: { id: string; number: string }) => api.post(`/api/cases/${encodeURIComponent(other.id)}/merge`, { duplicateOfId: card.id }),
    onSuccess: (_d, other) => {
      notifications.show({ message: t('classify.related.merged', { number: other.number }), color: 'green', autoClose: 3000 });
      return qc.invalidateQueries({ queryKey: casesKey });
    },
    onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
  });
  if ((card.status as string) === 'merged') return null;
  const items = q.data?.items ?? [];
  const canMerge = can('cases.route') && (card.status as string) !== 'merged';
  return (
    <Section
      title={t('classify.related.title')}
      actions={
        <Group gap="xs" wrap="nowrap">
          {q.isFetching && <Loader size={14} aria-label={t('common.loading')} />}
          <Text size="xs" c="dimmed">
            {t('classify.related.hint')}
          </Text>
        </Group>
      }
    >
      {q.error && (
        <Text size="sm" c="red">
          {errorMessage(q.error)}
        </Text>
      )}
      {q.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('classify.related.none')}
        </Text>
      )}
      {items.length > 0 && (
        <ul className={classes.related} aria-label={t('classify.related.title')}>
          {items.map((r) => (
            <li key={r.id}>
              <Group gap={8} wrap="nowrap" align="flex-start">
                <Checkbox size="xs" mt={3} aria-label={t('classify.related.select', { number: r.number })} checked={picked.includes(r.id)} onChange={(e) => setPicked((p) => (e.currentTarget.checked ? [...p, r.id] : p.filter((x) => x !== r.id)))} />
                <div style={{ flex: '1 1 auto', minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Anchor size="sm" fw={600} className="tabular" renderRoot={(p) => <Link {...p} to="/cases/$id" params={{ id: r.id }} />}>
                      № {r.number}
                    </Anchor>
                    <StatusBadge status={r.status as CaseCard['status']} />
                    <Text size="xs" c="dimmed" className="tabular">
                      {formatDateTime(r.receivedAt, tz)} · {channelLabel(r.channel)}
                    </Text>
                    {r.samePlace && (
                      <Badge size="xs" variant="light" color="teal">
                        {t(`classify.related.same.${r.samePlace}`)}
                      </Badge>
                    )}
                    <Badge size="xs" variant="light" color="gray" className="tabular">
                      {t('classify.related.similarity', { value: confidence(r.textScore) })}
                    </Badge>
                  </Group>
                  <Text size="sm" className={classes.excerpt}>
                    {r.excerpt}
                  </Text>
                </div>
                {canMerge && OPEN.includes(r.status) && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    style={{ flex: 'none' }}
                    aria-label={t('classify.related.mergeOf', { number: r.number })}
                    title={t('classify.related.mergeOf', { number: r.number })}
                    loading={merge.isPending && merge.variables?.id === r.id}
                    disabled={merge.isPending}
                    onClick={() => merge.mutate({ id: r.id, number: r.number })}
                  >
                    {t('classify.related.merge')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <Group mt={6} gap="xs">
          <AddToProblem caseIds={[card.id, ...picked]} onDone={() => setPicked([])} />
        </Group>
      )}
    </Section>
  );
}
