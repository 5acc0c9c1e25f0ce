import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, FileButton, Group, NumberInput, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { IconChartBar, IconPlus, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { Fill } from '../../components/Page';
import { useCan } from '../auth/session';
import { ActivityForm, PageForm } from './PageForm';
import { MissingPages } from './MissingPages';
import { importActivity, keys, pagesQuery, saveSilence, useAction, type ImportResult, type PageRow } from './engagement.api';

/** «Госпаблики»: the registry, its gaps at a glance, the rating, and the import of activity figures. */
export function PagesTab() {
  const { t } = useTranslation();
  const canManage = useCan()('engagement.manage');
  const pages = useQuery(pagesQuery);
  const [view, setView] = useState<'pages' | 'missing'>('pages');
  const [target, setTarget] = useState<PageRow | 'new' | null>(null);
  const [activity, setActivity] = useState<PageRow | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [norm, setNorm] = useState<number | string>('');
  const upload = useAction(importActivity, keys.pages);
  const silence = useAction(saveSilence, keys.pages, t('engagement.pages.normSaved'));
  const data = pages.data;
  const s = data?.summary;

  const columns = useMemo<DataTableColumn<PageRow>[]>(
    () => [
      { key: 'name', header: t('engagement.pages.col.name'), value: (p) => p.name, searchText: (p) => p.url, render: (p) => <Anchor href={p.url} target="_blank" rel="noopener noreferrer" size="sm" onClick={(e) => e.stopPropagation()}>{p.name}</Anchor> },
      { key: 'network', header: t('engagement.pages.col.network'), width: 72, value: (p) => t(`engagement.network.${p.network}`), filter: { label: t('engagement.pages.col.network'), options: (['vk', 'ok', 'tg'] as const).map((n) => ({ value: t(`engagement.network.${n}`), label: t(`engagement.network.${n}`) })), width: 160 } },
      { key: 'owner', header: t('engagement.pages.col.owner'), width: '14%', value: (p) => p.ownerName },
      { key: 'period', header: t('engagement.pages.col.period'), width: 68, value: (p) => p.latest?.period ?? '' },
      { key: 'publications', header: t('engagement.pages.col.publications'), width: 66, align: 'right', value: (p) => p.latest?.publications ?? null },
      { key: 'reach', header: t('engagement.pages.col.reach'), width: 70, align: 'right', value: (p) => p.latest?.reach ?? null },
      { key: 'answered', header: t('engagement.pages.col.answered'), width: 78, align: 'right', value: (p) => (p.latest ? `${p.latest.commentsAnswered}/${p.latest.comments}` : '') },
      { key: 'silent', header: t('engagement.pages.col.silent'), width: 82, align: 'right', value: (p) => p.silentDays, render: (p) => (p.silentDays === null ? <Text span size="sm" c="dimmed">{t('engagement.pages.noData')}</Text> : p.silentDays) },
      {
        key: 'gaps',
        header: t('engagement.pages.col.gaps'),
        width: 130,
        value: (p) => p.gaps.map((g) => t(`engagement.pages.gap.${g}`)).join(', '),
        render: (p) => (
          <Group gap={4} wrap="nowrap">
            {p.gaps.map((g) => <Badge key={g} size="xs" color={g === 'silent' ? 'orange' : 'red'} variant="light" tt="none">{t(`engagement.pages.gap.${g}`)}</Badge>)}
          </Group>
        ),
        filter: { label: t('engagement.pages.col.gaps'), options: (['not_confirmed', 'no_widget', 'silent'] as const).map((g) => ({ value: g, label: t(`engagement.pages.gap.${g}`) })), match: (p, v) => p.gaps.includes(v as PageRow['gaps'][number]), width: 170 },
      },
      {
        key: 'score',
        header: t('engagement.pages.col.score'),
        width: 92,
        align: 'right',
        value: (p) => p.score.score,
        tooltip: (p) => p.score.parts.map((x) => `${x.code}: ${x.value}`).join(' · '),
        render: (p) => <Tooltip label={`${p.score.parts.map((x) => `${x.value}×${Math.round(x.weight * 100)}%`).join(' + ')}`}><Text span size="sm" fw={600} className="tabular">{p.score.score}</Text></Tooltip>,
      },
    ],
    [t],
  );
  const summary = s && (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color="gray" tt="none">{s.pages} {t('engagement.pages.summary.pages')}</Badge>
      <Badge variant="light" color={s.notConfirmed ? 'red' : 'gray'} tt="none">{s.notConfirmed} {t('engagement.pages.summary.notConfirmed')}</Badge>
      <Badge variant="light" color={s.noWidget ? 'red' : 'gray'} tt="none">{s.noWidget} {t('engagement.pages.summary.noWidget')}</Badge>
      <Badge variant="light" color={s.silent ? 'orange' : 'gray'} tt="none">{s.silent} {t('engagement.pages.summary.silent')}</Badge>
    </Group>
  );
  const toolbar = canManage && (
    <Group gap="xs" wrap="nowrap">
      <NumberInput
        size="xs"
        w={200}
        aria-label={t('engagement.pages.norm')}
        title={t('engagement.pages.norm')}
        placeholder={`${t('engagement.pages.norm')}: ${data?.silenceDays ?? ''}`}
        min={1}
        max={365}
        value={norm}
        onChange={setNorm}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && typeof norm === 'number') silence.mutate(norm, { onSuccess: () => setNorm('') });
        }}
      />
      <FileButton accept=".xlsx,.csv" onChange={(f) => f && upload.mutate(f, { onSuccess: (r) => setResult(r) })}>
        {(props) => <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} loading={upload.isPending} title={t('engagement.pages.importHint')}>{t('engagement.pages.import')}</Button>}
      </FileButton>
      <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setTarget('new')}>{t('engagement.pages.add')}</Button>
    </Group>
  );

  return (
    <Fill gap="xs">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        {summary}
        <Text size="xs" c="dimmed">{t('engagement.pages.norm')}: {data?.silenceDays ?? '…'}</Text>
      </Group>
      {result && <ImportReport result={result} onClose={() => setResult(null)} />}
      {view === 'pages' ? (
        <DataTable
          key="pages"
          label={t('engagement.pages.label')}
          rows={data?.items}
          columns={columns}
          rowKey={(p) => p.id}
          isInactive={(p) => !p.isActive}
          onOpen={setTarget}
          loading={pages.isLoading}
          error={pages.error}
          onRetry={() => void pages.refetch()}
          initialSort={{ key: 'score', dir: 'asc' }}
          toolbarStart={<ViewSwitch view={view} setView={setView} missing={s?.withoutPage} />}
          toolbar={toolbar}
          actionsWidth={36}
          rowActions={(p) => (
            <Group gap={2} wrap="nowrap">
              {canManage && <ActionIcon variant="subtle" size="sm" aria-label={`${t('engagement.pages.activity')}: ${p.name}`} onClick={() => setActivity(p)}><IconChartBar size={14} /></ActionIcon>}
            </Group>
          )}
        />
      ) : (
        <MissingPages data={data} canManage={canManage} toolbarStart={<ViewSwitch view={view} setView={setView} missing={s?.withoutPage} />} />
      )}
      <Text size="xs" c="dimmed">{t('engagement.pages.scoreHint')}</Text>
      <PageForm target={target} readOnly={!canManage} onClose={() => setTarget(null)} />
      <ActivityForm target={activity} onClose={() => setActivity(null)} />
    </Fill>
  );
}

function ViewSwitch({ view, setView, missing }: { view: 'pages' | 'missing'; setView: (v: 'pages' | 'missing') => void; missing?: number }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      value={view}
      onChange={(v) => setView(v as 'pages' | 'missing')}
      data={[
        { value: 'pages', label: t('engagement.pages.label') },
        { value: 'missing', label: `${t('engagement.pages.summary.withoutPage')} · ${missing ?? '…'}` },
      ]}
    />
  );
}

function ImportReport({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color={result.errors.length ? 'orange' : 'green'} variant="light" withCloseButton onClose={onClose} closeButtonLabel={t('common.close')} p="xs" role="status">
      <Text size="sm" fw={600}>{t('engagement.pages.importResult', { file: result.fileName, rows: result.rows, inserted: result.inserted, updated: result.updated, errors: result.errors.length })}</Text>
      {result.errors.length > 0 && (
        <>
          <Text size="xs" mt={4}>{t('engagement.pages.errorsTitle')}</Text>
          <div style={{ maxHeight: 140, overflowY: 'auto' }}>
            <Table fz="xs" verticalSpacing={2} aria-label={t('engagement.pages.errorsTitle')}>
              <Table.Tbody>
                {result.errors.map((e) => (
                  <Table.Tr key={e.row}>
                    <Table.Td w={90}>{t('engagement.pages.row', { row: e.row })}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                    <Table.Td c="dimmed">{e.values.filter(Boolean).join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Alert>
  );
}
