import { useState } from 'react';
import { NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { answerInput, CASE_LIMITS, extendInput, forwardInput, pauseInput, reasonInput } from '../../../../../../domain/cases/schemas';
import { errorMessage } from '../../../../api/errors';
import { blanksToNull, useZodForm } from '../../../../lib/form';
import { ActionFormBody, type ActionFormProps } from './ActionFormBody';
import { ReviewNote } from '../AnswersSection';

/** decline, reject, return to the executor, reopen, pause: one reason. */
export function ReasonForm({ action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: action === 'pause' ? pauseInput : reasonInput, initial: { reason: '' } });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  const danger = action === 'reject';
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t(`caseAction.${action}` as 'caseAction.reject')} danger={danger}>
      <Textarea
        label={action === 'pause' ? t('actionForm.pauseReason') : t('actionForm.reason')}
        withAsterisk
        autosize
        minRows={3}
        maxRows={10}
        maxLength={CASE_LIMITS.reason}
        data-autofocus
        {...form.text('reason')}
      />
    </ActionFormBody>
  );
}

export function ForwardForm({ action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: forwardInput, initial: { forwardedTo: '', reason: '' } });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t(`caseAction.${action}` as 'caseAction.forward')}>
      <TextInput label={t('actionForm.forwardedTo')} description={form.hint('forwardedTo', t('actionForm.forwardedToHint'))} withAsterisk data-autofocus {...form.text('forwardedTo')} />
      <Textarea label={t('actionForm.forwardReason')} withAsterisk autosize minRows={3} maxRows={8} {...form.text('reason')} />
    </ActionFormBody>
  );
}

export function ExtendForm({ run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const form = useZodForm({ schema: extendInput, initial: { days: 30 as number | null, reason: '' } });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t('caseAction.extend')}>
      <Text size="sm" c="dimmed">
        {t('actionForm.extendHint')}
      </Text>
      <NumberInput label={t('actionForm.days')} withAsterisk min={1} max={CASE_LIMITS.extensionDays} allowDecimal={false} w={200} {...form.number('days')} />
      <Textarea label={t('actionForm.extendReason')} withAsterisk autosize minRows={3} maxRows={8} data-autofocus {...form.text('reason')} />
    </ActionFormBody>
  );
}

/** approve and close: nothing to fill, one sentence on what happens. */
export function ConfirmForm({ action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const text = action === 'approve_answer' ? t('actionForm.approveText') : t('actionForm.closeText');
  return (
    <ActionFormBody onSubmit={() => run({}, (e) => setError(errorMessage(e)))} onCancel={onClose} saving={saving} formError={error} submitLabel={t(`caseAction.${action}` as 'caseAction.close')}>
      <Text size="sm">{text}</Text>
    </ActionFormBody>
  );
}

/**
 * The executor's answer (interim, prepared, or for review). After a return the last answer is the
 * starting point and the МЦУ's remarks are shown above it.
 */
export function AnswerForm({ card, action, run, saving, onClose }: ActionFormProps) {
  const { t } = useTranslation();
  const last = [...card.answers].reverse().find((a) => a.kind === 'final');
  const reuse = last && (last.state === 'returned' || last.state === 'prepared') && action !== 'give_interim';
  const form = useZodForm({
    schema: answerInput,
    initial: { text: reuse ? last.text : '', completionDate: (reuse ? last.completionDate : null) as string | null },
    toInput: blanksToNull,
  });
  const submit = () => {
    const input = form.validate();
    if (input) run(input, form.showServerError);
  };
  return (
    <ActionFormBody onSubmit={submit} onCancel={onClose} saving={saving} formError={form.formError} submitLabel={t(`caseAction.${action}` as 'caseAction.submit_answer')}>
      {last?.state === 'returned' && action !== 'give_interim' && <ReviewNote answer={last} />}
      <Textarea label={t('actionForm.answerText')} withAsterisk autosize minRows={6} maxRows={16} maxLength={CASE_LIMITS.answer} data-autofocus {...form.text('text')} />
      <DateInput
        label={t('actionForm.completionDate')}
        description={form.hint('completionDate', t('actionForm.completionDateHint'))}
        valueFormat="DD.MM.YYYY"
        clearable
        w={240}
        popoverProps={{ withinPortal: true }}
        {...form.select('completionDate')}
      />
    </ActionFormBody>
  );
}
