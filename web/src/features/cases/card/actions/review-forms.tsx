import { Checkbox, Input, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REWORK_CRITERIA } from '../../../../../../domain/cases/review';
import { CASE_LIMITS, rateInput, reviewReturnInput } from '../../../../../../domain/cases/schemas';
import { useZodForm } from '../../../../lib/form';
import { ActionFormBody, type ActionFormProps } from './ActionFormBody';

/** Back for rework: the criteria of the МЦУ review and a comment for the executor. */
export function ReworkForm({ run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: reviewReturnInput, initial: { criteria: [] as string[], comment: '' } });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t('caseAction.return_for_rework')}>
      <Checkbox.Group label={t('actionForm.criteria')} withAsterisk {...form.multi('criteria')}>
        <Stack gap={6} mt={6}>
          {REWORK_CRITERIA.map((c, i) => (
            <Checkbox key={c} value={c} label={t(`reworkCriteria.${c}`)} data-autofocus={i === 0 || undefined} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea label={t('actionForm.commentForExecutor')} withAsterisk autosize minRows={3} maxRows={8} maxLength={CASE_LIMITS.reason} {...form.text('comment')} />
    </ActionFormBody>
  );
}

/** The applicant's rating taken by phone or letter: 1–5 stars and their comment. */
export function RateForm({ run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: rateInput, initial: { rating: null as number | null, comment: '' } });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  const error = form.error('rating');
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t('common.save')}>
      <StarsInput value={form.values.rating} onChange={(v) => form.setValue('rating', v)} error={error} label={t('actionForm.rating')} />
      <Text size="sm" c="dimmed">
        {t('actionForm.ratingHint')}
      </Text>
      <Textarea label={t('actionForm.ratingComment')} autosize minRows={2} maxRows={6} {...form.text('comment')} />
    </ActionFormBody>
  );
}

/** 1–5 stars, each a labelled radio («2 — плохо»), with the chosen meaning in words beside them. */
export function StarsInput({ value, onChange, error, label }: { value: number | null; onChange: (v: number) => void; error?: string; label: string }) {
  const { t } = useTranslation();
  const words = t('publicCase.stars', { returnObjects: true }) as string[];
  const word = (n: number) => words[n - 1] ?? String(n);
  return (
    <Input.Wrapper label={label} withAsterisk error={error}>
      <Stack gap={2} mt={4}>
        <Rating value={value ?? 0} onChange={onChange} size="lg" count={5} getSymbolLabel={(i) => `${i} — ${word(i)}`} aria-label={label} />
        <Text size="sm" c={value ? undefined : 'dimmed'} mih={20}>
          {value ? `${value} — ${word(value)}` : '\u00a0'}
        </Text>
      </Stack>
    </Input.Wrapper>
  );
}
