import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Divider, Group, Modal, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmarks, IconChevronDown, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requiredText } from '../../../../../domain/validation/fields';
import { errorMessage } from '../../../api/errors';
import { useMe } from '../../auth/session';
import { useZodForm } from '../../../lib/form';
import { useDeleteView, useSaveView, viewsQuery } from '../cases.api';
import type { SavedView } from '../case-types';
import { fromQueryString, toQueryString, type RegisterSearch } from '../register-search';
import classes from './SavedViews.module.css';

/** The same rule as the server's (saved-views.routes.ts). */
const viewForm = z.object({ name: requiredText('Название вида', 100), shared: z.boolean() });

interface Props {
  search: RegisterSearch;
  apply: (search: RegisterSearch) => void;
}

/** «Виды»: apply a saved set of filters, save the current one (personal or shared), delete one's own. */
export function SavedViews({ search, apply }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const views = useQuery(viewsQuery);
  const remove = useDeleteView();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);

  const onDelete = (v: SavedView) =>
    remove.mutate(v, {
      onSuccess: () => notifications.show({ message: t('register.viewDeleted', { name: v.name }), color: 'green', autoClose: 2500 }),
      onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
    });

  return (
    <>
      <Popover opened={open} onChange={setOpen} position="bottom-end" shadow="md" withinPortal trapFocus>
        <Popover.Target>
          <Button size="xs" variant="default" leftSection={<IconBookmarks size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} onClick={() => setOpen((o) => !o)}>
            {t('register.views')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs" w={340}>
          <Text size="xs" fw={600} c="dimmed" px={6} pb={4}>
            {t('register.viewsTitle')}
          </Text>
          <Stack gap={0} className={classes.list}>
            {(views.data ?? []).map((v) => (
              <Group key={v.id} gap={4} wrap="nowrap" className={classes.row}>
                <UnstyledButton
                  className={classes.apply}
                  aria-label={t('register.viewApply', { name: v.name })}
                  onClick={() => {
                    apply(fromQueryString(v.query));
                    setOpen(false);
                  }}
                >
                  <Text size="sm" truncate="end">
                    {v.name}
                  </Text>
                  {v.shared && <Badge color="gray" size="xs">{t('register.viewShared')}</Badge>}
                </UnstyledButton>
                {v.userId === me.user.id && (
                  <ActionIcon size="sm" aria-label={t('register.viewDelete', { name: v.name })} onClick={() => onDelete(v)} loading={remove.isPending && remove.variables?.id === v.id}>
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {views.data?.length === 0 && (
              <Text size="sm" c="dimmed" px={6} py={4}>
                {t('register.viewsEmpty')}
              </Text>
            )}
          </Stack>
          <Divider my={6} />
          <Button
            size="xs"
            variant="subtle"
            fullWidth
            justify="flex-start"
            onClick={() => {
              setOpen(false);
              setSaving(true);
            }}
          >
            {t('register.viewSave')}
          </Button>
        </Popover.Dropdown>
      </Popover>
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} query={toQueryString(search)} />
    </>
  );
}

function SaveViewModal({ opened, onClose, query }: { opened: boolean; onClose: () => void; query: string }) {
  const { t } = useTranslation();
  const save = useSaveView();
  const form = useZodForm({ schema: viewForm, initial: { name: '', shared: false } });
  const submit = () => {
    const input = form.validate();
    if (!input) return;
    save.mutate(
      { ...input, query },
      {
        onSuccess: () => {
          notifications.show({ message: t('register.viewSaved', { name: input.name }), color: 'green', autoClose: 2500 });
          form.reset({ name: '', shared: false });
          onClose();
        },
        onError: form.showServerError,
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('register.viewSaveTitle')} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {form.formError && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {form.formError}
            </Alert>
          )}
          <TextInput label={t('register.viewName')} description={form.hint('name', t('register.viewNameHint'))} withAsterisk data-autofocus {...form.text('name')} />
          <Checkbox label={t('register.viewSharedLabel')} {...form.checkbox('shared')} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
