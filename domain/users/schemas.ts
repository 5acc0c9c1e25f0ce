import { z } from 'zod';
import { email, LIMITS, optionalText, optionalUuidRef, requiredText } from '../validation/fields';

export const roleAssignmentInput = z.object({
  roleCode: requiredText('Роль', 64),
  recipientId: optionalUuidRef('Получатель (область действия роли)'),
  blockId: optionalUuidRef('Отраслевой блок (область действия роли)'),
});

const password = z
  .string({ error: 'Пароль: обязательное поле' })
  .min(LIMITS.passwordMin, { error: `Пароль: не короче ${LIMITS.passwordMin} символов` })
  .max(LIMITS.passwordMax, { error: `Пароль: не длиннее ${LIMITS.passwordMax} символов` });

export const userInput = z.object({
  login: z
    .string({ error: 'Логин: обязательное поле' })
    .trim()
    .regex(/^[a-z0-9._-]{3,64}$/, { error: 'Логин: от 3 до 64 строчных латинских букв, цифр, точек, дефисов' }),
  fullName: requiredText('ФИО'),
  position: optionalText('Должность'),
  email: email('Электронная почта'),
  phone: optionalText('Телефон', 64),
  recipientId: optionalUuidRef('Подразделение (получатель)'),
  password: password.optional(),
  roles: z.array(roleAssignmentInput, { error: 'Роли: ожидается список' }).max(20).default([]),
});
export type UserInput = z.infer<typeof userInput>;

export const loginInput = z.object({
  login: z.string({ error: 'Логин: обязательное поле' }).trim().min(1, { error: 'Логин: заполните поле' }).max(LIMITS.login),
  password: z.string({ error: 'Пароль: обязательное поле' }).min(1, { error: 'Пароль: заполните поле' }).max(LIMITS.passwordMax),
});

export const roleInput = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/, { error: 'Код роли: строчные латинские буквы, цифры и подчёркивание' }),
  name: requiredText('Наименование роли'),
  description: optionalText('Описание', LIMITS.longText),
  permissions: z.array(z.string(), { error: 'Права: ожидается список' }).min(1, { error: 'Права: выберите хотя бы одно' }),
});
