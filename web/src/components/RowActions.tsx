import { ActionIcon, Tooltip } from '@mantine/core';
import { IconBan, IconEye, IconLock, IconLockOpen, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  name: string;
  isActive: boolean;
  canManage: boolean;
  /** Default: canManage. False e.g. for the user's own account (no self-blocking). */
  canToggle?: boolean;
  onEdit: () => void;
  onToggle: () => void;
  toggling?: boolean;
  /** Labels for the toggle, e.g. «Заблокировать» / «Разблокировать» for users. */
  deactivateLabel?: string;
  activateLabel?: string;
  /** 'lock' for users (block/unblock), 'default' for reference rows (disable/enable). */
  icons?: 'default' | 'lock';
}

/** «Изменить» and «Отключить / Включить» at the end of a row, named after the row for screen readers. */
export function RowActions({ name, isActive, canManage, canToggle = canManage, onEdit, onToggle, toggling, deactivateLabel, activateLabel, icons = 'default' }: RowActionsProps) {
  const { t } = useTranslation();
  const toggleLabel = isActive ? (deactivateLabel ?? t('common.deactivateOf', { name })) : (activateLabel ?? t('common.activateOf', { name }));
  const editLabel = canManage ? t('common.editOf', { name }) : `${t('common.view')}: ${name}`;
  return (
    <>
      <Tooltip label={editLabel}>
        <ActionIcon size="sm" aria-label={editLabel} onClick={onEdit}>
          {canManage ? <IconPencil size={15} aria-hidden /> : <IconEye size={15} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      {canToggle && (
        <Tooltip label={toggleLabel}>
          <ActionIcon size="sm" aria-label={toggleLabel} onClick={onToggle} loading={toggling}>
            {icons === 'lock' ? (
              isActive ? <IconLock size={15} aria-hidden /> : <IconLockOpen size={15} aria-hidden />
            ) : isActive ? (
              <IconBan size={15} aria-hidden />
            ) : (
              <IconRestore size={15} aria-hidden />
            )}
          </ActionIcon>
        </Tooltip>
      )}
    </>
  );
}
