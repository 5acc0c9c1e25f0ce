import { z } from 'zod';

/**
 * «Найти моё обращение»: the case number plus a contact the resident gave with it (phone or
 * e-mail). Both are needed, so a guessed number alone reveals nothing.
 */
export const findMyCaseInput = z.object({
  tenant: z.string().trim().max(64).optional(),
  number: z
    .string({ error: 'Номер обращения: заполните поле' })
    .trim()
    .transform((v) => v.replace(/^№\s*/, '').replace(/\s+/g, ''))
    .pipe(z.string().min(1, { error: 'Номер обращения: заполните поле' }).max(40, { error: 'Номер обращения: не длиннее 40 символов' })),
  contact: z
    .string({ error: 'Телефон или электронная почта: заполните поле' })
    .trim()
    .min(1, { error: 'Телефон или электронная почта: заполните поле' })
    .max(300, { error: 'Телефон или электронная почта: не длиннее 300 символов' })
    .refine((v) => parseContact(v) !== null, { error: 'Телефон или электронная почта: укажите телефон (10 цифр и больше) или адрес почты, как при обращении' }),
});
export type FindMyCaseInput = z.infer<typeof findMyCaseInput>;

/** An e-mail in lower case, or the last 10 digits of a phone; null when it is neither. */
export function parseContact(value: string): { email: string } | { phone: string } | null {
  const v = value.trim();
  if (v.includes('@')) return /^[^\s@]+@[^\s@]+$/.test(v) ? { email: v.toLowerCase() } : null;
  const digits = v.replace(/\D/g, '');
  return digits.length >= 10 && digits.length <= 15 ? { phone: digits.slice(-10) } : null;
}
