import { z } from 'zod';
import { code, latitude, longitude, nonNegativeInt, oktmo, oneOf, optionalText, optionalUuidRef, requiredText } from '../validation/fields';

export const SETTLEMENT_KINDS = ['urban', 'rural'] as const;

export const settlementInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование'),
  officialName: optionalText('Официальное наименование'),
  kind: oneOf('Вид поселения', SETTLEMENT_KINDS),
  oktmo: oktmo('ОКТМО'),
  population: nonNegativeInt('Численность населения'),
  populationYear: nonNegativeInt('Год численности'),
  adminCentre: optionalText('Административный центр'),
});
export type SettlementInput = z.infer<typeof settlementInput>;

export const localityInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование'),
  type: requiredText('Тип населённого пункта', 64),
  settlementId: optionalUuidRef('Поселение'),
  oktmo: oktmo('ОКТМО'),
  postcode: z.string().trim().regex(/^\d{6}$/, { error: 'Почтовый индекс: 6 цифр' }).nullable().optional(),
  population: nonNegativeInt('Численность населения'),
  populationYear: nonNegativeInt('Год численности'),
  lat: latitude('Широта'),
  lon: longitude('Долгота'),
});
export type LocalityInput = z.infer<typeof localityInput>;
