import { useEffect, useRef } from 'react';
import { Badge, Button, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../auth/session';
import { formatNumber } from '../../../lib/format';
import { DueCell, StatusBadge } from '../CaseBadges';
import type { CaseListItem } from '../case-types';
import { inboxGroup, type InboxGroup } from '../deadline';
import classes from './inbox.module.css';

const GROUPS: InboxGroup[] = ['overdue', 'today', 'week', 'later'];
const ANSWERABLE = new Set(['in_work', 'interim_answered', 'returned', 'answer_prepared']);

/** j/k move between the rows' links (о/л on the Russian layout), Enter opens — as in the tables. */
function useRowKeys(root: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || document.querySelector('[role="dialog"]')) return;
      const delta = e.key === 'j' || e.key === 'о' ? 1 : e.key === 'k' || e.key === 'л' ? -1 : 0;
      if (!delta || !root.current) return;
      const rows = [...root.current.querySelectorAll<HTMLElement>('[data-inbox-row]')];
      if (!rows.length) return;
      e.preventDefault();
      const i = rows.indexOf(document.activeElement as HTMLElement);
      const next = rows[i < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, i + delta))];
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
}

/** «Мои поручения» by deadline: overdue, due today, this week, later — a compact list each. */
export function InboxGroups({ items, now, showExecutor }: { items: CaseListItem[]; now: Date; showExecutor: boolean }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const root = useRef<HTMLDivElement>(null);
  useRowKeys(root);
  const grouped = new Map<InboxGroup, CaseListItem[]>(GROUPS.map((g) => [g, []]));
  for (const item of items) grouped.get(inboxGroup(item, now, tz))!.push(item);

  return (
    <div ref={root} className={classes.groups}>
      {GROUPS.map((g) => {
        const list = grouped.get(g)!;
        return (
          <section key={g} aria-labelledby={`inbox-${g}`} className={classes.group}>
            <Title order={2} id={`inbox-${g}`} className={classes.groupTitle} data-group={g}>
              {t(`inbox.groups.${g}`)}
              <Badge color={g === 'overdue' && list.length ? 'red' : 'gray'} variant={g === 'overdue' && list.length ? 'filled' : 'light'} ml={8}>
                {formatNumber(list.length)}
              </Badge>
            </Title>
            {list.length === 0 ? (
              <Text size="sm" c="dimmed" pl={2}>
                {t('inbox.groupEmpty')}
              </Text>
            ) : (
              <ul className={classes.list}>
                {list.map((c) => (
                  <li key={c.id} className={classes.row} data-show-executor={showExecutor || undefined}>
                    <Link to="/cases/$id" params={{ id: c.id }} className={classes.open} data-inbox-row="" aria-label={t('inbox.open', { number: c.number })}>
                      <span className={`${classes.number} tabular`}>{c.number}</span>
                      <span className={classes.due}>
                        <DueCell due={c.answerDue} state={c.deadlineState} answeredAt={null} timeZone={tz} />
                      </span>
                      <span className={classes.status}>
                        <StatusBadge status={c.status} />
                      </span>
                      <span className={classes.topic}>{c.subtopicName ?? c.topicName ?? t('register.noTopic')}</span>
                      <span className={classes.text} title={c.text}>
                        {c.text}
                      </span>
                      {showExecutor && <span className={classes.executor}>{c.executorName ?? t('inbox.noExecutor')}</span>}
                    </Link>
                    <span className={classes.answer}>
                      {ANSWERABLE.has(c.status) && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          aria-label={t('inbox.answerOf', { number: c.number })}
                          renderRoot={(props) => <Link {...props} to="/cases/$id" params={{ id: c.id }} search={{ do: 'submit_answer' }} />}
                        >
                          {t('inbox.answer')}
                        </Button>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
