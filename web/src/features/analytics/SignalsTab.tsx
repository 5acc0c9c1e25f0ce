import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors';
import { useCan, useTimeZone } from '../auth/session';
import { lastCompleteWeek, shiftWeek } from '../../../../domain/analytics/period';
import { localDate } from '../../../../domain/time/zoned';
import { signalsQuery, useDismissSignal, useRestoreSignal, type Signal } from './analytics.api';
import { formatRange } from './format';
import { RegisterLink } from './RegisterLink';
import { formatNumber } from '../../lib/format';

function Factors({ s }: { s: Signal }) {
  const { t } = useTranslation();
  const dims = (['subtopics', 'channels', 'localities', 'streets'] as const).filter((d) => s.factors[d]?.length);
  return (
    <Stack gap={2}>
      {dims.map((d) => (
        <Text key={d} size="xs">
          <Text span size="xs" c="dimmed">
            {t(`analytics.signals.factor.${d}`)}:{' '}
          </Text>
          {s.factors[d]
            .map((f) => t('analytics.signals.factorItem', { name: f.name ?? t('common.notSet'), n: f.count, usual: formatNumber(f.usual, 1) }))
            .join('; ')}
        </Text>
      ))}
    </Stack>
  );
}

/** Twelve bars of text: the weekly counts behind the expectation, the last one is the signal's week. */
function Series({ s }: { s: Signal }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...s.series.map((x) => x.count));
  return (
    <div role="img" aria-label={t('analytics.signals.seriesLabel', { list: s.series.map((x) => x.count).join(', ') })} style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 30 }}>
      {s.series.map((x, i) => (
        <div key={x.week} title={`${x.week}: ${x.count}`} style={{ width: 7, height: Math.max(2, (28 * x.count) / max), background: i === s.series.length - 1 ? '#c25a14' : '#a9c4e3' }} />
      ))}
    </div>
  );
}

/** Weekly growth signals: observed against expected with the rule's numbers, the factors, and what to do. */
export function SignalsTab({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const canManage = useCan()('problems.manage');
  const last = lastCompleteWeek(localDate(new Date(), tz));
  const weeks = Array.from({ length: 8 }, (_, i) => shiftWeek(last, -i));
  const [week, setWeek] = useState(last.code);
  const q = useQuery(signalsQuery({ week }));
  const [dismissing, setDismissing] = useState<Signal | null>(null);
  const [reason, setReason] = useState('');
  const dismiss = useDismissSignal();
  const restore = useRestoreSignal();
  const items = q.data?.items ?? [];
  const shown = limit ? items.filter((s) => !s.dismissed).slice(0, limit) : items;

  return (
    <Stack gap="sm" style={{ overflow: 'auto', minHeight: 0 }}>
      <Group gap="sm">
        <Select
          size="xs"
          w={230}
          aria-label={t('analytics.signals.week')}
          data={weeks.map((w) => ({ value: w.code, label: t('analytics.signals.weekOption', { code: w.code, range: formatRange(w) }) }))}
          value={week}
          onChange={(v) => v && setWeek(v)}
          allowDeselect={false}
        />
        {q.data && (
          <Text size="xs" c="dimmed">
            {t('analytics.signals.checked', { cells: q.data.cellsChecked, n: items.length })}
          </Text>
        )}
        {q.isFetching && <Loader size="xs" />}
      </Group>
      {q.error && <Alert color="red" variant="light" p="xs">{errorMessage(q.error)}</Alert>}
      {q.data && !shown.length && <Text size="sm" c="dimmed">{t('analytics.signals.none')}</Text>}
      {shown.map((s) => (
        <Paper key={s.signalKey} withBorder p="xs" radius="sm" style={{ opacity: s.dismissed ? 0.6 : 1 }} data-signal={s.signalKey}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {s.topic.name} · {s.settlement.name}
                </Text>
                {s.dismissed && <Badge size="xs" color="gray">{t('analytics.signals.dismissedBadge')}</Badge>}
              </Group>
              <Text size="sm">
                <RegisterLink query={s.registerQuery} label={t('analytics.signals.observedLabel', { n: s.observed })}>
                  <b>{t('analytics.signals.observed', { n: s.observed })}</b>
                </RegisterLink>{' '}
                {t('analytics.signals.expected', { expected: formatNumber(s.expected, 1), ratio: s.ratio ? formatNumber(s.ratio, 1) : '—', p: s.pValue < 0.0001 ? '< 0,0001' : formatNumber(s.pValue, 4) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('analytics.signals.basis', { recent: formatNumber(s.basis.recentMean, 1), seasonal: s.basis.seasonal === null ? '—' : formatNumber(s.basis.seasonal, 1), seasons: s.basis.seasons })}
              </Text>
              <Factors s={s} />
              {s.dismissed && (
                <Text size="xs" c="dimmed">
                  {t('analytics.signals.dismissedBy', { by: s.dismissed.by ?? '—', reason: s.dismissed.reason })}
                </Text>
              )}
            </Stack>
            <Stack gap={6} align="flex-end" style={{ flex: 'none' }}>
              <Series s={s} />
              {canManage && !limit && (
                <Group gap={6} wrap="nowrap">
                  {s.dismissed ? (
                    <Button size="compact-xs" variant="default" loading={restore.isPending} onClick={() => restore.mutate({ signalKey: s.signalKey })}>
                      {t('analytics.signals.restore')}
                    </Button>
                  ) : (
                    <>
                      <Button size="compact-xs" variant="default" onClick={() => (setDismissing(s), setReason(''))}>
                        {t('analytics.signals.dismiss')}
                      </Button>
                      <Button size="compact-xs" component={Link} to={`/problems/new?signal=${encodeURIComponent(s.signalKey)}`}>
                        {t('analytics.signals.toProblem')}
                      </Button>
                    </>
                  )}
                </Group>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
      {limit && items.length > 0 && (
        <Anchor renderRoot={(props) => <Link {...props} to="/analytics" search={{ tab: 'signals' }} />} size="sm">
          {t('analytics.signals.all', { n: items.filter((s) => !s.dismissed).length })}
        </Anchor>
      )}
      <Modal opened={dismissing !== null} onClose={() => setDismissing(null)} title={t('analytics.signals.dismissTitle')} size="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!dismissing || !reason.trim()) return;
            dismiss.mutate({ signalKey: dismissing.signalKey, reason: reason.trim() }, { onSuccess: () => setDismissing(null) });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{dismissing && `${dismissing.topic.name} · ${dismissing.settlement.name}`}</Text>
            <Textarea label={t('analytics.signals.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
            {dismiss.error && <Alert color="red" variant="light" p="xs">{errorMessage(dismiss.error)}</Alert>}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDismissing(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" size="xs" loading={dismiss.isPending} disabled={!reason.trim()}>
                {t('analytics.signals.dismiss')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
