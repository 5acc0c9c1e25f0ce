import { useEffect } from 'react';
import { Select, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { api } from '../../api/client';
import { measureInput } from '../../../../domain/problems/schemas';
import { recipientsQuery } from '../directory/directory.api';
import { peopleQuery, useProblemsMutation, type MeasureRow } from './problems.api';
import { useSubjectOptions } from './ProblemForm';

type Values = { title: string; description: string; dueOn: string; responsibleId: string | null; recipientId: string | null; topicId: string | null; settlementId: string | null };

/** Add or edit a measure; the deadline is a date, the responsible official a user of the МЦУ. */
export function MeasureForm({ roadmapId, measure, opened, onClose }: { roadmapId: string; measure: MeasureRow | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useSubjectOptions();
  const people = useQuery(peopleQuery);
  const recipients = useQuery(recipientsQuery);
  const empty: Values = { title: '', description: '', dueOn: '', responsibleId: null, recipientId: null, topicId: null, settlementId: null };
  const form = useZodForm({ schema: measureInput, initial: empty });
  useEffect(() => {
    if (!opened) return;
    form.reset(
      measure
        ? { title: measure.title, description: measure.description, dueOn: measure.dueOn, responsibleId: measure.responsible.id, recipientId: measure.recipient?.id ?? null, topicId: measure.topic?.id ?? null, settlementId: measure.settlement?.id ?? null }
        : empty,
    );
  }, [opened, measure]);
  const save = useProblemsMutation((input: Values) => (measure ? api.put(`/api/measures/${measure.id}`, input) : api.post(`/api/roadmaps/${roadmapId}/measures`, input)), measure ? t('common.saved') : t('common.created'));
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate(input as Values, { onSuccess: onClose, onError: (e) => form.showServerError(e) });
  };
  return (
    <FormDrawer opened={opened} title={measure ? t('problems.measure.edit') : t('problems.measure.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError} size={500}>
      <TextInput label={t('problems.measure.field.title')} required data-autofocus {...form.text('title')} />
      <Textarea label={t('problems.measure.field.description')} autosize minRows={2} maxRows={6} {...form.text('description')} />
      <TextInput type="date" label={t('problems.measure.field.dueOn')} required {...form.text('dueOn')} />
      <Select label={t('problems.measure.field.responsible')} required searchable data={(people.data ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))} {...form.select('responsibleId')} />
      <Select label={t('problems.measure.field.recipient')} searchable clearable data={(recipients.data ?? []).filter((r) => r.isActive).map((r) => ({ value: r.id, label: r.shortName || r.name }))} {...form.select('recipientId')} />
      <Select label={t('problems.measure.field.topic')} searchable clearable data={options.topics} {...form.select('topicId')} />
      <Select label={t('problems.measure.field.settlement')} searchable clearable data={options.settlements} {...form.select('settlementId')} />
    </FormDrawer>
  );
}
