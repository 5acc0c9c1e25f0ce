import { useRef, useState } from 'react';
import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { assertUnreachable } from '../../../../../../domain/util/assert-unreachable';
import type { CaseCard } from '../../case-types';
import { useCaseAction, type CardAction } from '../../cases.api';
import type { ActionFormProps } from './ActionFormBody';
import { AssignForm } from './AssignForm';
import { CasePickForm } from './CasePickForm';
import { ReworkForm, RateForm } from './review-forms';
import { AnswerForm, ConfirmForm, ExtendForm, ForwardForm, ReasonForm } from './simple-forms';

/** Actions done at once, without a form. */
export const DIRECT_ACTIONS: readonly CardAction[] = ['accept', 'resume'];

function FormFor(props: ActionFormProps) {
  const a = props.action;
  switch (a) {
    case 'assign':
      return <AssignForm {...props} />;
    case 'decline':
    case 'reject':
    case 'return_to_executor':
    case 'reopen':
    case 'pause':
      return <ReasonForm {...props} />;
    case 'forward':
      return <ForwardForm {...props} />;
    case 'merge':
    case 'links':
      return <CasePickForm {...props} />;
    case 'give_interim':
    case 'prepare_answer':
    case 'submit_answer':
      return <AnswerForm {...props} />;
    case 'return_for_rework':
      return <ReworkForm {...props} />;
    case 'rate':
      return <RateForm {...props} />;
    case 'extend':
      return <ExtendForm {...props} />;
    case 'approve_answer':
    case 'close':
      return <ConfirmForm {...props} />;
    case 'accept':
    case 'resume':
    case 'notes':
    case 'register':
      return null;
    default:
      return assertUnreachable(a);
  }
}

const TITLE_KEY: Partial<Record<CardAction, string>> = { links: 'link' };

/** The modal of the chosen action; after success a Russian notice, and the rating link once. */
export function ActionModal({ card, action, onClose }: { card: CaseCard; action: CardAction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useCaseAction(card.id);
  const [token, setToken] = useState<string | null>(null);
  // While the modal fades out, it keeps showing the form it had (no empty box).
  const last = useRef<CardAction | null>(null);
  if (action) last.current = action;
  const shown = action ?? last.current;

  const run = (body: unknown, onError: (e: unknown) => void) => {
    if (!action) return;
    mutation.mutate(
      { action, body },
      {
        onSuccess: (res) => {
          notifications.show({ message: t(`caseActionDone.${action === 'links' ? 'link' : action}` as 'caseActionDone.close', { number: card.number }), color: 'green', autoClose: 3000 });
          if (res?.ratingToken) setToken(res.ratingToken);
          onClose();
        },
        onError,
      },
    );
  };

  const titleKey = shown ? (TITLE_KEY[shown] ?? shown) : null;
  return (
    <>
      <Modal
        opened={action !== null && !DIRECT_ACTIONS.includes(action)}
        onClose={onClose}
        title={titleKey ? t(`caseActionTitle.${titleKey}` as 'caseActionTitle.close') : ''}
        size={shown === 'give_interim' || shown === 'prepare_answer' || shown === 'submit_answer' ? 'xl' : 'lg'}
        styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {shown && <FormFor key={shown} card={card} action={shown} run={run} saving={mutation.isPending} onClose={onClose} />}
      </Modal>
      <RatingLinkModal token={token} onClose={() => setToken(null)} />
    </>
  );
}

/** The applicant's rating link, shown once after the answer is approved. */
function RatingLinkModal({ token, onClose }: { token: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const link = token ? `${window.location.origin}/p/${token}` : '';
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('card.ratingLinkTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('card.ratingLinkText')}</Text>
        <Group gap="xs" wrap="nowrap">
          <TextInput value={link} readOnly aria-label={t('card.ratingLinkTitle')} style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                {copied ? t('card.copied') : t('card.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
