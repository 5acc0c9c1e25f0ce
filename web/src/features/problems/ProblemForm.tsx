import { useEffect } from 'react';
import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { api } from '../../api/client';
import { problemInput } from '../../../../domain/problems/schemas';
import { topicsQuery } from '../directory/directory.api';
import { territoryQuery } from '../territory/territory.api';
import { useProblemsMutation, type SignalDraft } from './problems.api';

export interface ProblemDraft {
  id?: string;
  title: string;
  description: string;
  topicId: string | null;
  settlementId: string | null;
  signalKey?: string | null;
  caseIds?: string[];
}

/** Top-level topics and settlements as select options. */
export function useSubjectOptions() {
  const topics = useQuery(topicsQuery);
  const territory = useQuery(territoryQuery);
  return {
    /** Both lists are loaded: a drafted topic or settlement can show its name. */
    ready: topics.isSuccess && territory.isSuccess,
    topics: (topics.data?.items ?? []).filter((x) => !x.parentId && x.isActive).map((x) => ({ value: x.id, label: x.name })),
    blocks: (topics.data?.blocks ?? []).filter((b) => b.isActive).map((b) => ({ value: b.id, label: b.name })),
    settlements: (territory.data?.settlements ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name })),
  };
}

export const draftOfSignal = (d: SignalDraft): ProblemDraft => ({ title: d.title, description: d.description, topicId: d.topic.id, settlementId: d.settlement.id, signalKey: d.signalKey, caseIds: d.cases.map((c) => c.id) });

/** Create (from a signal, from cases, by hand) or edit a problem. */
export function ProblemForm({ draft, intro, onClose, onSaved }: { draft: ProblemDraft | null; intro?: string; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useSubjectOptions();
  const initial = { title: '', description: '', topicId: null as string | null, settlementId: null as string | null };
  const form = useZodForm({ schema: problemInput, initial });
  useEffect(() => {
    if (draft) form.reset({ title: draft.title, description: draft.description, topicId: draft.topicId, settlementId: draft.settlementId });
  }, [draft]);
  const save = useProblemsMutation(
    (input: Record<string, unknown>) =>
      draft?.id ? api.put<{ id: string }>(`/api/problems/${draft.id}`, input) : api.post<{ id: string }>('/api/problems', { ...input, signalKey: draft?.signalKey ?? null, caseIds: draft?.caseIds ?? [] }),
    draft?.id ? t('common.saved') : t('problems.created'),
  );
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate(input as Record<string, unknown>, {
      onSuccess: (r) => {
        onClose();
        if (onSaved) onSaved(r.id);
        else if (!draft?.id) void navigate({ to: '/problems/$id', params: { id: r.id } });
      },
      onError: (e) => form.showServerError(e),
    });
  };
  return (
    <FormDrawer opened={draft !== null && options.ready} title={draft?.id ? t('problems.edit') : t('problems.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError} size={520}
      intro={intro ? <Text size="sm" c="dimmed">{intro}</Text> : undefined}>
      <TextInput label={t('problems.field.title')} required data-autofocus {...form.text('title')} />
      <Textarea label={t('problems.field.description')} autosize minRows={3} maxRows={8} {...form.text('description')} />
      <Select label={t('problems.field.topic')} data={options.topics} searchable clearable {...form.select('topicId')} />
      <Select label={t('problems.field.settlement')} data={options.settlements} searchable clearable {...form.select('settlementId')} />
    </FormDrawer>
  );
}
