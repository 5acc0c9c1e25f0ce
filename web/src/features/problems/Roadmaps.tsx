import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Drawer, FileButton, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconPlus, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useCan, useMe, useTimeZone } from '../auth/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { roadmapQuery, roadmapsQuery, showError, useProblemsMutation, type RoadmapCard, type RoadmapRow } from './problems.api';
import { RoadmapForm } from './RoadmapForm';
import { MeasuresTable } from './MeasuresTable';
import { MeasureForm } from './MeasureForm';
import { EffectPanel } from './EffectPanel';
import { ExportMenu } from '../exports/ExportMenu';

const dmy = (d: string | null) => (d ? d.split('-').reverse().join('.') : '—');

/** «Дорожные карты»: every roadmap with progress, overdue measures and approval. */
export function RoadmapsList() {
  const { t } = useTranslation();
  const can = useCan();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const list = useQuery(roadmapsQuery);
  const [adding, setAdding] = useState(false);
  const [approved, setApproved] = useState<string | null>(null);
  const onFiltersChange = useCallback((f: Record<string, string | null>) => setApproved(f.approved ?? null), []);
  const columns = useMemo<DataTableColumn<RoadmapRow>[]>(
    () => [
      { key: 'title', header: t('problems.roadmaps.col.title'), value: (r) => r.title },
      { key: 'block', header: t('problems.roadmaps.col.block'), width: '16%', value: (r) => r.block?.name ?? null },
      { key: 'problem', header: t('problems.roadmaps.col.problem'), width: '20%', value: (r) => r.problem?.title ?? null },
      { key: 'measures', header: t('problems.roadmaps.col.measures'), width: 100, value: (r) => r.done, searchable: false, render: (r) => t('problems.measuresOf', { done: r.done, total: r.measures }) },
      { key: 'overdue', header: t('problems.roadmaps.col.overdue'), width: 110, align: 'right', value: (r) => r.overdue, searchable: false, render: (r) => (r.overdue ? <Badge color="red" variant="light">{r.overdue}</Badge> : '0') },
      { key: 'nextDue', header: t('problems.roadmaps.col.nextDue'), width: 130, value: (r) => r.nextDue, searchable: false, render: (r) => <span className="tabular">{dmy(r.nextDue)}</span> },
      {
        key: 'approved',
        header: t('problems.roadmaps.col.approved'),
        width: '18%',
        value: (r) => r.approvedAt,
        render: (r) => (r.approvedAt ? t('problems.roadmaps.approvedBy', { date: formatDate(r.approvedAt, timeZone), who: r.approvedBy ?? '—' }) : <Text span size="sm" c="dimmed">{t('problems.roadmaps.notApproved')}</Text>),
        filter: { label: t('problems.roadmaps.col.approved'), options: [{ value: 'yes', label: t('problems.roadmaps.col.approved') }, { value: 'no', label: t('problems.roadmaps.notApproved') }], match: (r, v) => (v === 'yes') === Boolean(r.approvedAt), width: 160 },
      },
    ],
    [t, timeZone],
  );
  return (
    <>
      <DataTable
        label={t('problems.roadmaps.label')}
        rows={list.data}
        columns={columns}
        rowKey={(r) => r.id}
        onOpen={(r) => void navigate({ to: '/problems/roadmaps/$id', params: { id: r.id } })}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onFiltersChange={onFiltersChange}
        toolbar={
          <Group gap="xs">
            <ExportMenu list="roadmaps" params={{ approved }} />
            {can('problems.manage') && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>{t('problems.roadmaps.add')}</Button>}
          </Group>
        }
      />
      <RoadmapForm opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

type MeasureFull = RoadmapCard['measures'][number];

function MeasureDrawer({ m, onClose }: { m: MeasureFull | null; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const timeZone = useTimeZone();
  const [note, setNote] = useState('');
  const reset = useRef<() => void>(null);
  const addNote = useProblemsMutation((v: { id: string; text: string }) => api.post(`/api/measures/${v.id}/notes`, { text: v.text }), t('problems.measure.noteAdded'));
  const upload = useProblemsMutation((v: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', v.file);
    return api.upload(`/api/measures/${v.id}/files`, form);
  }, t('problems.measure.uploaded'));
  const may = m && (can('problems.manage') || m.responsible.id === me.user.id);
  return (
    <Drawer opened={m !== null} onClose={onClose} position="right" size={560} title={m?.title}>
      {m && (
        <Stack gap="sm">
          <Text size="sm">{m.description}</Text>
          {m.effect && (
            <Paper withBorder p="xs">
              <Title order={3} size="h5" mb={4}>{t('problems.measure.effectOf', { title: m.title })}</Title>
              <EffectPanel effect={m.effect} />
            </Paper>
          )}
          <Title order={3} size="h5">{t('problems.measure.note')}</Title>
          {m.notesList.map((n) => (
            <Text key={n.id} size="sm"><Text span size="xs" c="dimmed">{formatDateTime(n.at, timeZone)} · {n.author ?? '—'}:</Text> {n.text}</Text>
          ))}
          {may && (
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Textarea style={{ flex: 1 }} autosize minRows={1} placeholder={t('problems.measure.notePlaceholder')} aria-label={t('problems.measure.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button disabled={!note.trim()} onClick={() => addNote.mutate({ id: m.id, text: note }, { onSuccess: () => setNote(''), onError: showError })}>{t('problems.measure.addNote')}</Button>
            </Group>
          )}
          <Title order={3} size="h5">{t('problems.measure.files')}</Title>
          {m.filesList.map((f) => (
            <Anchor key={f.id} size="sm" href={`/api/measures/${m.id}/files/${f.id}`}>{f.fileName} ({Math.ceil(f.size / 1024)} КБ)</Anchor>
          ))}
          {may && (
            <FileButton resetRef={reset} onChange={(file) => file && upload.mutate({ id: m.id, file }, { onError: showError, onSettled: () => reset.current?.() })}>
              {(props) => <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} {...props}>{t('problems.measure.upload')}</Button>}
            </FileButton>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

/** One roadmap: its measures, their notes, files and effect, the куратор's approval. */
export function RoadmapCardView({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const timeZone = useTimeZone();
  const q = useQuery(roadmapQuery(id));
  const [form, setForm] = useState<{ measure: MeasureFull | null } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const approve = useProblemsMutation(() => api.post(`/api/roadmaps/${id}/approve`), t('problems.roadmaps.approved'));
  if (q.error) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  if (!q.data) return null;
  const r = q.data;
  const open = r.measures.find((m) => m.id === openId) ?? null;
  return (
    <Stack gap="xs" style={{ overflowY: 'auto', minHeight: 0, flex: '1 1 auto' }}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/problems/roadmaps" />}>{t('problems.roadmaps.back')}</Anchor>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} size="h3">{r.title}</Title>
          <Text size="sm" c="dimmed">
            {[r.block?.name, r.problem?.title].filter(Boolean).join(' · ')} ·{' '}
            {r.approvedAt ? `${t('problems.roadmaps.col.approved')}: ${t('problems.roadmaps.approvedBy', { date: formatDate(r.approvedAt, timeZone), who: r.approvedBy ?? '—' })}` : t('problems.roadmaps.notApproved')}
          </Text>
          {r.problem && (
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/problems/$id" params={{ id: r.problem!.id }} />}>{r.problem.title}</Anchor>
          )}
        </Stack>
        <Group gap="xs">
          {can('roadmaps.approve') && !r.approvedAt && (
            <Button color="green" leftSection={<IconCheck size={16} aria-hidden />} loading={approve.isPending} onClick={() => approve.mutate(undefined, { onError: showError })}>{t('problems.roadmaps.approve')}</Button>
          )}
          {can('problems.manage') && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({ measure: null })}>{t('problems.roadmaps.addMeasure')}</Button>}
        </Group>
      </Group>
      <Paper withBorder p="xs">
        <Title order={3} size="h5" mb={4}>{t('problems.roadmaps.measures', { n: r.measures.length })}</Title>
        {r.measures.length ? <MeasuresTable measures={r.measures} onEdit={(m) => setForm({ measure: m as MeasureFull })} onOpen={(m) => setOpenId(m.id)} /> : <Text size="sm" c="dimmed">{t('problems.roadmaps.noMeasures')}</Text>}
      </Paper>
      {r.practices.length > 0 && <Text size="sm">{t('problems.card.practices')}: {r.practices.map((p) => p.title).join('; ')}</Text>}
      <MeasureForm roadmapId={id} measure={form?.measure ?? null} opened={form !== null} onClose={() => setForm(null)} />
      <MeasureDrawer m={open} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
