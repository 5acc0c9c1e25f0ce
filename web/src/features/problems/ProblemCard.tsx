import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronDown, IconLinkOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCan, useTimeZone } from '../auth/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { EChart } from '../analytics/EChart';
import { geoQuery } from '../analytics/analytics.api';
import { PROBLEM_TRANSITIONS, type ProblemStatus as Status } from '../../../../domain/problems/schemas';
import { problemQuery, showError, suggestionsQuery, useProblemsMutation, type ProblemCard as Card } from './problems.api';
import { ProblemStatus } from './ProblemsList';
import { ProblemForm, type ProblemDraft } from './ProblemForm';
import { EffectPanel } from './EffectPanel';
import { MeasuresTable } from './MeasuresTable';
import { RoadmapForm } from './RoadmapForm';

function Box({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

function WeeklyChart({ card }: { card: Card }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      grid: { left: 30, right: 8, top: 26, bottom: 22 },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: card.weeks.map((w) => w.from.slice(8, 10) + '.' + w.from.slice(5, 7)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: [
        { name: t('problems.card.chartLinked'), type: 'bar', data: card.weeks.map((w) => w.linked), itemStyle: { color: '#c4571b' } },
        ...(card.weeks[0]?.all !== null ? [{ name: t('problems.card.chartAll'), type: 'line', data: card.weeks.map((w) => w.all), itemStyle: { color: '#5472a8' }, symbolSize: 3 }] : []),
      ],
    }),
    [card, t],
  );
  return <EChart option={option} height={170} label={t('problems.card.chart')} />;
}

function CasesMap({ card }: { card: Card }) {
  const { t } = useTranslation();
  const geo = useQuery(geoQuery);
  const maps = useMemo(() => (geo.data ? { 'mcu-problem': geo.data } : undefined), [geo.data]);
  const option = useMemo(
    () =>
      maps && {
        tooltip: { trigger: 'item', formatter: (p: { data?: { name: string } }) => p.data?.name ?? '' },
        geo: { map: 'mcu-problem', roam: true, aspectScale: 0.64, layoutCenter: ['50%', '50%'], layoutSize: '95%', itemStyle: { areaColor: '#fafafa', borderColor: '#8a8f98', borderWidth: 0.6 }, emphasis: { disabled: true }, select: { disabled: true } },
        series: [
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            data: card.points.map((p) => ({ name: `№ ${p.number} (${p.exact ? t('problems.card.mapExact') : t('problems.card.mapLocality')})`, value: [p.lon, p.lat] })),
            symbolSize: 7,
            itemStyle: { color: 'rgba(200, 80, 20, 0.6)', borderColor: '#7a2f0b', borderWidth: 0.5 },
          },
        ],
      },
    [maps, card.points, t],
  );
  if (!card.points.length) return <Text size="sm" c="dimmed">{t('problems.card.mapNone')}</Text>;
  if (!option) return null;
  return <EChart option={option} height={220} maps={maps} label={t('problems.card.map')} />;
}

function Suggestions({ id }: { id: string }) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const s = useQuery(suggestionsQuery(id));
  const attach = useProblemsMutation((caseIds: string[]) => api.post<{ added: number }>(`/api/problems/${id}/cases`, { caseIds }));
  const go = (ids: string[]) => attach.mutate(ids, { onError: showError });
  if (!s.data) return null;
  return (
    <Box
      title={t('problems.card.suggestions', { days: s.data.days })}
      extra={s.data.items.length > 1 && <Button size="compact-xs" variant="light" onClick={() => go(s.data.items.map((i) => i.id))}>{t('problems.card.attachAll', { n: s.data.items.length })}</Button>}
    >
      {s.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('problems.card.noSuggestions')}</Text>
      ) : (
        <Stack gap={4} mah={260} style={{ overflowY: 'auto' }}>
          {s.data.items.map((c) => (
            <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
              <Button size="compact-xs" variant="light" onClick={() => go([c.id])} aria-label={`${t('problems.card.attach')}: № ${c.number}`}>
                {t('problems.card.attach')}
              </Button>
              <Text size="xs" style={{ minWidth: 0 }}>
                <Anchor size="xs" renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: c.id }} />}>№ {c.number}</Anchor> · {formatDate(c.receivedAt, timeZone)} · <Text span size="xs" c="dimmed">{t('problems.card.textScore', { v: c.textScore.toFixed(2) })}</Text>
                <br />
                {c.excerpt}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** The problem card: status, cases over time and on the map, measures, effect, suggestions. */
export function ProblemCardView({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const timeZone = useTimeZone();
  const q = useQuery(problemQuery(id));
  const [edit, setEdit] = useState<ProblemDraft | null>(null);
  const [roadmap, setRoadmap] = useState(false);
  const status = useProblemsMutation((s: string) => api.patch(`/api/problems/${id}/status`, { status: s }), t('problems.card.statusChanged'));
  const detach = useProblemsMutation((caseId: string) => api.post(`/api/problems/${id}/cases/remove`, { caseIds: [caseId] }), t('problems.card.detached'));
  if (q.error) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  if (!q.data) return null;
  const card = q.data;
  const manage = can('problems.manage');
  const next = PROBLEM_TRANSITIONS[card.status as Status] ?? [];
  const basis = card.effect ? t(`problems.effect.basis.${card.effect.basis}`, { date: card.effect.at.split('-').reverse().join('.') }) : undefined;
  return (
    <Stack gap="xs" style={{ overflowY: 'auto', minHeight: 0, flex: '1 1 auto' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/problems/list" />}>{t('problems.back')}</Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Title order={2} size="h3">{card.title}</Title>
            <ProblemStatus status={card.status} />
            {card.source === 'signal' && <Badge variant="outline" color="gray">{t('problems.card.signal')}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {[card.topic?.name, card.settlement?.name].filter(Boolean).join(' · ')} · {t('problems.card.createdBy', { date: formatDate(card.createdAt, timeZone), who: card.createdBy ?? '—' })}
          </Text>
          {card.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{card.description}</Text>}
        </Stack>
        {manage && (
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={t('problems.edit')}>
              <ActionIcon variant="default" aria-label={t('problems.edit')} onClick={() => setEdit({ id: card.id, title: card.title, description: card.description, topicId: card.topic?.id ?? null, settlementId: card.settlement?.id ?? null })}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            {next.length > 0 && (
              <Menu>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>{t('problems.col.status')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {next.map((s) => (
                    <Menu.Item key={s} onClick={() => status.mutate(s, { onError: showError })}>
                      {t('problems.card.statusTo', { status: t(`problems.status.${s}`) })}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRoadmap(true)}>
              {t('problems.card.newRoadmap')}
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        <Stack gap="xs">
          <Box title={t('problems.card.chart')}>
            <WeeklyChart card={card} />
          </Box>
          <Box title={t('problems.card.map')}>
            <CasesMap card={card} />
          </Box>
        </Stack>
        <Stack gap="xs">
          <Box title={t('problems.card.effect')}>{card.effect ? <EffectPanel effect={card.effect} basis={basis} height={170} /> : <Text size="sm" c="dimmed">{t('problems.card.noEffect')}</Text>}</Box>
          <Box title={t('problems.card.measures')}>
            {card.roadmaps.length > 0 && (
              <Group gap="xs" mb={4}>
                {card.roadmaps.map((r) => (
                  <Anchor key={r.id} size="sm" renderRoot={(props) => <Link {...props} to="/problems/roadmaps/$id" params={{ id: r.id }} />}>
                    {r.title}
                  </Anchor>
                ))}
              </Group>
            )}
            {card.measures.length ? <MeasuresTable measures={card.measures} compact /> : <Text size="sm" c="dimmed">{t('problems.card.noMeasures')}</Text>}
          </Box>
          {(card.practices.length > 0 || card.polls.length > 0) && (
            <Box title={`${t('problems.card.practices')} · ${t('problems.card.polls')}`}>
              <Text size="sm">{[...card.practices.map((p) => p.title), ...card.polls.map((p) => `${p.title} (${formatDate(p.startsOn)})`)].join('; ')}</Text>
            </Box>
          )}
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="xs">
        <Box title={t('problems.card.cases', { n: card.casesTotal })} extra={card.casesTotal > card.cases.length && <Text size="xs" c="dimmed">{t('problems.card.shownLatest', { n: card.cases.length })}</Text>}>
          <div style={{ maxHeight: 300, overflowY: 'auto' }}>
            <Table striped withRowBorders={false} verticalSpacing={2} fz="xs" aria-label={t('problems.card.cases', { n: card.casesTotal })}>
              <Table.Tbody>
                {card.cases.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor size="xs" renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: c.id }} />}>№ {c.number}</Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} className="tabular">{formatDateTime(c.receivedAt, timeZone)}</Table.Td>
                    <Table.Td>{c.excerpt}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <ActionIcon size="xs" variant="subtle" color="gray" aria-label={`${t('problems.card.detach')}: № ${c.number}`} onClick={() => detach.mutate(c.id, { onError: showError })}>
                          <IconLinkOff size={13} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Box>
        {manage ? <Suggestions id={id} /> : <div />}
      </SimpleGrid>
      <ProblemForm draft={edit} onClose={() => setEdit(null)} onSaved={() => undefined} />
      <RoadmapForm opened={roadmap} initial={{ title: card.title, blockId: card.topic?.blockId ?? null, problemId: card.id }} onClose={() => setRoadmap(false)} />
    </Stack>
  );
}
