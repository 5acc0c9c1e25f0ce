import { useEffect } from 'react';
import { Checkbox, NumberInput, Select, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keywordRuleInput } from '../../../../domain/classify/rule-inputs';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { useSaveKeywordRule, type KeywordRule } from './classify.api';
import { useClassifyNames } from './names';

/** A rule to edit, or a new one (optionally for a given topic). */
export type KeywordTarget = KeywordRule | { new: true; topicId: string | null } | null;

const valuesOf = (r: KeywordTarget) => {
  const x = r && !('new' in r) ? r : null;
  return { topicId: r?.topicId ?? null, keywords: x?.keywords ?? [], weight: x?.weight ?? 1, isActive: x?.isActive ?? true };
};

/** Keywords of one topic or sub-topic: what suggests it while the municipality has no model yet. */
export function KeywordRuleForm({ target, onClose }: { target: KeywordTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useClassifyNames();
  const current = target && !('new' in target) ? target : null;
  const form = useZodForm({ schema: keywordRuleInput, initial: valuesOf(target), toInput: (v) => ({ ...v, weight: v.weight ?? 1 }) });
  const save = useSaveKeywordRule();
  useEffect(() => form.reset(valuesOf(target)), [target]);
  const submit = () => {
    const input = form.validate();
    if (input) save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer opened={target !== null} title={current ? t('classify.keywords.edit') : t('classify.keywords.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError} size={480}>
      <Select label={t('classify.keywords.field.topic')} withAsterisk searchable data-autofocus data={names.topicOptions(current ? [current.topicId] : [])} {...form.select('topicId')} />
      <TagsInput
        label={t('classify.keywords.field.keywords')}
        description={form.hint('keywords', t('classify.keywords.field.keywordsHint'))}
        withAsterisk
        clearable
        acceptValueOnBlur
        splitChars={[',', ';']}
        onKeyDown={(e) => {
          // Enter adds a word; it must not submit the drawer's form.
          if (e.key === 'Enter') e.stopPropagation();
        }}
        {...form.multi('keywords')}
      />
      <NumberInput label={t('classify.keywords.field.weight')} description={form.hint('weight', t('classify.keywords.field.weightHint'))} decimalScale={1} min={0.1} max={10} step={0.5} {...form.number('weight')} />
      <Checkbox label={t('classify.keywords.field.active')} {...form.checkbox('isActive')} />
    </FormDrawer>
  );
}
