import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The classify settings tabs for someone who may not configure routing. */
export function ClassifyNoAccess() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={16} aria-hidden />} maw={640}>
      {t('classify.noAccess')}
    </Alert>
  );
}
