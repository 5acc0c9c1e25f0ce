import { useEffect } from 'react';
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settlementInput, SETTLEMENT_KINDS } from '../../../../domain/territory/schemas';
import type { Settlement } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { SourceNote } from '../../components/SourceNote';
import { StatusIntro } from '../../components/StatusIntro';
import { useZodForm } from '../../lib/form';
import { useSaveSettlement } from './territory.api';

interface Props {
  /** The settlement to edit, 'new' to create one, null when closed. */
  target: Settlement | 'new' | null;
  readOnly: boolean;
  onClose: () => void;
}

function valuesOf(s: Settlement | null) {
  return {
    code: s?.code ?? '',
    name: s?.name ?? '',
    officialName: s?.officialName ?? '',
    kind: (s?.kind ?? null) as string | null,
    oktmo: s?.oktmo ?? '',
    population: s?.population ?? null,
    populationYear: s?.populationYear ?? null,
    adminCentre: s?.adminCentre ?? '',
  };
}

export function SettlementForm({ target, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: settlementInput, initial: valuesOf(current) });
  const save = useSaveSettlement();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('territory.editSettlement')}: ${current.name}` : t('territory.newSettlement')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      note={<SourceNote source={current?.source} />}
      intro={current && <StatusIntro isActive={current.isActive} />}
    >
      <TextInput label={t('territory.field.name')} withAsterisk data-autofocus {...form.text('name')} />
      <TextInput label={t('territory.field.officialName')} {...form.text('officialName')} />
      <Group grow align="flex-start">
        <TextInput label={t('territory.field.code')} description={form.hint('code', t('territory.field.codeHint'))} withAsterisk spellCheck={false} {...form.text('code')} />
        <Select
          label={t('territory.field.kind')}
          withAsterisk
          data={SETTLEMENT_KINDS.map((k) => ({ value: k, label: t(`territory.settlementKindLong.${k}`) }))}
          allowDeselect={false}
          {...form.select('kind')}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput label={t('territory.field.adminCentre')} {...form.text('adminCentre')} />
        <TextInput label={t('territory.field.oktmo')} description={form.hint('oktmo', t('territory.field.oktmoHint'))} inputMode="numeric" {...form.text('oktmo')} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('territory.field.population')} hideControls allowDecimal={false} allowNegative={false} thousandSeparator=" " {...form.number('population')} />
        <NumberInput label={t('territory.field.populationYear')} hideControls allowDecimal={false} allowNegative={false} {...form.number('populationYear')} />
      </Group>
    </FormDrawer>
  );
}
