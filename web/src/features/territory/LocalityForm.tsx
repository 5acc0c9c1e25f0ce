import { useEffect } from 'react';
import { Autocomplete, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localityInput } from '../../../../domain/territory/schemas';
import type { Locality, Settlement } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { SourceNote } from '../../components/SourceNote';
import { StatusIntro } from '../../components/StatusIntro';
import { useZodForm } from '../../lib/form';
import { useSaveLocality } from './territory.api';

interface Props {
  target: Locality | 'new' | null;
  settlements: Settlement[];
  /** Types already in use, offered as suggestions. */
  types: string[];
  readOnly: boolean;
  onClose: () => void;
}

function valuesOf(l: Locality | null) {
  return {
    code: l?.code ?? '',
    name: l?.name ?? '',
    type: l?.type ?? '',
    settlementId: l?.settlementId ?? null,
    oktmo: l?.oktmo ?? '',
    postcode: l?.postcode ?? '',
    population: l?.population ?? null,
    populationYear: l?.populationYear ?? null,
    lat: l?.lat ?? null,
    lon: l?.lon ?? null,
  };
}

export function LocalityForm({ target, settlements, types, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: localityInput, initial: valuesOf(current) });
  const save = useSaveLocality();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };
  const settlementOptions = settlements
    .filter((s) => s.isActive || s.id === current?.settlementId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('territory.editLocality')}: ${current.name}` : t('territory.newLocality')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      note={<SourceNote source={current?.source} />}
      intro={current && <StatusIntro isActive={current.isActive} />}
    >
      <TextInput label={t('territory.field.name')} withAsterisk data-autofocus {...form.text('name')} />
      <Group grow align="flex-start">
        <Autocomplete
          label={t('territory.field.type')}
          description={form.hint('type', t('territory.field.typeHint'))}
          withAsterisk
          data={types}
          value={(form.values.type as string) ?? ''}
          onChange={(v) => form.setValue('type', v)}
          error={form.error('type')}
        />
        <TextInput label={t('territory.field.code')} description={form.hint('code', t('territory.field.codeHint'))} withAsterisk spellCheck={false} {...form.text('code')} />
      </Group>
      <Select label={t('territory.field.settlement')} data={settlementOptions} searchable clearable {...form.select('settlementId')} />
      <Group grow align="flex-start">
        <TextInput label={t('territory.field.oktmo')} description={form.hint('oktmo', t('territory.field.oktmoHint'))} inputMode="numeric" {...form.text('oktmo')} />
        <TextInput label={t('territory.field.postcode')} inputMode="numeric" {...form.text('postcode')} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('territory.field.population')} hideControls allowDecimal={false} allowNegative={false} thousandSeparator=" " {...form.number('population')} />
        <NumberInput label={t('territory.field.populationYear')} hideControls allowDecimal={false} allowNegative={false} {...form.number('populationYear')} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('territory.field.lat')} hideControls decimalScale={6} decimalSeparator="," {...form.number('lat')} />
        <NumberInput label={t('territory.field.lon')} hideControls decimalScale={6} decimalSeparator="," {...form.number('lon')} />
      </Group>
    </FormDrawer>
  );
}
