import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, NumberInput, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { Fill } from '../components/Page';
import { useTimeZone } from '../features/auth/session';
import { classifySettingsQuery, correctionsQuery, useCanConfigureRouting, useRetrain, useSaveClassifySettings, type CorrectionRow } from '../features/classify/classify.api';
import { ClassifyNoAccess } from '../features/classify/ClassifyNoAccess';
import { formatDateTime, formatNumber } from '../lib/format';
import { directoryRoute } from './directory';

const pct = (v: number | undefined) => (v == null ? '—' : `${formatNumber(v * 100, 1)} %`);

function ClassifierPage() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const allowed = useCanConfigureRouting();
  const settings = useQuery({ ...classifySettingsQuery, enabled: allowed, refetchInterval: (q) => (q.state.data?.retrain.running ? 3000 : false) });
  const corrections = useQuery({ ...correctionsQuery, enabled: allowed });
  const save = useSaveClassifySettings();
  const retrain = useRetrain();
  const [threshold, setThreshold] = useState<number | string>('');
  const [order, setOrder] = useState<'rules_first' | 'model_first'>('rules_first');
  useEffect(() => {
    if (!settings.data) return;
    setThreshold(settings.data.autoRouteThreshold);
    setOrder(settings.data.routeOrder);
  }, [settings.data?.autoRouteThreshold, settings.data?.routeOrder]);

  const columns = useMemo<DataTableColumn<CorrectionRow>[]>(
    () => [
      { key: 'at', header: t('classify.model.corr.at'), width: 140, value: (r) => r.at, render: (r) => <span className="tabular">{formatDateTime(r.at, tz)}</span> },
      {
        key: 'case',
        header: t('classify.model.corr.case'),
        width: 120,
        value: (r) => r.caseNumber,
        render: (r) => (
          <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/cases/$id" params={{ id: r.caseId }} />}>
            {r.caseNumber}
          </Anchor>
        ),
      },
      {
        key: 'field',
        header: t('classify.model.corr.field'),
        width: 110,
        value: (r) => t(`classify.model.target.${r.field}`),
        filter: { label: t('classify.model.corr.field'), options: (['topic', 'recipient'] as const).map((f) => ({ value: f, label: t(`classify.model.target.${f}`) })), match: (r, v) => r.field === v, width: 160 },
      },
      { key: 'suggested', header: t('classify.model.corr.suggested'), value: (r) => r.suggestedName ?? null },
      { key: 'chosen', header: t('classify.model.corr.chosen'), value: (r) => r.chosenName ?? null },
      { key: 'user', header: t('classify.model.corr.user'), width: '16%', value: (r) => r.user },
    ],
    [t, tz],
  );

  if (!allowed) return <ClassifyNoAccess />;
  const s = settings.data;
  const latest = (['topic', 'recipient'] as const).map((target) => s?.models.find((m) => m.target === target)).filter((m) => m !== undefined);
  const dirty = s && (Number(threshold) !== s.autoRouteThreshold || order !== s.routeOrder);
  const running = s?.retrain.running;
  return (
    <Fill>
      <Group align="flex-start" gap="xl" wrap="nowrap" mb="sm">
        <Stack gap={6} w={470} style={{ flex: 'none' }}>
          <Title order={2} size="h4">
            {t('classify.model.threshold')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('classify.model.thresholdHelp')}
          </Text>
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <NumberInput
              label={t('classify.model.threshold')}
              labelProps={{ className: 'visually-hidden' }}
              aria-label={t('classify.model.threshold')}
              w={110}
              min={0.5}
              max={1}
              step={0.01}
              decimalScale={2}
              decimalSeparator=","
              value={threshold}
              onChange={setThreshold}
            />
            <SegmentedControl
              size="sm"
              aria-label={t('classify.model.order')}
              value={order}
              onChange={(v) => setOrder(v as typeof order)}
              data={[
                { value: 'rules_first', label: t('classify.model.rules_first') },
                { value: 'model_first', label: t('classify.model.model_first') },
              ]}
            />
            <Button size="sm" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ autoRouteThreshold: Number(threshold), routeOrder: order })}>
              {t('classify.model.save')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('classify.model.orderHelp')}
          </Text>
          {save.error && (
            <Alert color="red" variant="light" p="xs">
              {(save.error as Error).message}
            </Alert>
          )}
        </Stack>
        <Stack gap={6} style={{ flex: '1 1 auto', minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Title order={2} size="h4">
                {t('classify.model.status')}
              </Title>
              {s && (
                <Badge variant="light" color={running ? 'blue' : 'gray'} data-testid="retrain-status">
                  {running ? t('classify.model.training', { since: formatDateTime(running.since, tz) }) : t('classify.model.idle')}
                </Badge>
              )}
            </Group>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={15} aria-hidden />} loading={retrain.isPending || Boolean(running)} onClick={() => retrain.mutate()}>
              {t('classify.model.retrain')}
            </Button>
          </Group>
          {s?.retrain.lastError && (
            <Alert color="red" variant="light" p="xs">
              {t('classify.model.lastError', { at: formatDateTime(s.retrain.lastError.at, tz), message: s.retrain.lastError.message })}
            </Alert>
          )}
          {s && latest.length === 0 ? (
            <Text size="sm">{t('classify.model.none')}</Text>
          ) : (
            <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('classify.model.status')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('classify.model.col.target')}</Table.Th>
                  <Table.Th>{t('classify.model.col.trainedAt')}</Table.Th>
                  <Table.Th ta="right">{t('classify.model.col.n')}</Table.Th>
                  <Table.Th ta="right">{t('classify.model.col.accuracy')}</Table.Th>
                  <Table.Th ta="right">{t('classify.model.col.top3')}</Table.Th>
                  <Table.Th ta="right">{t('classify.model.col.macroF1')}</Table.Th>
                  <Table.Th ta="right">{t('classify.model.col.nTest')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody className="tabular">
                {latest.map((m) => (
                  <Table.Tr key={m.target}>
                    <Table.Td>{t(`classify.model.target.${m.target}`)}</Table.Td>
                    <Table.Td>{formatDateTime(m.trainedAt, tz)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.nExamples)}</Table.Td>
                    <Table.Td ta="right">{pct(m.metrics.accuracy)}</Table.Td>
                    <Table.Td ta="right">{pct(m.metrics.top3)}</Table.Td>
                    <Table.Td ta="right">{pct(m.metrics.macroF1)}</Table.Td>
                    <Table.Td ta="right">{m.metrics.nTest == null ? '—' : formatNumber(m.metrics.nTest)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="xs" c="dimmed">
            {t('classify.model.qualityHint')} {t('classify.model.retrainHint')}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" mb={4}>
        <Title order={2} size="h4">
          {t('classify.model.corrections')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('classify.model.correctionsHint')}
        </Text>
      </Group>
      <DataTable
        label={t('classify.model.corrections')}
        rows={corrections.data}
        columns={columns}
        rowKey={(r) => r.id}
        loading={corrections.isPending}
        error={corrections.error}
        onRetry={() => void corrections.refetch()}
        emptyText={t('classify.model.correctionsEmpty')}
      />
    </Fill>
  );
}

export const classifierRoute = createRoute({ getParentRoute: () => directoryRoute, path: 'classifier', component: ClassifierPage });
