import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app; MCU_WEB_DIST points elsewhere (parallel builds while developing). */
export const WEB_DIST = process.env.MCU_WEB_DIST ?? fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Serves the built web app; unknown non-API paths get index.html (client-side routing). */
export async function registerWeb(app: FastifyInstance, serve = true): Promise<void> {
  const built = serve && existsSync(WEB_DIST);
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (built) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !built || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Адрес не найден' } });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
