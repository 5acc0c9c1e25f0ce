import type { Db } from './client';

/** A transaction handle; actions take it so their change and its audit row commit together. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
