import { Alert, List, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createRoute, Outlet, redirect, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../components/NoAccess';
import { Fill, Page } from '../components/Page';
import { SectionTabs } from '../components/SectionTabs';
import { errorMessage } from '../api/errors';
import { useCan, useMe } from '../features/auth/session';
import { ProblemsList } from '../features/problems/ProblemsList';
import { ProblemCardView } from '../features/problems/ProblemCard';
import { ProblemForm, draftOfSignal } from '../features/problems/ProblemForm';
import { RoadmapCardView, RoadmapsList } from '../features/problems/Roadmaps';
import { FastTrackView } from '../features/problems/FastTrackView';
import { PracticesView } from '../features/problems/PracticesView';
import { PollsView } from '../features/problems/PollsView';
import { signalDraftQuery } from '../features/problems/problems.api';
import { appRoute } from './app';

function ProblemsLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const tabs = [
    { value: 'list', label: t('problems.tabs.list') },
    { value: 'roadmaps', label: t('problems.tabs.roadmaps') },
    { value: 'fast-track', label: t('problems.tabs.fastTrack') },
    { value: 'practices', label: t('problems.tabs.practices') },
    { value: 'polls', label: t('problems.tabs.polls') },
  ];
  const allowed = can('analytics.read') && me.tenant.kind === 'municipality';
  return (
    <Page title={t('problems.title')} header={<SectionTabs base="/problems" label={t('problems.title')} tabs={tabs} />}>
      <Fill>{allowed ? <Outlet /> : <NoAccess />}</Fill>
    </Page>
  );
}

/** /problems/new?signal=<key>: the problem drafted from a growth signal (the analytics screen links here). */
function NewProblem() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signal } = problemsNewRoute.useSearch();
  const draft = useQuery({ ...signalDraftQuery(signal ?? ''), enabled: Boolean(signal) });
  const close = () => void navigate({ to: '/problems/list' });
  if (!signal) return <ProblemForm draft={{ title: '', description: '', topicId: null, settlementId: null }} onClose={close} />;
  if (draft.error) return <Alert color="red">{errorMessage(draft.error) || t('problems.signalNotFound')}</Alert>;
  if (!draft.data) return <Loader size="sm" />;
  const d = draft.data;
  return (
    <>
      <Text size="sm">{t('problems.fromSignal', { week: d.week.code, topic: d.topic.name, settlement: d.settlement.name, n: d.cases.length })}</Text>
      <List size="sm" spacing={2} style={{ overflowY: 'auto' }}>
        {d.cases.map((c) => (
          <List.Item key={c.id}>№ {c.number} — {c.excerpt}</List.Item>
        ))}
      </List>
      <ProblemForm draft={draftOfSignal(d)} intro={t('problems.fromSignal', { week: d.week.code, topic: d.topic.name, settlement: d.settlement.name, n: d.cases.length })} onClose={close} />
    </>
  );
}

export const problemsRoute = createRoute({ getParentRoute: () => appRoute, path: 'problems', component: ProblemsLayout });
export const problemsIndexRoute = createRoute({
  getParentRoute: () => problemsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/problems/list', search: {} });
  },
});
export const problemsListRoute = createRoute({ getParentRoute: () => problemsRoute, path: 'list', component: ProblemsList });
export const problemsNewRoute = createRoute({
  getParentRoute: () => problemsRoute,
  path: 'new',
  validateSearch: (search: Record<string, unknown>): { signal?: string } => (typeof search.signal === 'string' ? { signal: search.signal } : {}),
  component: NewProblem,
});
export const problemCardRoute = createRoute({
  getParentRoute: () => problemsRoute,
  path: '$id',
  component: function ProblemCardPage() {
    const { id } = problemCardRoute.useParams();
    return <ProblemCardView id={id} />;
  },
});
export const roadmapsRoute = createRoute({ getParentRoute: () => problemsRoute, path: 'roadmaps', component: RoadmapsList });
export const roadmapCardRoute = createRoute({
  getParentRoute: () => problemsRoute,
  path: 'roadmaps/$id',
  component: function RoadmapCardPage() {
    const { id } = roadmapCardRoute.useParams();
    return <RoadmapCardView id={id} />;
  },
});
export const fastTrackRoute = createRoute({ getParentRoute: () => problemsRoute, path: 'fast-track', component: FastTrackView });
export const practicesRoute = createRoute({ getParentRoute: () => problemsRoute, path: 'practices', component: PracticesView });
export const pollsRoute = createRoute({ getParentRoute: () => problemsRoute, path: 'polls', component: PollsView });

export const problemsRouteTree = problemsRoute.addChildren([problemsIndexRoute, problemsListRoute, problemsNewRoute, problemCardRoute, roadmapsRoute, roadmapCardRoute, fastTrackRoute, practicesRoute, pollsRoute]);
