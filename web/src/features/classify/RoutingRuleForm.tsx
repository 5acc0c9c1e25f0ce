import { useEffect } from 'react';
import { Checkbox, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { routingRuleInput } from '../../../../domain/classify/rule-inputs';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { useSaveRoutingRule, type RoutingRule } from './classify.api';
import { useClassifyNames } from './names';

export type RoutingTarget = RoutingRule | 'new' | null;

const valuesOf = (r: RoutingTarget) => {
  const x = r && r !== 'new' ? r : null;
  return { topicId: x?.topicId ?? null, settlementId: x?.settlementId ?? null, recipientId: x?.recipientId ?? null, priority: x?.priority ?? 0, isActive: x?.isActive ?? true };
};

/** Add or edit one rule «тематика × поселение → получатель». */
export function RoutingRuleForm({ target, onClose }: { target: RoutingTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useClassifyNames();
  const current = target && target !== 'new' ? target : null;
  const form = useZodForm({ schema: routingRuleInput, initial: valuesOf(target), toInput: (v) => ({ ...v, priority: v.priority ?? 0 }) });
  const save = useSaveRoutingRule();
  useEffect(() => form.reset(valuesOf(target)), [target]);
  const submit = () => {
    const input = form.validate();
    if (input) save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <FormDrawer opened={target !== null} title={current ? t('classify.routing.edit') : t('classify.routing.new')} onClose={onClose} onSubmit={submit} saving={save.isPending} formError={form.formError}>
      <Select label={t('classify.routing.field.topic')} withAsterisk searchable data-autofocus data={names.topicOptions(current ? [current.topicId] : [])} {...form.select('topicId')} />
      <Select
        label={t('classify.routing.field.settlement')}
        description={form.hint('settlementId', t('classify.routing.field.settlementHint'))}
        placeholder={t('classify.anySettlement')}
        clearable
        searchable
        data={names.settlementOptions}
        {...form.select('settlementId')}
      />
      <Select label={t('classify.routing.field.recipient')} withAsterisk searchable data={names.recipientOptions(current?.recipientId ?? null)} {...form.select('recipientId')} />
      <NumberInput
        label={t('classify.routing.field.priority')}
        description={form.hint('priority', t('classify.routing.field.priorityHint'))}
        hideControls
        allowDecimal={false}
        allowNegative={false}
        {...form.number('priority')}
      />
      <Checkbox label={t('classify.routing.field.active')} {...form.checkbox('isActive')} />
    </FormDrawer>
  );
}
