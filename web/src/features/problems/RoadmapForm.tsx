import { useEffect } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { api } from '../../api/client';
import { roadmapInput } from '../../../../domain/problems/schemas';
import { problemsQuery, useProblemsMutation } from './problems.api';
import { useSubjectOptions } from './ProblemForm';

type Values = { title: string; blockId: string | null; problemId: string | null };

/** A new roadmap: for a topic block and/or a problem; opens it after saving. */
export function RoadmapForm({ opened, initial, onClose }: { opened: boolean; initial?: Values; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useSubjectOptions();
  const problems = useQuery(problemsQuery());
  const empty: Values = { title: '', blockId: null, problemId: null };
  const form = useZodForm({ schema: roadmapInput, initial: initial ?? empty });
  useEffect(() => {
    if (opened) form.reset(initial ?? empty);
  }, [opened]);
  const save = useProblemsMutation((input: Values) => api.post<{ id: string }>('/api/roadmaps', input), t('common.created'));
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate(input as Values, {
      onSuccess: (r) => {
        onClose();
        void navigate({ to: '/problems/roadmaps/$id', params: { id: r.id } });
      },
      onError: (e) => form.showServerError(e),
    });
  };
  return (
    <FormDrawer opened={opened} title={t('problems.roadmaps.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError} size={480}>
      <TextInput label={t('problems.roadmaps.field.title')} required data-autofocus {...form.text('title')} />
      <Select label={t('problems.roadmaps.field.block')} data={options.blocks} clearable searchable {...form.select('blockId')} />
      <Select label={t('problems.roadmaps.field.problem')} data={(problems.data ?? []).map((p) => ({ value: p.id, label: p.title }))} clearable searchable {...form.select('problemId')} />
    </FormDrawer>
  );
}
