import { Button, Checkbox, Group, Popover, Stack } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, OPEN_STATUSES } from '../../../../../domain/cases/status';
import type { CaseStatus } from '../case-types';

interface Props {
  value: CaseStatus[];
  onChange: (value: CaseStatus[]) => void;
}

/** «Статус: все / В работе / 3»: a compact multi-choice that does not grow the toolbar. */
export function StatusFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  const label = value.length === 0 ? t('register.statusAll') : value.length === 1 ? t(`caseStatus.${value[0]}`) : t('register.statusN', { n: value.length });
  return (
    <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant={value.length ? 'light' : 'default'}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`${t('register.status')}: ${value.length ? value.map((s) => t(`caseStatus.${s}`)).join(', ') : t('table.filterAll').toLowerCase()}`}
          w={150}
          styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' }, inner: { justifyContent: 'space-between' } }}
        >
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="sm">
        <Stack gap="xs">
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => onChange([...OPEN_STATUSES])}>
              {t('register.openStatuses')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange([])} disabled={!value.length}>
              {t('register.clearChoice')}
            </Button>
          </Group>
          <Checkbox.Group value={value} onChange={(v) => onChange(CASE_STATUSES.filter((s) => v.includes(s)))} label={t('register.status')}>
            <Stack gap={6} mt={6}>
              {CASE_STATUSES.map((s) => (
                <Checkbox key={s} value={s} label={t(`caseStatus.${s}`)} size="xs" />
              ))}
            </Stack>
          </Checkbox.Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
