import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseCard } from '../../case-types';
import type { CardAction } from '../../cases.api';

/** What every action form gets from the modal: the case, and `run` to send the action. */
export interface ActionFormProps {
  card: CaseCard;
  action: CardAction;
  /** Sends the action; `onError` shows the server's field messages under the fields. */
  run: (body: unknown, onError: (e: unknown) => void) => void;
  saving: boolean;
  onClose: () => void;
}

interface Props {
  onSubmit: () => void;
  onCancel: () => void;
  saving: boolean;
  formError: string | null;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}

/** The body of an action modal: the fields, an alert for messages of no field, the buttons. */
export function ActionFormBody({ onSubmit, onCancel, saving, formError, submitLabel, danger, children }: Props) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) onSubmit();
      }}
    >
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} aria-hidden />} p="xs" role="alert">
            {formError}
          </Alert>
        )}
        {children}
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} color={danger ? 'red' : undefined}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
