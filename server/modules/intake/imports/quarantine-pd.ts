import type { Db } from '../../../db/client';
import { pdAccessLog } from '../../../db/schema';
import { can, type Actor } from '../../../http/actor';
import { maskEmail, maskName, maskPhone } from '../../../../domain/cases/mask';
import type { ImportMapping } from '../mapping/fields';

type Values = Record<string, string>;

/**
 * Raw rows may hold applicants' personal data (the columns mapped to the applicant's name, e-mail,
 * phone or profile). People without `pd.read` see them masked; a read by someone with it is logged.
 */
export function quarantineMasker(mapping: unknown, actor: Actor): { mask: (v: Values) => Values; pdColumns: string[]; showsPd: boolean } {
  const m = (mapping ?? {}) as ImportMapping;
  const rules: [string, (s: string | null) => string | null][] = [
    ...(m.applicantName ?? []).map((h) => [h, maskName] as [string, typeof maskName]),
    ...(m.applicantEmail ?? []).map((h) => [h, maskEmail] as [string, typeof maskEmail]),
    ...(m.applicantPhone ?? []).map((h) => [h, maskPhone] as [string, typeof maskPhone]),
    ...(m.applicantProfile ?? []).map((h) => [h, (s: string | null) => (s ? '***' : s)] as [string, typeof maskName]),
  ];
  const pdColumns = rules.map(([h]) => h);
  if (can(actor, 'pd.read') || rules.length === 0) return { mask: (v) => v, pdColumns, showsPd: rules.length > 0 };
  return {
    pdColumns,
    showsPd: false,
    mask: (v) => {
      const out = { ...v };
      for (const [h, f] of rules) if (out[h]) out[h] = f(out[h]) ?? '';
      return out;
    },
  };
}

export async function logPdRead(db: Db, actor: Actor, jobId: string, action: 'view' | 'export', rows: number): Promise<void> {
  await db.insert(pdAccessLog).values({ tenantId: actor.tenantId, userId: actor.userId, action, purpose: 'исправление строк импорта', details: { importJobId: jobId, rows } });
}
