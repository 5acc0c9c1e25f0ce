import { useEffect } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { topicBlockInput } from '../../../../domain/directory/schemas';
import type { TopicBlock } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { StatusIntro } from '../../components/StatusIntro';
import { useZodForm } from '../../lib/form';
import { useSaveTopicBlock } from './directory.api';

interface Props {
  target: TopicBlock | 'new' | null;
  readOnly: boolean;
  onClose: () => void;
}

const valuesOf = (b: TopicBlock | null) => ({ code: b?.code ?? '', name: b?.name ?? '' });

export function BlockForm({ target, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: topicBlockInput, initial: valuesOf(current) });
  const save = useSaveTopicBlock();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.id, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? t('topics.editBlock') : t('topics.newBlock')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      readOnly={readOnly}
      size={420}
      intro={current && <StatusIntro isActive={current.isActive} />}
    >
      <TextInput label={t('topics.field.blockName')} withAsterisk data-autofocus {...form.text('name')} />
      <TextInput label={t('topics.field.code')} withAsterisk spellCheck={false} {...form.text('code')} />
    </FormDrawer>
  );
}
