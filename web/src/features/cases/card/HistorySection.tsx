import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useTimeZone } from '../../auth/session';
import { formatCount, formatDateTime } from '../../../lib/format';
import type { CaseCard, CaseTimelineEvent } from '../case-types';
import { formatDue } from '../deadline';
import { Section } from './Section';
import classes from './card.module.css';

const FIRST = 30;
const known = (t: TFunction, key: string) => (t(key as 'caseStatus.closed', { defaultValue: '' }) as string) || null;

/** The Russian lines of what an event changed: status, recipient, reasons, criteria, rating, dates. */
function changes(e: CaseTimelineEvent, t: TFunction, tz: string, channelName: (code: string) => string): string[] {
  const b = e.before ?? {};
  const a = e.after ?? {};
  const out: string[] = [];
  const f = (key: string) => t(`caseField.${key}` as 'caseField.status');
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  if (e.action === 'register' || e.action === 'receive') {
    const parts = [str(a.channel) && `${f('channel')}: ${channelName(String(a.channel))}`, str(a.regime) && `${f('regime')}: ${known(t, `regime.${a.regime}`) ?? a.regime}`];
    return parts.filter(Boolean) as string[];
  }
  if (str(a.status) && a.status !== b.status && b.status) {
    out.push(`${f('status')}: ${known(t, `caseStatus.${b.status}`) ?? b.status} → ${known(t, `caseStatus.${a.status}`) ?? a.status}`);
  }
  if (str(a.recipientName)) out.push(`${f('recipient')}: ${a.recipientName}`);
  if (str(a.routingReason) && a.routingReason !== b.routingReason) out.push(`${f('routingReason')}: ${a.routingReason}`);
  if (str(a.forwardedTo)) out.push(`${f('forwardedTo')}: ${a.forwardedTo}`);
  if (str(a.duplicateOf)) out.push(`${f('duplicateOf')}: № ${a.duplicateOf}`);
  if (str(a.related)) out.push(`${f('related')}: № ${a.related}`);
  if (str(a.file)) out.push(`${f('file')}: ${a.file}`);
  if (Array.isArray(a.criteria) && a.criteria.length) out.push(`${f('criteria')}: ${a.criteria.map((c) => known(t, `reworkCriteria.${c}`) ?? c).join('; ')}`);
  if (str(a.comment)) out.push(`${f('comment')}: ${a.comment}`);
  if (str(a.reason)) out.push(`${f('reason')}: ${a.reason}`);
  if (typeof a.rating === 'number') {
    const via = str(a.via) ? ` (${known(t, `ratingVia.${a.via}`) ?? a.via})` : '';
    out.push(`${f('rating')}: ${t('card.ratingValue', { rating: a.rating })}${via}`);
  }
  if (str(a.ratingComment)) out.push(`${f('ratingComment')}: ${a.ratingComment}`);
  if (str(a.answer)) out.push(`${f('answer')}: «${a.answer}»`);
  if (typeof a.days === 'number') out.push(`${f('days')}: ${formatCount(a.days, t('time.day', { returnObjects: true }))}`);
  if (str(a.answerDue) && str(b.answerDue) && a.answerDue !== b.answerDue) out.push(`${f('answerDue')}: ${formatDue(String(b.answerDue), tz)} → ${formatDue(String(a.answerDue), tz)}`);
  return out;
}

/** The full history, newest first: what happened, who did it and when, and what changed. */
export function HistorySection({ card, channelName }: { card: CaseCard; channelName: (code: string) => string }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const [all, setAll] = useState(false);
  const events = all ? card.timeline : card.timeline.slice(0, FIRST);
  return (
    <Section title={t('card.history')}>
      {card.timeline.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('card.historyEmpty')}
        </Text>
      )}
      <ol className={classes.history}>
        {events.map((e) => {
          const lines = changes(e, t, tz, channelName);
          return (
            <li key={e.id} className={classes.historyItem}>
              <Text size="xs" c="dimmed" className="tabular" pt={1}>
                {formatDateTime(e.at, tz)}
              </Text>
              <div>
                <Text size="sm" span fw={500}>
                  {known(t, `caseHistory.${e.action}`) ?? e.action}
                </Text>
                <Text size="sm" span c="dimmed">
                  {' · '}
                  {e.actor ?? t('card.system')}
                </Text>
                {lines.length > 0 && (
                  <ul className={classes.changes}>
                    {lines.map((l, i) => (
                      <li key={i}>{l}</li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!all && card.timeline.length > FIRST && (
        <Button size="compact-xs" variant="default" mt={6} onClick={() => setAll(true)}>
          {t('card.more', { n: card.timeline.length })}
        </Button>
      )}
    </Section>
  );
}
