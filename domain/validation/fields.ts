import { z } from 'zod';

/**
 * Field builders with Russian messages that name the field. One definition of each limit, used by
 * the server's route schemas and the web forms alike.
 */
export const LIMITS = {
  shortText: 300,
  longText: 4000,
  code: 64,
  login: 64,
  passwordMin: 10,
  passwordMax: 200,
} as const;

export function requiredText(label: string, max: number = LIMITS.shortText) {
  return z
    .string({ error: `${label}: обязательное поле` })
    .trim()
    .min(1, { error: `${label}: заполните поле` })
    .max(max, { error: `${label}: не длиннее ${max} символов` });
}

export function optionalText(label: string, max: number = LIMITS.shortText) {
  return z
    .string({ error: `${label}: ожидается текст` })
    .trim()
    .max(max, { error: `${label}: не длиннее ${max} символов` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
}

export function code(label: string) {
  return z
    .string({ error: `${label}: обязательное поле` })
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: `${label}: только строчные латинские буквы, цифры, точка, дефис и подчёркивание` })
    .max(LIMITS.code, { error: `${label}: не длиннее ${LIMITS.code} символов` });
}

export function uuidRef(label: string) {
  return z.uuid({ error: `${label}: выберите значение из списка` });
}

export function optionalUuidRef(label: string) {
  return uuidRef(label).nullable().optional();
}

export function oktmo(label: string) {
  return z
    .string({ error: `${label}: ожидается код` })
    .trim()
    .regex(/^(\d{8}|\d{11})$/, { error: `${label}: 8 или 11 цифр` })
    .nullable()
    .optional();
}

export function nonNegativeInt(label: string) {
  return z
    .number({ error: `${label}: ожидается число` })
    .int({ error: `${label}: ожидается целое число` })
    .min(0, { error: `${label}: не может быть отрицательным` })
    .nullable()
    .optional();
}

export function latitude(label: string) {
  return z.number({ error: `${label}: ожидается число` }).min(-90, { error: `${label}: от −90 до 90` }).max(90, { error: `${label}: от −90 до 90` }).nullable().optional();
}

export function longitude(label: string) {
  return z.number({ error: `${label}: ожидается число` }).min(-180, { error: `${label}: от −180 до 180` }).max(180, { error: `${label}: от −180 до 180` }).nullable().optional();
}

export function email(label: string) {
  return z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email({ error: `${label}: неверный адрес электронной почты` }).nullable())
    .nullable()
    .optional();
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}: выберите одно из значений` });
}
