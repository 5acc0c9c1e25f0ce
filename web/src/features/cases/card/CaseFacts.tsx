import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import type { CaseCard } from '../case-types';
import { useChannelLabel } from '../labels';
import { routingReasonText } from '../../classify/routing-reason';
import { Fact, Facts, Section } from './Section';
import { CaseProblems } from '../../problems/CaseProblems';

function Dim({ children }: { children: string }) {
  return (
    <Text span c="dimmed" size="sm">
      {children}
    </Text>
  );
}

/** The side panel's «Сведения»: where the case came from, what it is about, who answers for it. */
export function CaseFacts({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const channelLabel = useChannelLabel();
  const notSet = <Dim>{t('card.notSet')}</Dim>;
  const territory = [card.settlementName, card.localityName, card.address].filter(Boolean).join(', ');
  return (
    <Section title={t('card.facts')}>
      <Facts>
        <Fact label={t('card.number')}>
          <span className="tabular">{card.number}</span>
        </Fact>
        <Fact label={t('card.regime')}>{t(`regime.${card.regime}`)}</Fact>
        <Fact label={t('card.channel')}>
          {channelLabel(card.channel)}
          {card.sourceId && <Dim>{` · ${t('card.sourceId')} ${card.sourceId}`}</Dim>}
        </Fact>
        <Fact label={t('card.receivedAt')}>
          <span className="tabular">{formatDateTime(card.receivedAt, tz)}</span>
        </Fact>
        <Fact label={t('card.registeredAt')}>{card.registeredAt ? <span className="tabular">{formatDateTime(card.registeredAt, tz)}</span> : notSet}</Fact>
        <Fact label={t('card.topic')}>{card.topicName ? [card.topicName, card.subtopicName].filter(Boolean).join(' › ') : notSet}</Fact>
        <Fact label={t('card.territory')}>{territory || notSet}</Fact>
        <Fact label={t('card.recipient')}>
          {card.recipientName ?? <Dim>{t('card.notAssigned')}</Dim>}
          {card.recipientName && card.routingReason && (
            <Text size="xs" c="dimmed" data-testid="routing-reason">
              {t('card.routingReason', {
                reason: routingReasonText(card, {
                  manual: (name) => (name ? t('classify.card.reason.manual', { name }) : t('classify.card.reason.manualNoName')),
                  registration: (name) => (name ? `${t('classify.card.reason.registration')}: ${name}` : t('classify.card.reason.registration')),
                }),
              })}
              {card.autoRouted && ` · ${t('card.autoRouted')}`}
            </Text>
          )}
        </Fact>
        <Fact label={t('card.executor')}>{card.executorName ?? <Dim>{t('card.notAssigned')}</Dim>}</Fact>
        {card.coExecutors.length > 0 && <Fact label={t('card.coExecutors')}>{card.coExecutors.map((c) => c.name).join('; ')}</Fact>}
        <Fact label={t('card.priority')}>
          {card.priority === 'high' ? (
            <Badge color="red" variant="light">
              {t('priority.high')}
            </Badge>
          ) : (
            t(`priority.${card.priority}`)
          )}
        </Fact>
        <Fact label={t('card.fastTrack')}>{card.fastTrack ? t('card.fastTrackYes') : t('common.no')}</Fact>
        {card.statusReason && ['returned', 'rejected', 'forwarded', 'registered'].includes(card.status) && (
          <Fact label={t('card.statusReason')}>{card.statusReason}</Fact>
        )}
        {card.forwardedTo && <Fact label={t('caseStatus.forwarded')}>{card.forwardedTo}</Fact>}
        {card.duplicateOfId && (
          <Fact label={t('card.duplicateOf')}>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: card.duplicateOfId! }} />}>
              {t('card.openMain')}
            </Anchor>
          </Fact>
        )}
      </Facts>
      <CaseProblems caseId={card.id} />
    </Section>
  );
}
