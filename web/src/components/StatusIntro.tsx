import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The top of an edit drawer: «отключено» when the record is inactive, and other status badges. */
export function StatusIntro({ isActive, children }: { isActive?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  if (isActive !== false && !children) return null;
  return (
    <Group gap="xs">
      {isActive === false && (
        <Badge color="gray" variant="outline">
          {t('common.inactive')}
        </Badge>
      )}
      {children}
    </Group>
  );
}
