import { useEffect } from 'react';
import { Checkbox, Fieldset, Group, Input, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleInput } from '../../../../domain/users/schemas';
import { isPermission } from '../../../../domain/auth/permissions';
import type { Role } from '../../api/types';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../lib/form';
import { PERMISSION_GROUPS } from './permission-groups';
import { useSaveRole } from './users.api';

interface Props {
  target: Role | 'new' | null;
  onClose: () => void;
}

const valuesOf = (r: Role | null) => ({ code: r?.code ?? '', name: r?.name ?? '', description: r?.description ?? '', permissions: r?.permissions ?? ([] as string[]) });

export function RoleForm({ target, onClose }: Props) {
  const { t } = useTranslation();
  const current = target === 'new' ? null : target;
  const form = useZodForm({ schema: roleInput, initial: valuesOf(current), toInput: (v) => ({ ...v, description: v.description || null }) });
  const save = useSaveRole();
  useEffect(() => form.reset(valuesOf(current)), [target]);

  const chosen = form.values.permissions;
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate({ id: current?.code, input }, { onSuccess: onClose, onError: form.showServerError });
  };

  return (
    <FormDrawer
      opened={target !== null}
      title={current ? `${t('roles.edit')}: ${current.name}` : t('roles.new')}
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      formError={form.formError}
      size={620}
      intro={
        current?.builtIn && (
          <Text size="sm" c="dimmed">
            {t('roles.builtInHint')}
          </Text>
        )
      }
    >
      <Group grow align="flex-start">
        <TextInput label={t('roles.field.name')} withAsterisk data-autofocus {...form.text('name')} />
        <TextInput label={t('roles.field.code')} description={form.hint('code', t('roles.field.codeHint'))} withAsterisk disabled={Boolean(current)} spellCheck={false} {...form.text('code')} />
      </Group>
      <Textarea label={t('roles.field.description')} autosize minRows={2} maxRows={4} {...form.text('description')} />
      <Stack gap={6}>
        <Input.Label id="role-permissions">{t('roles.field.permissions')}</Input.Label>
        {form.error('permissions') && (
          <Text size="xs" c="red.8" role="alert">
            {form.error('permissions')}
          </Text>
        )}
        <Checkbox.Group value={chosen} onChange={(v) => form.setValue('permissions', v)} aria-labelledby="role-permissions">
          <Stack gap="xs">
            {PERMISSION_GROUPS.map((g) => (
              <Fieldset key={g.key} legend={t(`roles.groups.${g.key}`)} p="xs" pt={4} variant="filled">
                <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
                  {g.permissions.filter(isPermission).map((p) => (
                    <Checkbox key={p} value={p} label={t(`permissions.${p}`)} size="xs" />
                  ))}
                </SimpleGrid>
              </Fieldset>
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </FormDrawer>
  );
}
