import { z } from 'zod';

/**
 * The only place that reads process.env. Each variable has a default that works on a fresh clone;
 * what an administrator changes at run time (calendars, deadlines, rubricator) lives in the database.
 */
const schema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 to serve the network. */
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL server URL. When unset, the embedded PGlite in DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  /** Folder of the embedded PGlite database and uploaded files. */
  DATA_DIR: z.string().default('var'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo tenants, users and cases when the database is empty. */
  DEMO: z.enum(['0', '1']).default('1'),
  /** Number of generated demo cases on first start. */
  DEMO_CASES: z.coerce.number().int().min(0).default(20000),
  /** A session ends after this many minutes without requests. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  /** A session ends this many hours after login, whatever the activity. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /** Set the Secure flag on cookies (behind HTTPS). */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  /** Outgoing mail, e.g. smtp://user:pass@host:587; reminders are in-app only when unset. */
  SMTP_URL: z.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('mcu@localhost'),
  /** Public address of this installation, used in links sent to residents. */
  PUBLIC_URL: z.string().default('http://localhost:3000'),
  /** Reverse proxies allowed to set X-Forwarded-For: off by default; a comma list of addresses or subnets. */
  TRUST_PROXY: z.string().default('off'),
  /** An import whose worker sent no heartbeat for this long is taken over by another process (its own died). */
  IMPORT_LEASE_SECONDS: z.coerce.number().int().min(1).default(120),
  /** Imports of files from this size (bytes) are parsed, mapped and planned in a worker thread. */
  IMPORT_WORKER_FROM_BYTES: z.coerce.number().int().min(0).default(2 * 1024 * 1024),
  /** Run background jobs in this process. */
  JOBS: z.enum(['0', '1']).default('1'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ошибка конфигурации:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
