import type { FastifyInstance } from 'fastify';
import { ImportWorker } from './imports/import-worker';
import { importsRoutes } from './imports/imports.routes';
import { publicIntakeRoutes } from './public/public-intake.routes';
import { open311Routes } from './open311/open311.routes';
import { apiKeysRoutes } from './open311/api-keys.routes';

/** How often the import worker looks for queued jobs and for jobs a stopped process left behind. */
const SWEEP_MS = 5_000;

/**
 * Intake from every channel: spreadsheet imports (with their background worker), the public page
 * for residents, Open311 GeoReport v2 and the keys of external systems.
 */
export async function intakeRoutes(app: FastifyInstance): Promise<void> {
  const { database, clock, env } = app.deps;
  const worker = new ImportWorker(database, clock, app.log, { leaseMs: env.IMPORT_LEASE_SECONDS * 1000, workerFromBytes: env.IMPORT_WORKER_FROM_BYTES });
  // The process that accepts an import runs it (kick); the sweep also resumes jobs of stopped processes.
  app.addHook('onReady', async () => {
    if (env.JOBS === '1') worker.start(SWEEP_MS);
  });
  app.addHook('onClose', async () => {
    await worker.stop();
  });
  await app.register(importsRoutes(worker));
  await app.register(publicIntakeRoutes);
  await app.register(open311Routes);
  await app.register(apiKeysRoutes);
}
