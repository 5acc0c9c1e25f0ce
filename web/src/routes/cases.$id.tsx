import { useEffect, useState } from 'react';
import { Alert, Anchor, Box, Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';
import { useCan } from '../features/auth/session';
import { DeadlineStateBadge, StatusBadge } from '../features/cases/CaseBadges';
import type { CaseCard } from '../features/cases/case-types';
import { caseCardQuery, type CardAction } from '../features/cases/cases.api';
import { cardDeadlineState } from '../features/cases/deadline';
import { useChannelLabel } from '../features/cases/labels';
import { registerHref } from '../features/cases/register-memory';
import { ActionModal } from '../features/cases/card/actions/ActionModal';
import { AnswersSection } from '../features/cases/card/AnswersSection';
import { ApplicantPanel } from '../features/cases/card/ApplicantPanel';
import { availableCardActions, CaseActions } from '../features/cases/card/CaseActions';
import { CaseFacts } from '../features/cases/card/CaseFacts';
import { DeadlinesTimeline } from '../features/cases/card/DeadlinesTimeline';
import { HistorySection } from '../features/cases/card/HistorySection';
import { FilesSection, NotesSection, RelatedSection } from '../features/cases/card/NotesFilesRelated';
import { Section } from '../features/cases/card/Section';
import classes from '../features/cases/card/card.module.css';
import { RelatedCasesSection } from '../features/classify/RelatedCasesSection';
import { SuggestionsSection } from '../features/classify/SuggestionsSection';
import { appRoute } from './app';

interface CardSearch {
  /** Open this action's form at once (the inbox's «Ответить» → ?do=submit_answer). */
  do?: string;
}

/** The time for «осталось 3 дня», refreshed every minute while the card is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** Esc goes back to the register as it was left, unless a dialog is open or the user types. */
function useEscapeBack() {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('[role="dialog"], [aria-modal="true"], [role="listbox"], [role="menu"]')) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      void navigate({ href: registerHref() });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function CardBody({ card, initialAction }: { card: CaseCard; initialAction?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const now = useNow();
  const navigate = useNavigate();
  const channelLabel = useChannelLabel();
  const [action, setAction] = useState<CardAction | null>(null);

  useEffect(() => {
    if (!initialAction) return;
    if ((availableCardActions(card, can) as string[]).includes(initialAction)) setAction(initialAction as CardAction);
    void navigate({ to: '/cases/$id', params: { id: card.id }, search: {}, replace: true });
  }, [initialAction]);

  const state = cardDeadlineState(card, now);
  const late = Boolean(card.answeredAt && card.answerDue && new Date(card.answeredAt) > new Date(card.answerDue));
  return (
    <>
      <Group justify="space-between" gap="sm" wrap="nowrap" mih={32}>
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Anchor
            href={registerHref()}
            onClick={(e) => {
              e.preventDefault();
              void navigate({ href: registerHref() });
            }}
            size="sm"
            c="dimmed"
            title={t('card.backHint')}
            style={{ flex: 'none' }}
          >
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={15} aria-hidden />
              {t('card.back')}
            </Group>
          </Anchor>
          <Title order={1} style={{ whiteSpace: 'nowrap' }}>
            {t(card.regime === 'MESSAGE' ? 'card.titleMessage' : 'card.title', { number: card.number })}
          </Title>
          <StatusBadge status={card.status} size="md" />
          <DeadlineStateBadge state={state} late={late} />
        </Group>
        <CaseActions card={card} onAction={setAction} />
      </Group>
      <Box style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto', marginRight: -8, paddingRight: 8 }}>
        <div className={classes.layout}>
          <div className={classes.column}>
            <Section title={t('card.text')}>
              <p className={classes.text}>{card.text}</p>
            </Section>
            <RelatedCasesSection card={card} />
            <AnswersSection card={card} />
            <RelatedSection card={card} onLink={() => setAction('links')} />
            <NotesSection card={card} />
            <FilesSection card={card} />
            <HistorySection card={card} channelName={(c) => channelLabel(c)} />
          </div>
          <div className={classes.column}>
            <CaseFacts card={card} />
            <SuggestionsSection card={card} />
            <DeadlinesTimeline card={card} now={now} />
            <ApplicantPanel card={card} />
          </div>
        </div>
      </Box>
      <ActionModal card={card} action={action} onClose={() => setAction(null)} />
    </>
  );
}

function CardPage() {
  const { t } = useTranslation();
  const { id } = caseCardRoute.useParams();
  const search = caseCardRoute.useSearch();
  const card = useQuery(caseCardQuery(id));
  useEscapeBack();

  if (card.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  if (card.error)
    return (
      <Alert color="red" variant="light" title={t('card.loadFailed')} maw={640}>
        <Text size="sm">{errorMessage(card.error)}</Text>
        <Button component={Link} to="/cases" size="xs" variant="default" mt="sm">
          {t('card.back')}
        </Button>
      </Alert>
    );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0, gap: 'var(--mantine-spacing-sm)' }}>
      <CardBody key={card.data.id} card={card.data} initialAction={search.do} />
    </div>
  );
}

export const caseCardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cases/$id',
  validateSearch: (search: Record<string, unknown>): CardSearch => (typeof search.do === 'string' ? { do: search.do } : {}),
  component: CardPage,
});
