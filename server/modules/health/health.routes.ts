import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    {
      config: { policy: 'public' },
      schema: { tags: ['Служебное'], summary: 'Состояние сервиса', response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }) } },
    },
    async () => {
      await app.deps.database.query('SELECT 1');
      return { status: 'ok' as const, database: app.deps.database.kind, time: app.deps.clock().toISOString() };
    },
  );
}
