import { Text } from '@mantine/core';
import { IconAlertTriangle, IconCircle, IconCircleCheck, IconCircleMinus, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../auth/session';
import { formatCount, formatDate, formatDateTime } from '../../../lib/format';
import type { CaseCard } from '../case-types';
import { formatDue, isOpenStatus, remainingText } from '../deadline';
import { Section } from './Section';
import classes from './card.module.css';

type Kind = 'registration' | 'forwarding' | 'interim' | 'answer' | 'fastTrack';

interface Step {
  kind: Kind;
  due: string;
  /** When it was met; null while pending. */
  doneAt: string | null;
  /** No longer relevant (e.g. forwarding for a case kept in the municipality). */
  notNeeded?: boolean;
}

function stepsOf(c: CaseCard): Step[] {
  const answered = c.answeredAt;
  const steps: (Step | null)[] = [
    c.registrationDue ? { kind: 'registration', due: c.registrationDue, doneAt: c.registeredAt } : null,
    c.forwardingDue
      ? { kind: 'forwarding', due: c.forwardingDue, doneAt: c.status === 'forwarded' ? c.closedAt : null, notNeeded: c.status !== 'forwarded' && (Boolean(c.recipientId) || !isOpenStatus(c.status)) }
      : null,
    c.interimDue ? { kind: 'interim', due: c.interimDue, doneAt: c.firstAnsweredAt } : null,
    c.answerDue ? { kind: 'answer', due: c.answerDue, doneAt: answered } : null,
    c.fastTrackDue ? { kind: 'fastTrack', due: c.fastTrackDue, doneAt: answered } : null,
  ];
  return steps.filter((s): s is Step => s !== null).sort((a, b) => a.due.localeCompare(b.due));
}

/**
 * Deadlines as a timeline: registration, forwarding, interim answer, answer, fast track — each with
 * its date, whether it was met, and for the pending ones the time left or overdue in words. The
 * nearest pending one is marked «следующий срок».
 */
export function DeadlinesTimeline({ card, now }: { card: CaseCard; now: Date }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const open = isOpenStatus(card.status);
  const steps = stepsOf(card);
  const pending = open ? steps.filter((s) => !s.doneAt && !s.notNeeded) : [];
  const next = pending[0]?.kind;

  return (
    <Section title={t('card.deadlines')}>
      {steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('deadlines.none')}
        </Text>
      )}
      <ol className={classes.deadlines}>
        {steps.map((s) => {
          const late = s.doneAt && new Date(s.doneAt) > new Date(s.due);
          const paused = s.kind === 'answer' && card.pausedSince && !s.doneAt;
          const isPending = open && !s.doneAt && !s.notNeeded;
          const rem = isPending && !paused ? remainingText(now, s.due, tz) : null;
          const icon = s.doneAt ? (
            <IconCircleCheck size={16} color={late ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-teal-7)'} aria-hidden />
          ) : paused ? (
            <IconPlayerPause size={16} color="var(--mantine-color-gray-6)" aria-hidden />
          ) : rem?.overdue ? (
            <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          ) : s.notNeeded || !open ? (
            <IconCircleMinus size={16} color="var(--mantine-color-gray-5)" aria-hidden />
          ) : (
            <IconCircle size={16} color="var(--mantine-color-steel-6)" aria-hidden />
          );
          return (
            <li key={s.kind} className={classes.deadline} data-next={s.kind === next || undefined}>
              <span className={classes.deadlineIcon}>{icon}</span>
              <div>
                <Text size="sm" fw={s.kind === 'answer' ? 600 : 500} span>
                  {t(`deadlines.${s.kind}`)}
                </Text>
                <Text size="sm" span c="dimmed">
                  {' · '}
                  <span className="tabular">{formatDue(s.due, tz)}</span>
                </Text>
                {s.kind === next && (
                  <Text size="xs" c="steel.8" fw={600} span>
                    {' · '}
                    {t('deadlines.next')}
                  </Text>
                )}
                <Text size="xs" c={rem?.overdue ? 'red.8' : late ? 'red.8' : 'dimmed'} fw={rem?.overdue ? 600 : undefined}>
                  {s.doneAt
                    ? t(late ? 'deadlines.doneLate' : 'deadlines.doneAt', { at: formatDateTime(s.doneAt, tz) })
                    : paused
                      ? t('deadlines.pausedSince', { at: formatDateTime(card.pausedSince, tz) })
                      : s.notNeeded
                        ? t('deadlines.notNeeded')
                        : (rem?.text ?? t('deadlines.notNeeded'))}
                </Text>
                {s.kind === 'answer' && card.extensionDays && (
                  <Text size="xs" c="dimmed">
                    {t('deadlines.extended', {
                      days: formatCount(card.extensionDays, t('time.day', { returnObjects: true })),
                      was: formatDate(card.answerDueOriginal, tz),
                      reason: card.extensionReason ?? '',
                    })}
                  </Text>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!open && steps.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('deadlines.closedNote')}
        </Text>
      )}
    </Section>
  );
}
