import { Alert, Group, Loader, Paper, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useTimeZone } from '../auth/session';
import { previousRange, yearAgoRange } from '../../../../domain/analytics/period';
import { addDaysIso, localDate } from '../../../../domain/time/zoned';
import { ReportsDue } from '../reports/ReportsDue';
import { dashboardQuery, type Dashboard, type Figure } from './analytics.api';
import { formatRange, formatValue } from './format';
import { presetRange, type Preset } from './search';
import { RegisterLink } from './RegisterLink';
import { Tile } from './Tile';
import { TrendChart } from './TrendChart';
import { SignalsTab } from './SignalsTab';
import { formatNumber } from '../../lib/format';

export const OVERVIEW_PERIODS = ['week', 'days30', 'quarter'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

const of = (k?: number, n?: number) => (k !== undefined && n ? `${formatNumber(k)} из ${formatNumber(n)}` : undefined);

function Breakdown({ title, rows, label }: { title: string; rows: Dashboard['intake']['byChannel']; label: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="sm" aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th ta="right">{t('analytics.overview.cases')}</Table.Th>
          <Table.Th ta="right">{t('analytics.overview.share')}</Table.Th>
          <Table.Th ta="right">{t('analytics.overview.inTime')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.code}>
            <Table.Td>{label(r.code)}</Table.Td>
            <Table.Td ta="right">
              <RegisterLink query={r.registerQuery}>{formatNumber(r.count)}</RegisterLink>
            </Table.Td>
            <Table.Td ta="right">{formatValue('share', r.share)}</Table.Td>
            <Table.Td ta="right">{formatValue('share', r.inTimeShare)}</Table.Td>
          </Table.Tr>
        ))}
        {!rows.length && (
          <Table.Tr>
            <Table.Td colSpan={4} c="dimmed">
              {t('analytics.overview.noCases')}
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function Section({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Paper withBorder p="xs" radius="sm" style={{ minWidth: 0 }}>
      <Group justify="space-between" mb={4} gap="xs">
        <Title order={2} fz="sm" fw={600}>
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

/** «Обзор МЦУ»: the period's figures against the previous period and a year ago, breakdowns, overdue now, signals, trends. */
export function OverviewScreen({ period, setPeriod }: { period: OverviewPeriod; setPeriod: (p: OverviewPeriod) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const range = presetRange(period as Preset, tz);
  const cur = useQuery(dashboardQuery(range));
  const prev = useQuery(dashboardQuery(previousRange(range)));
  const yoy = useQuery(dashboardQuery(yearAgoRange(range)));
  const today = localDate(new Date(), tz);
  const trend = useQuery(dashboardQuery({ from: addDaysIso(today, -364), to: today }));
  const d = cur.data;
  const p = prev.data;
  const y = yoy.data;
  const tile = (label: string, unit: Parameters<typeof Tile>[0]['unit'], get: (x: Dashboard) => Figure | undefined | null, sub?: (f: Figure) => React.ReactNode, testId?: string) => {
    const f = d ? get(d) : null;
    const now = testId === 'tile-overdue';
    return <Tile label={label} unit={unit} figure={f} prev={p ? get(p) ?? null : null} yoy={y ? get(y) ?? null : null} sub={f && sub ? sub(f) : now ? t('analytics.overview.nowNote') : undefined} testId={testId} noCompare={now} />;
  };
  const short = t('channelShort', { returnObjects: true }) as Record<string, string>;
  const channelLabel = (code: string) => short[code] ?? code;

  return (
    <>
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('analytics.period')}
            value={period}
            onChange={(v) => setPeriod(v as OverviewPeriod)}
            data={OVERVIEW_PERIODS.map((x) => ({ value: x, label: t(`analytics.preset.${x}`) }))}
          />
          <Text size="sm" c="dimmed">
            {formatRange(range)} · {t('analytics.overview.compare', { prev: formatRange(previousRange(range)), yoy: formatRange(yearAgoRange(range)) })}
          </Text>
          {cur.isFetching && <Loader size="xs" />}
        </Group>
      </Group>
      {cur.error && <Alert color="red" variant="light" p="xs">{errorMessage(cur.error)}</Alert>}
      <SimpleGrid cols={{ base: 3, sm: 5 }} spacing={8} verticalSpacing={8}>
        {tile(t('analytics.overview.received'), 'count', (x) => x.intake.total, undefined, 'tile-received')}
        {tile(t('analytics.overview.inTimeShare'), 'share', (x) => x.timeliness.inTimeShare, (f) => of(f.k, f.n))}
        {tile(t('analytics.overview.avgAnswerDays'), 'days', (x) => x.timeliness.avgAnswerDays, (f) => t('analytics.overview.answeredN', { n: f.n }))}
        {d?.timeliness.incident
          ? tile(t('analytics.overview.incidentHours'), 'hours', (x) => x.timeliness.incident?.avgAnswerWorkingHours, (f) => t('analytics.overview.answeredN', { n: f.n }))
          : tile(t('analytics.overview.late'), 'count', (x) => x.timeliness.late)}
        {tile(t('analytics.overview.overdueNow'), 'count', (x) => x.overdueNow.total, undefined, 'tile-overdue')}
        {tile(t('analytics.overview.fastTrack'), 'share', (x) => x.fastTrack.share, (f) => of(f.k, f.n))}
        {tile(t('analytics.overview.returns'), 'share', (x) => x.returns.share, (f) => of(f.k, f.n))}
        {tile(t('analytics.overview.rating45'), 'share', (x) => x.satisfaction.share45, (f) => `${of(f.k, f.n) ?? ''}${d?.satisfaction.avgRating.value ? ` · ${t('analytics.overview.avg')} ${formatValue('rating', d.satisfaction.avgRating.value)}` : ''}`)}
        {tile(t('analytics.overview.repeat'), 'share', (x) => x.repeat.share, (f) => of(f.k, f.n))}
        {tile(t('analytics.overview.autoRouted'), 'share', (x) => x.autoRouted.share, (f) => of(f.k, f.n))}
      </SimpleGrid>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.2fr)', gap: 8, alignItems: 'start' }}>
        <Section title={t('analytics.overview.intake')}>
          {d ? (
            <>
              <Breakdown title={t('register.channel')} rows={d.intake.byChannel} label={channelLabel} />
              <Breakdown title={t('register.regime')} rows={d.intake.byRegime} label={(c) => (c === 'FZ59' || c === 'MESSAGE' ? t(`regimeShort.${c}`) : c)} />
            </>
          ) : (
            <Loader size="xs" />
          )}
        </Section>
        <Section title={t('analytics.overview.overdueByRecipient')}>
          {d ? (
            <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="sm" aria-label={t('analytics.overview.overdueByRecipient')}>
              <Table.Tbody>
                {(d.overdueNow.byRecipient ?? []).slice(0, 10).map((r) => (
                  <Table.Tr key={r.recipient?.id ?? 'none'}>
                    <Table.Td style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.recipient?.name ?? undefined}>
                      {r.recipient?.name ?? t('analytics.overview.noRecipient')}
                    </Table.Td>
                    <Table.Td ta="right">
                      <RegisterLink query={r.registerQuery}>{formatNumber(r.count)}</RegisterLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {!d.overdueNow.byRecipient?.length && (
                  <Table.Tr>
                    <Table.Td c="dimmed">{t('analytics.overview.noOverdue')}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          ) : (
            <Loader size="xs" />
          )}
        </Section>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}>
          <Section title={t('analytics.overview.signals')}>
            <SignalsTab limit={3} />
          </Section>
          <ReportsDue />
        </div>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.6fr) minmax(0, 1fr)', gap: 8 }}>
        <Section title={t('analytics.overview.weekly')}>{trend.data ? <TrendChart points={trend.data.trends.weekly} kind="week" /> : <Loader size="xs" />}</Section>
        <Section title={t('analytics.overview.monthly')}>{trend.data ? <TrendChart points={trend.data.trends.monthly} kind="month" /> : <Loader size="xs" />}</Section>
      </div>
    </>
  );
}
