import { useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { parseError } from '../api/errors';
import i18n from '../i18n';

type Values = Record<string, unknown>;

interface Options<S extends z.ZodType, V extends Values> {
  /** The zod schema of the endpoint, from domain/: the same Russian messages as the server's. */
  schema: S;
  initial: V;
  /** Form values → schema input. By default every empty string becomes null. */
  toInput?: (values: V) => unknown;
}

/** «Код: только строчные…» under the field «Код» reads as «Только строчные…». */
export function fieldMessage(message: string): string {
  const m = /^[^:]{1,60}:\s+(.+)$/s.exec(message);
  const text = m ? m[1] : message;
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}

export function blanksToNull(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out;
}

function issuesToFields(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * A small form state for drawers: values, client validation with the domain's zod schema, and the
 * server's field errors shown under the same fields. Unknown error keys go to the form's alert.
 */
export function useZodForm<S extends z.ZodType, V extends Values>({ schema, initial, toInput }: Options<S, V>) {
  const [values, setValuesState] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const registered = useRef(new Set<string>());
  registered.current = new Set();

  const setValue = <K extends keyof V & string>(name: K, value: V[K]) => {
    setValuesState((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      if (!e[name]) return e;
      const { [name]: _drop, ...rest } = e;
      return rest;
    });
  };

  const showErrors = (fields: Record<string, string>, message: string | null) => {
    const known: Record<string, string> = {};
    const unknown: string[] = [];
    for (const [key, text] of Object.entries(fields)) {
      const match = [...registered.current].filter((r) => r === key || key.startsWith(`${r}.`)).sort((a, b) => b.length - a.length)[0];
      if (match) known[match] ??= fieldMessage(text);
      else unknown.push(text);
    }
    setErrors(known);
    setFormError(unknown.length ? unknown.join('; ') : message);
  };

  const error = (name: string): string | undefined => {
    registered.current.add(name);
    return errors[name];
  };

  return {
    values,
    errors,
    formError,
    setValue,
    reset(next: V) {
      setValuesState(next);
      setErrors({});
      setFormError(null);
    },
    /** A hint under a field, hidden while the field shows an error (the error says the same). */
    hint: (name: string, text: string): string | undefined => (errors[name] ? undefined : text),
    /** Registers a field (so its errors show under it) and returns its message. */
    error,
    /** Validates; returns the parsed input for the API, or null after showing the messages. */
    validate(): z.output<S> | null {
      const parsed = schema.safeParse((toInput ?? blanksToNull)(values as V));
      if (parsed.success) {
        setErrors({});
        setFormError(null);
        return parsed.data;
      }
      showErrors(issuesToFields(parsed.error.issues), null);
      return null;
    },
    /** Shows the server's answer: field messages under fields, the rest in the form's alert. */
    showServerError(err: unknown) {
      const e = parseError(err);
      const hasFields = Object.keys(e.fields).length > 0;
      if (!hasFields) {
        setErrors({});
        setFormError(e.message);
        return;
      }
      showErrors(e.fields, i18n.t('common.formHasErrors'));
    },
    text: (name: keyof V & string) => ({
      value: (values[name] as string | null) ?? '',
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(name, e.currentTarget.value as V[typeof name]),
      error: error(name),
    }),
    select: (name: keyof V & string) => ({
      value: (values[name] as string | null) ?? null,
      onChange: (v: string | null) => setValue(name, v as V[typeof name]),
      error: error(name),
    }),
    number: (name: keyof V & string) => ({
      value: (values[name] as number | null) ?? '',
      onChange: (v: number | string) => setValue(name, (v === '' || v === null ? null : typeof v === 'number' ? v : Number(v)) as V[typeof name]),
      error: error(name),
    }),
    checkbox: (name: keyof V & string) => ({
      checked: Boolean(values[name]),
      onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(name, e.currentTarget.checked as V[typeof name]),
      error: error(name),
    }),
    multi: (name: keyof V & string) => ({
      value: (values[name] as string[]) ?? [],
      onChange: (v: string[]) => setValue(name, v as V[typeof name]),
      error: error(name),
    }),
  };
}

export type ZodForm = ReturnType<typeof useZodForm>;
