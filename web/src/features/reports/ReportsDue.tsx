import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { curPeriodLabel, dueQuery, ruDay } from './reports.api';

/**
 * Reports to the ЦУР due soon (quarterly, annual) and the weekly note, for the «Обзор МЦУ»:
 * overdue and upcoming reports with links, the note waiting to be issued, the next note's date.
 */
export function ReportsDue() {
  const { t } = useTranslation();
  const can = useCan()('reports.read');
  const due = useQuery({ ...dueQuery, enabled: can });
  if (!can || !due.data) return null;
  const d = due.data;
  return (
    <Paper withBorder p="sm" aria-label={t('reports.due.title')}>
      <Title order={3} mb={6}>{t('reports.due.title')}</Title>
      <Stack gap={4}>
        {d.reports.map((r) => (
          <Group key={r.period} gap={6} wrap="nowrap">
            <Anchor component={Link} to="/reports/cur" size="sm">{t('reports.due.report', { period: curPeriodLabel(r.period), due: ruDay(r.dueOn) })}</Anchor>
            {r.overdue && <Badge size="xs" color="red" variant="light">{t('reports.due.overdue')}</Badge>}
          </Group>
        ))}
        {d.weekly && d.weekly.status === 'draft' && (
          <Anchor component={Link} to="/reports/notes/$id" params={{ id: d.weekly.noteId } as never} size="sm">
            {t('reports.due.weeklyDraft', { period: `${ruDay(d.weekly.from)} – ${ruDay(d.weekly.to)}` })}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">{t('reports.due.weeklyNext', { period: `${ruDay(d.nextWeekly.from)} – ${ruDay(d.nextWeekly.to)}`, when: `${ruDay(d.nextWeekly.generatesOn)} ${d.nextWeekly.at}` })}</Text>
        {!d.reports.length && <Text size="sm" c="dimmed">{t('reports.due.none')}</Text>}
      </Stack>
    </Paper>
  );
}
