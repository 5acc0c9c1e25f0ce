import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconPlayerPause, IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { CaseStatus, DeadlineState } from './case-types';

/** Calm colours: only what needs attention stands out (returned, reopened); the rest is neutral. */
const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'gray',
  registered: 'gray',
  assigned: 'steel',
  in_work: 'steel',
  interim_answered: 'steel',
  answer_prepared: 'steel',
  under_review: 'violet',
  returned: 'orange',
  answered: 'teal',
  reopened: 'orange',
  closed: 'gray',
  forwarded: 'gray',
  merged: 'gray',
  rejected: 'gray',
};

/** The status in words; `wrap` lets a long label take two lines in a narrow column. */
export function StatusBadge({ status, size = 'sm', wrap }: { status: CaseStatus; size?: 'sm' | 'md'; wrap?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      size={size}
      maw="100%"
      styles={wrap ? { root: { height: 'auto', paddingBlock: 2, overflow: 'hidden' }, label: { whiteSpace: 'normal', lineHeight: 1.25 } } : { root: { overflow: 'hidden' } }}
    >
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

/** Never colour alone: an icon and a word with each state that needs attention. */
export function DeadlineStateBadge({ state, late }: { state: DeadlineState | null; late?: boolean }) {
  const { t } = useTranslation();
  if (state === 'overdue')
    return (
      <Badge color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ flex: 'none' }}>
        {t('deadlineState.overdue')}
      </Badge>
    );
  if (state === 'at_risk')
    return (
      <Badge color="yellow" c="yellow.9" leftSection={<IconClockExclamation size={12} aria-hidden />} style={{ flex: 'none' }}>
        {t('deadlineState.at_risk')}
      </Badge>
    );
  if (state === 'paused')
    return (
      <Badge color="gray" leftSection={<IconPlayerPause size={12} aria-hidden />} style={{ flex: 'none' }}>
        {t('deadlineState.paused')}
      </Badge>
    );
  if (late)
    return (
      <Badge color="red" variant="outline" style={{ flex: 'none' }}>
        {t('deadlineState.late')}
      </Badge>
    );
  return null;
}

/** The register's «Срок»: the answer date and its state, side by side or (stacked) one above the other. */
export function DueCell({ due, state, answeredAt, timeZone, stacked }: { due: string | null; state: DeadlineState | null; answeredAt: string | null; timeZone: string; stacked?: boolean }) {
  const late = Boolean(due && answeredAt && new Date(answeredAt) > new Date(due));
  return (
    <Group gap={stacked ? 1 : 6} wrap="nowrap" miw={0} style={stacked ? { flexDirection: 'column', alignItems: 'flex-start' } : undefined}>
      <span className="tabular" style={{ color: state === 'overdue' ? 'var(--mantine-color-red-8)' : undefined, fontWeight: state === 'overdue' ? 600 : undefined }}>
        {formatDate(due, timeZone) || '—'}
      </span>
      <DeadlineStateBadge state={state} late={late} />
    </Group>
  );
}

/** «★ 4»: the rating with its number; a low one (1–3) is marked in red with the word for readers. */
export function RatingMark({ rating, suffix }: { rating: number | null; suffix?: string }) {
  const { t } = useTranslation();
  if (rating == null) return <Text span c="dimmed" size="sm">—</Text>;
  const low = rating <= 3;
  return (
    <Group gap={3} wrap="nowrap" aria-label={t('register.ratingOf', { rating })} component="span">
      <IconStarFilled size={12} aria-hidden style={{ color: low ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-yellow-6)' }} />
      <Text span size="sm" fw={low ? 600 : undefined} c={low ? 'red.8' : undefined} className="tabular">
        {rating}
        {suffix}
      </Text>
    </Group>
  );
}
