import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportReport, Territory } from '../../api/types';
import type { LocalityInput, SettlementInput } from '../../../../domain/territory/schemas';
import { useActiveMutation, useSaveMutation } from '../../lib/mutations';

export const territoryKey = ['territory'] as const;

export const territoryQuery = queryOptions({
  queryKey: territoryKey,
  queryFn: () => api.get<Territory>('/api/territory'),
});

export const useSaveSettlement = () => useSaveMutation<SettlementInput>('/api/settlements', territoryKey);
export const useSaveLocality = () => useSaveMutation<LocalityInput>('/api/localities', territoryKey);
export const useSettlementActive = () => useActiveMutation('/api/settlements', territoryKey);
export const useLocalityActive = () => useActiveMutation('/api/localities', territoryKey);

export function useImportGazetteer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportReport>('/api/territory/import', form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: territoryKey }),
  });
}
