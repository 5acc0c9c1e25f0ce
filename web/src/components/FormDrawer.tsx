import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Group, Stack } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface FormDrawerProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving?: boolean;
  /** The server's or the form's message that belongs to no single field. */
  formError?: string | null;
  /** Show the values without letting the user change them. */
  readOnly?: boolean;
  /** Why the form is read-only; default: the directory's «нужны права на ведение справочников». */
  readOnlyText?: string;
  /** Under the title, before the fields: status badges, hints. */
  intro?: ReactNode;
  /** After the fields: where the record came from, and the like. */
  note?: ReactNode;
  /** Extra buttons left of «Отмена», e.g. «Отключить». */
  extraActions?: ReactNode;
  size?: number;
  children: ReactNode;
}

/** Create/edit form in a right-hand drawer; Enter in a field submits, Escape closes. */
export function FormDrawer({ opened, title, onClose, onSubmit, saving, formError, readOnly, readOnlyText, intro, note, extraActions, size, children }: FormDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <form
        noValidate
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly && !saving) onSubmit();
        }}
      >
        <Stack gap="sm">
          {intro}
          {readOnly && (
            <Alert color="gray" variant="light" icon={<IconLock size={16} aria-hidden />} p="xs">
              {readOnlyText ?? t('common.readOnly')}
            </Alert>
          )}
          {formError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={16} aria-hidden />} p="xs" role="alert">
              {formError}
            </Alert>
          )}
          <fieldset disabled={readOnly} data-readonly={readOnly || undefined} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="sm">{children}</Stack>
          </fieldset>
          {note}
        </Stack>
        <Group
          justify="flex-end"
          gap="xs"
          pt="sm"
          pb="xs"
          mt="md"
          style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-2)', zIndex: 1 }}
        >
          {extraActions}
          <Button variant="default" onClick={onClose}>
            {readOnly ? t('common.close') : t('common.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </form>
    </Drawer>
  );
}
