import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import * as schema from './schema';
import { currentScope, scopePrefix, type TenantScope } from './request-scope';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A database handle: the Drizzle instance plus raw SQL for migrations and analytics. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Run one parameterised statement and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run a script of several statements without parameters and return the last one's rows. */
  execMany<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Run fn on one dedicated connection (session-level locks, multi-step scripts). */
  session<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Queryable {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Per-sort/bitmap memory of the product's connections. At the default 4 MB a full-text search
 * combined with a topic × settlement filter on 1 M cases turns its bitmaps lossy and rechecks
 * 130 000 rows (1.7 s); at 16 MB it stays exact (0.35 s). Ten pooled connections × 16 MB is modest.
 */
const WORK_MEM = '16MB';

export type DbTarget = { url: string } | { dataDir: string | null };

/** PGlite in a data folder (or in memory when dataDir is null), or PostgreSQL by URL. */
export async function openDatabase(target: DbTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite(target.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  const client = await PGlite.create(dataDir ? { dataDir, extensions: { pg_trgm } } : { extensions: { pg_trgm } });
  await client.exec(`SET work_mem = '${WORK_MEM}'`);
  scopePglite(client);
  const db = scopeTransactions(drizzlePglite(client, { schema }) as unknown as Db);
  const database: Database = {
    kind: 'pglite',
    db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    execMany: async <T>(sql: string) => {
      const results = await client.exec(sql);
      return (results[results.length - 1]?.rows ?? []) as T[];
    },
    session: async (fn) => {
      if (currentScope()) throw new Error('database.session внутри запроса обошёл бы row-level security');
      return fn(self);
    },
    close: () => client.close(),
  };
  const self: Database = database;
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  // JIT compilation costs 200–400 ms per analytics query and buys nothing on index-only scans of a
  // quarter: off for the product's connections (bench: fast track and problem card on 1 M cases).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c jit=off -c work_mem=${WORK_MEM}` });
  // An idle connection closed by the server (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', () => undefined);
  pool.on('connect', serializeQueries);
  scopePool(pool);
  const db = scopeTransactions(drizzlePg(pool, { schema }) as unknown as Db);
  return {
    kind: 'postgres',
    db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    execMany: async <T>(sql: string) => {
      const res = (await pool.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(res) ? (res[res.length - 1]?.rows ?? []) : res.rows) as T[];
    },
    session: async (fn) => {
      // A dedicated connection is the owner's (migrations, session locks): never inside a request.
      if (currentScope()) throw new Error('database.session внутри запроса обошёл бы row-level security');
      const conn = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await conn.query(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params)).rows as T[],
        });
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/*
 * Row-level security per statement (SECURITY.md, «Изоляция на уровне PostgreSQL»). Inside a
 * request's scope (`request-scope.ts`) a statement outside an explicit transaction runs as
 * `BEGIN; <scopePrefix>; statement; COMMIT` on whichever connection it gets; an explicit
 * transaction runs the prefix first. Outside a scope everything is as before (the owner).
 */

type PgQuery = (config: unknown, values?: unknown) => Promise<pg.QueryResult>;

/** pool.query (Drizzle's statements and database.query/exec): a short transaction under the scope. */
function scopePool(pool: pg.Pool): void {
  const plain = pool.query.bind(pool) as unknown as PgQuery;
  (pool as unknown as { query: PgQuery }).query = async (config, values) => {
    const scope = currentScope();
    if (!scope) return plain(config, values);
    const conn = await pool.connect();
    let broken: Error | undefined;
    try {
      await conn.query(`BEGIN; ${scopePrefix(scope)}`);
      try {
        const result = await (conn.query as unknown as PgQuery)(extended(config), values);
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      }
    } catch (error) {
      broken ??= (error as { code?: string }).code ? undefined : (error as Error);
      throw error;
    } finally {
      conn.release(broken);
    }
  };
}

/**
 * One statement at a time per connection, queued here. Code that runs independent reads of a
 * transaction with Promise.all (the classifier's directory, a roadmap's details) would otherwise
 * rely on pg's own queue, which warns now and is gone in pg@9. Callback and submittable forms
 * (the pool's own calls) pass through: they are never issued concurrently on one connection.
 */
function serializeQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as unknown as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [config] = args;
    if (args.some((a) => typeof a === 'function') || typeof (config as { submit?: unknown })?.submit === 'function') return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * The statement always goes with the extended protocol: one statement only, so text spliced into it
 * by mistake cannot append `; RESET ROLE; …` and leave the scope (the simple protocol would run it).
 */
function extended(config: unknown): unknown {
  return typeof config === 'string' ? { text: config, queryMode: 'extended' } : { ...(config as object), queryMode: 'extended' };
}

/** PGlite (one connection): query and exec under the scope take its transaction, so nothing interleaves. */
function scopePglite(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  client.query = (async (text: string, params?: unknown[], options?: unknown) => {
    const scope = currentScope();
    if (!scope) return query(text, params, options as never);
    return client.transaction(async (tx) => {
      await tx.exec(scopePrefix(scope));
      return tx.query(text, params, options as never);
    });
  }) as PGlite['query'];
  client.exec = (async (text: string, options?: unknown) => {
    const scope = currentScope();
    if (!scope) return exec(text, options as never);
    // One statement with the extended protocol, as on PostgreSQL (a script could leave the scope).
    return client.transaction(async (tx) => {
      await tx.exec(scopePrefix(scope));
      return [await tx.query(text, [], options as never)];
    });
  }) as PGlite['exec'];
}

/** db.transaction: the same prefix as the first statement when it starts inside a scope. */
function scopeTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  (db as { transaction: Db['transaction'] }).transaction = (fn, config) => {
    const scope = currentScope();
    if (!scope) return transaction(fn, config);
    return transaction(async (tx) => {
      await tx.execute(sql.raw(scopePrefix(scope)));
      return fn(tx);
    }, config);
  };
  return db;
}

export type { TenantScope };
