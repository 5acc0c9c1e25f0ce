import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import i18n from '../../i18n';
import { useCan } from '../auth/session';
import { casesKey } from '../cases/cases.api';

export const classifyKey = ['classify'] as const;

export interface TopicSuggestion { topicId: string; subtopicId: string | null; name: string; p: number; source: 'модель' | 'правило' }
export interface RecipientSuggestion { recipientId: string; p: number; source: 'модель' | 'правило'; reason: string }
export interface PlaceFound { settlementId: string | null; localityId: string | null; street: string | null; lat: number | null; lon: number | null; settlementName: string | null; localityName: string | null }
export interface Suggestions { topic: TopicSuggestion[]; recipient: RecipientSuggestion[]; route: (RecipientSuggestion & { auto: boolean }) | null; place: PlaceFound | null }
export interface RelatedSuggestion { id: string; number: string; channel: string; status: string; receivedAt: string; score: number; textScore: number; samePlace: 'street' | 'locality' | 'settlement' | null; excerpt: string }
export interface RoutingRule { id: string; topicId: string; settlementId: string | null; recipientId: string; priority: number; isActive: boolean; updatedAt: string }
export interface KeywordRule { id: string; topicId: string; keywords: string[]; weight: number; isActive: boolean; updatedAt: string }
export interface ModelInfo { target: 'topic' | 'recipient'; version: number; trainedAt: string; nExamples: number; metrics: { accuracy?: number; macroF1?: number; top3?: number; nTest?: number } }
export interface ClassifySettings {
  autoRouteThreshold: number;
  routeOrder: 'rules_first' | 'model_first';
  models: ModelInfo[];
  retrain: { running: { since: string; by: string | null } | null; lastError: { at: string; message: string } | null };
}
export interface CorrectionRow { id: string; at: string; caseId: string; caseNumber: string; field: 'topic' | 'recipient'; suggested: string | null; suggestedName: string | null; chosen: string; chosenName: string | null; user: string | null }
export interface RoutingRuleInput { topicId: string; settlementId: string | null; recipientId: string; priority: number; isActive: boolean }
export interface KeywordRuleInput { topicId: string; keywords: string[]; weight: number; isActive: boolean }

/** Mirrors the server's canConfigureRouting: the administrator or the МЦУ's leads. */
export function useCanConfigureRouting(): boolean {
  const can = useCan();
  return can('settings.manage') || (can('cases.route') && can('cases.review'));
}

export const suggestionsQuery = (caseId: string) =>
  queryOptions({ queryKey: [...casesKey, 'suggestions', caseId] as const, queryFn: () => api.get<Suggestions>(`/api/cases/${encodeURIComponent(caseId)}/suggestions`), staleTime: 30_000 });
export const relatedQuery = (caseId: string) =>
  queryOptions({ queryKey: [...casesKey, 'related-suggestions', caseId] as const, queryFn: () => api.get<{ items: RelatedSuggestion[] }>(`/api/cases/${encodeURIComponent(caseId)}/related-suggestions`), staleTime: 60_000 });
export const routingRulesQuery = queryOptions({ queryKey: [...classifyKey, 'routing'] as const, queryFn: () => api.get<{ items: RoutingRule[] }>('/api/routing-rules'), select: (d) => d.items });
export const keywordRulesQuery = queryOptions({ queryKey: [...classifyKey, 'keywords'] as const, queryFn: () => api.get<{ items: KeywordRule[]; starter: { topicId: string; keywords: string[] }[] }>('/api/classify/rules') });
export const classifySettingsQuery = queryOptions({ queryKey: [...classifyKey, 'settings'] as const, queryFn: () => api.get<ClassifySettings>('/api/classify/settings') });
export const correctionsQuery = queryOptions({ queryKey: [...classifyKey, 'corrections'] as const, queryFn: () => api.get<{ items: CorrectionRow[] }>('/api/classify/corrections?limit=200'), select: (d) => d.items });

export function suggestForText(body: { text: string; address?: string | null; topicId?: string | null; subtopicId?: string | null; settlementId?: string | null }, signal?: AbortSignal) {
  return api.post<Suggestions>('/api/classify/suggest', body, { signal });
}

function useClassifyMutation<I>(fn: (input: I) => Promise<unknown>, message: (input: I) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_d, input) => {
      notifications.show({ message: message(input), color: 'green', autoClose: 2500 });
      // Not returned: the caller's onSuccess (closing the drawer) must not wait for every classify
      // list to be refetched — on a busy server that kept the drawer open after «Сохранить».
      void qc.invalidateQueries({ queryKey: classifyKey });
    },
  });
}

export const useSaveRoutingRule = () =>
  useClassifyMutation(({ id, input }: { id?: string; input: RoutingRuleInput }) => (id ? api.put(`/api/routing-rules/${id}`, input) : api.post('/api/routing-rules', input)), (v) => i18n.t(v.id ? 'common.saved' : 'common.created'));
export const useDeleteRoutingRule = () => useClassifyMutation((id: string) => api.del(`/api/routing-rules/${id}`), () => i18n.t('classify.deleted'));
export const useSaveKeywordRule = () =>
  useClassifyMutation(({ id, input }: { id?: string; input: KeywordRuleInput }) => (id ? api.put(`/api/classify/rules/${id}`, input) : api.post('/api/classify/rules', input)), (v) => i18n.t(v.id ? 'common.saved' : 'common.created'));
export const useDeleteKeywordRule = () => useClassifyMutation((id: string) => api.del(`/api/classify/rules/${id}`), () => i18n.t('classify.deleted'));
export const useSaveClassifySettings = () =>
  useClassifyMutation((input: { autoRouteThreshold: number; routeOrder: 'rules_first' | 'model_first' }) => api.put('/api/classify/settings', input), () => i18n.t('common.saved'));

export function useRetrain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/classify/retrain', {}),
    onSuccess: () => {
      notifications.show({ message: i18n.t('classify.model.retrainStarted'), color: 'green', autoClose: 3000 });
      return qc.invalidateQueries({ queryKey: classifyKey });
    },
    onError: (e) => notifications.show({ message: errorMessage(e), color: 'red' }),
  });
}
