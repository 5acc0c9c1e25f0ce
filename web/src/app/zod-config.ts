import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` unless told not to. The CSP forbids eval
 * (`script-src 'self'`), so the probe alone is a violation report: parse without the JIT.
 * Imported first in main.tsx, before any schema is used.
 */
z.config({ jitless: true });
