import { useMemo, useState } from 'react';
import { Anchor, Button, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { FormDrawer } from '../../components/FormDrawer';
import { api } from '../../api/client';
import { parseError } from '../../api/errors';
import { useCan } from '../auth/session';
import { practiceInput } from '../../../../domain/problems/schemas';
import { practicesQuery, problemsQuery, roadmapsQuery, useProblemsMutation, type Practice } from './problems.api';
import { useSubjectOptions } from './ProblemForm';

type Values = { title: string; description: string; topicId: string | null; source: string; links: string; problemIds: string[]; roadmapIds: string[] };

function PracticeForm({ practice, onClose }: { practice: Practice | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useSubjectOptions();
  const problems = useQuery(problemsQuery());
  const roadmaps = useQuery(roadmapsQuery);
  const p = practice && practice !== 'new' ? practice : null;
  const [v, setV] = useState<Values | null>(null);
  const [error, setError] = useState<string | null>(null);
  const values: Values = v ?? {
    title: p?.title ?? '',
    description: p?.description ?? '',
    topicId: p?.topic?.id ?? null,
    source: p?.source ?? '',
    links: (p?.links ?? []).map((l) => `${l.url}${l.title ? ` ${l.title}` : ''}`).join('\n'),
    problemIds: p?.problems.map((x) => x.id) ?? [],
    roadmapIds: p?.roadmaps.map((x) => x.id) ?? [],
  };
  const set = (patch: Partial<Values>) => setV({ ...values, ...patch });
  const close = () => {
    setV(null);
    setError(null);
    onClose();
  };
  const save = useProblemsMutation((input: unknown) => (p ? api.put(`/api/practices/${p.id}`, input) : api.post('/api/practices', input)), t('common.saved'));
  const submit = () => {
    const lines = values.links.split('\n').map((l) => l.trim()).filter(Boolean);
    const bad = lines.findIndex((l) => !/^https?:\/\//.test(l));
    if (bad >= 0) return setError(t('problems.practices.linksBad', { n: bad + 1 }));
    const links = lines.map((l) => {
      const [url, ...rest] = l.split(/\s+/);
      return { url, title: rest.join(' ') || null };
    });
    const parsed = practiceInput.safeParse({ ...values, links, source: values.source || null, description: values.description || null });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message).join('; '));
    save.mutate(parsed.data, { onSuccess: close, onError: (e) => setError(parseError(e).message) });
  };
  return (
    <FormDrawer opened={practice !== null} title={p ? t('problems.practices.edit') : t('problems.practices.new')} onClose={close} onSubmit={submit} saving={save.isPending} formError={error} size={520}>
      <TextInput label={t('problems.practices.field.title')} required data-autofocus value={values.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <Textarea label={t('problems.practices.field.description')} autosize minRows={3} maxRows={8} value={values.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Select label={t('problems.practices.field.topic')} data={options.topics} clearable searchable value={values.topicId} onChange={(x) => set({ topicId: x })} />
      <TextInput label={t('problems.practices.field.source')} value={values.source} onChange={(e) => set({ source: e.currentTarget.value })} />
      <Textarea label={t('problems.practices.field.links')} autosize minRows={2} value={values.links} onChange={(e) => set({ links: e.currentTarget.value })} />
      <MultiSelect label={t('problems.practices.field.problems')} data={(problems.data ?? []).map((x) => ({ value: x.id, label: x.title }))} searchable value={values.problemIds} onChange={(x) => set({ problemIds: x })} />
      <MultiSelect label={t('problems.practices.field.roadmaps')} data={(roadmaps.data ?? []).map((x) => ({ value: x.id, label: x.title }))} searchable value={values.roadmapIds} onChange={(x) => set({ roadmapIds: x })} />
    </FormDrawer>
  );
}

/** «Лучшие практики»: the library, linked to problems and roadmaps. */
export function PracticesView() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useQuery(practicesQuery);
  const [open, setOpen] = useState<Practice | 'new' | null>(null);
  const columns = useMemo<DataTableColumn<Practice>[]>(
    () => [
      { key: 'title', header: t('problems.practices.col.title'), value: (p) => p.title, searchText: (p) => p.description },
      { key: 'topic', header: t('problems.practices.col.topic'), width: '18%', value: (p) => p.topic?.name ?? null },
      { key: 'source', header: t('problems.practices.col.source'), width: '18%', value: (p) => p.source, render: (p) => (p.links[0] ? <Anchor size="sm" href={p.links[0].url} target="_blank" rel="noreferrer">{p.source ?? p.links[0].title ?? p.links[0].url}</Anchor> : p.source) },
      { key: 'links', header: t('problems.practices.col.links'), width: '30%', value: (p) => [...p.problems.map((x) => x.title), ...p.roadmaps.map((x) => x.title)].join('; ') },
    ],
    [t],
  );
  return (
    <>
      <DataTable label={t('problems.practices.label')} rows={list.data} columns={columns} rowKey={(p) => p.id} onOpen={(p) => setOpen(p)} loading={list.isPending} error={list.error}
        toolbar={can('problems.manage') && <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen('new')}>{t('problems.practices.add')}</Button>} />
      <PracticeForm key={open === null ? 'closed' : open === 'new' ? 'new' : open.id} practice={open} onClose={() => setOpen(null)} />
    </>
  );
}
