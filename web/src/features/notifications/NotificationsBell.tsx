import { useState } from 'react';
import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../auth/session';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { AppNotification } from '../cases/case-types';
import { notificationsQuery, useMarkRead } from './notifications.api';
import classes from './NotificationsBell.module.css';

/**
 * The bell in the header: the unread count (polled every minute), a list of notices; a click opens
 * the case and marks the notice read; «Отметить все прочитанными».
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [showRead, setShowRead] = useState(false);
  const unread = useQuery(notificationsQuery(true));
  const list = useQuery({ ...notificationsQuery(!showRead), enabled: opened });
  const mark = useMarkRead();
  const count = unread.data?.unread ?? 0;
  const items = (opened ? list.data?.items : undefined) ?? unread.data?.items ?? [];

  const open = (n: AppNotification) => {
    if (!n.readAt) mark.mutate([n.id]);
    setOpened(false);
    if (n.caseId) void navigate({ to: '/cases/$id', params: { id: n.caseId } });
  };
  const label = count ? t('notifications.bellUnread', { n: count }) : t('notifications.bell');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={380} withinPortal trapFocus>
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : formatNumber(count)} size={16} color="red" disabled={!count} offset={4}>
          <ActionIcon size="lg" aria-label={label} title={label} onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py={8} wrap="nowrap">
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={!count}
            loading={mark.isPending && (mark.variables?.length ?? 0) > 1}
            onClick={() => mark.mutate((unread.data?.items ?? []).map((n) => n.id))}
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420} type="auto">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((n) => (
                <UnstyledButton key={n.id} className={classes.item} data-unread={!n.readAt || undefined} onClick={() => open(n)}>
                  <Text size="sm" lh={1.35} fw={n.readAt ? undefined : 500}>
                    {n.text}
                  </Text>
                  <Text size="xs" c="dimmed" className="tabular">
                    {formatDateTime(n.createdAt, tz)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Group px="sm" py={6}>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setShowRead((s) => !s)}>
            {showRead ? t('notifications.showUnread') : t('notifications.showAll')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
