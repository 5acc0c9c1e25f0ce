import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Shown instead of a page the user has no right to open (the server refuses it anyway). */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={16} aria-hidden />} maw={640}>
      {t('errors.forbidden')}
    </Alert>
  );
}
