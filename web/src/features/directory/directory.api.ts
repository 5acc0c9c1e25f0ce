import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, Recipient, Topics } from '../../api/types';
import type { RecipientInput, TopicBlockInput, TopicInput } from '../../../../domain/directory/schemas';
import { useActiveMutation, useSaveMutation } from '../../lib/mutations';

export const recipientsKey = ['recipients'] as const;
export const topicsKey = ['topics'] as const;

export const recipientsQuery = queryOptions({
  queryKey: recipientsKey,
  queryFn: () => api.get<Items<Recipient>>('/api/recipients'),
  select: (d) => d.items,
});

export const topicsQuery = queryOptions({
  queryKey: topicsKey,
  queryFn: () => api.get<Topics>('/api/topics'),
});

export const useSaveRecipient = () => useSaveMutation<RecipientInput>('/api/recipients', recipientsKey);
export const useRecipientActive = () => useActiveMutation('/api/recipients', recipientsKey);
export const useSaveTopic = () => useSaveMutation<TopicInput>('/api/topics', topicsKey);
export const useTopicActive = () => useActiveMutation('/api/topics', topicsKey);
export const useSaveTopicBlock = () => useSaveMutation<TopicBlockInput>('/api/topic-blocks', topicsKey);
export const useTopicBlockActive = () => useActiveMutation('/api/topic-blocks', topicsKey);
