import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors';
import { useCan } from '../../auth/session';
import type { CaseCard } from '../case-types';
import { useCaseAction, type CardAction } from '../cases.api';
import { isOpenStatus } from '../deadline';
import { DIRECT_ACTIONS } from './actions/ActionModal';

/** The order the buttons come in: what moves the case forward first, refusals last. */
const ORDER: CardAction[] = [
  'accept',
  'submit_answer',
  'prepare_answer',
  'give_interim',
  'approve_answer',
  'return_for_rework',
  'return_to_executor',
  'assign',
  'rate',
  'reopen',
  'close',
  'decline',
  'forward',
  'merge',
  'extend',
  'pause',
  'resume',
  'reject',
];
const VISIBLE = 3;

/** What this user may do with the case now: the card's `actions`, plus extend / pause / resume. */
export function availableCardActions(card: CaseCard, can: (p: 'cases.review' | 'cases.work') => boolean): CardAction[] {
  const open = isOpenStatus(card.status);
  const mayPause = can('cases.review') || can('cases.work');
  return ORDER.filter((a) => {
    if (a === 'extend') return card.canExtend && open && Boolean(card.answerDue);
    if (a === 'pause') return card.regime === 'MESSAGE' && open && !card.pausedSince && mayPause;
    if (a === 'resume') return Boolean(card.pausedSince) && mayPause;
    return (card.actions as string[]).includes(a);
  });
}

export function CaseActions({ card, onAction }: { card: CaseCard; onAction: (a: CardAction) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const direct = useCaseAction(card.id);
  const actions = availableCardActions(card, can);
  const label = (a: CardAction) => t(`caseAction.${a === 'assign' && card.recipientId ? 'reassign' : a}` as 'caseAction.close');

  const start = (a: CardAction) => {
    if (!DIRECT_ACTIONS.includes(a)) return onAction(a);
    direct.mutate(
      { action: a },
      {
        onSuccess: () => notifications.show({ message: t(`caseActionDone.${a}` as 'caseActionDone.accept', { number: card.number }), color: 'green', autoClose: 3000 }),
        onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
      },
    );
  };

  if (!actions.length) return null;
  const shown = actions.slice(0, VISIBLE);
  const rest = actions.slice(VISIBLE);
  return (
    <Group gap="xs" wrap="nowrap">
      {shown.map((a, i) => (
        <Button
          key={a}
          size="xs"
          variant={i === 0 ? 'filled' : 'default'}
          color={a === 'reject' ? 'red' : undefined}
          onClick={() => start(a)}
          loading={direct.isPending && direct.variables?.action === a}
        >
          {label(a)}
        </Button>
      ))}
      {rest.length > 0 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t('caseAction.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {rest.map((a) => (
              <Menu.Item key={a} onClick={() => start(a)} color={a === 'reject' ? 'red' : undefined}>
                {label(a)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
