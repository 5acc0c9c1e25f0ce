import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { linkInput, mergeInput } from '../../../../../../domain/cases/schemas';
import { useTimeZone } from '../../../auth/session';
import { formatDate } from '../../../../lib/format';
import { useZodForm } from '../../../../lib/form';
import { caseSearchQuery } from '../../cases.api';
import { ActionFormBody, type ActionFormProps } from './ActionFormBody';

/** Merge as a duplicate, or link: find the other case by its number (GET /api/cases?q=<number>). */
export function CasePickForm({ card, action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const timeZone = useTimeZone();
  const merge = action === 'merge';
  const field = merge ? 'duplicateOfId' : 'relatedCaseId';
  const form = useZodForm({ schema: merge ? mergeInput : linkInput, initial: { [field]: null as string | null } as Record<string, string | null> });
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string; number: string } | null>(null);
  // Once a case is picked the box shows its label; the search stays on its number.
  const term = picked && q === picked.label ? picked.number : q.trim();
  const [debounced] = useDebouncedValue(term, 300);
  const found = useQuery(caseSearchQuery(debounced));
  const fetched = (found.data?.items ?? [])
    .filter((c) => c.id !== card.id)
    .map((c) => ({ value: c.id, number: c.number, label: `${c.number} · ${t(`caseStatus.${c.status}`)} · ${formatDate(c.receivedAt, timeZone)} · ${c.text.slice(0, 70)}` }));
  const options = picked && !fetched.some((o) => o.value === picked.value) ? [picked, ...fetched] : fetched;
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  const nothing = debounced.length >= 4 && found.isSuccess && options.length === 0 ? t('actionForm.caseNotFound') : undefined;
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={merge ? t('actionForm.merge') : t('caseAction.link')}>
      <Select
        label={merge ? t('actionForm.mainCase') : t('actionForm.relatedCase')}
        placeholder={t('actionForm.caseSearch')}
        withAsterisk
        searchable
        searchValue={q}
        onSearchChange={setQ}
        filter={({ options: o }) => o}
        data={options.map(({ value, label }) => ({ value, label }))}
        nothingFoundMessage={nothing}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
        value={form.values[field] ?? null}
        onChange={(v) => {
          form.setValue(field, v);
          setPicked(options.find((o) => o.value === v) ?? null);
        }}
        error={form.error(field)}
      />
    </ActionFormBody>
  );
}
