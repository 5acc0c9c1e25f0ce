import { useEffect } from 'react';
import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REGIMES } from '../../../../domain/cases/status';
import { FormDrawer } from '../../components/FormDrawer';
import { StatusIntro } from '../../components/StatusIntro';
import { useZodForm } from '../../lib/form';
import type { Channel } from '../cases/case-types';
import { channelInput } from './schemas';
import { useSaveChannel } from './settings.api';

interface Props {
  target: Channel | 'new' | null;
  readOnly: boolean;
  readOnlyText: string;
  onClose: () => void;
}

const valuesOf = (c: Channel | null) => ({
  code: c?.code ?? '',
  name: c?.name ?? '',
  defaultRegime: (c?.defaultRegime ?? null) as string | null,
  isActive: c?.isActive ?? true,
});

export function ChannelForm({ target, readOnly, readOnlyText, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: channelInput, initial: valuesOf(current), toInput: (v) => v });
  const save = useSaveChannel();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const regimeOptions = REGIMES.map((r) => ({ value: r, label: t(`regime.${r}`) }));
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('channelSettings.edit')}: ${current.name}` : t('channelSettings.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      readOnlyText={readOnlyText}
      intro={current && <StatusIntro isActive={current.isActive} />}
    >
      <TextInput label={t('channelSettings.field.name')} withAsterisk data-autofocus {...form.text('name')} />
      <Group grow align="flex-start">
        <TextInput
          label={t('channelSettings.field.code')}
          description={form.hint('code', current ? t('channelSettings.field.codeLocked') : t('channelSettings.field.codeHint'))}
          withAsterisk
          disabled={Boolean(current)}
          spellCheck={false}
          autoComplete="off"
          {...form.text('code')}
        />
        <Select
          label={t('channelSettings.field.defaultRegime')}
          description={form.hint('defaultRegime', t('channelSettings.field.defaultRegimeHint'))}
          data={regimeOptions}
          withAsterisk
          allowDeselect={false}
          {...form.select('defaultRegime')}
        />
      </Group>
      <Checkbox label={t('channelSettings.field.isActive')} {...form.checkbox('isActive')} />
    </FormDrawer>
  );
}
