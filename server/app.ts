import '../domain/validation/zod-ru';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';
import type { AppDeps } from './http/context';
import { registerAuth } from './http/auth-plugin';
import { frameworkErrors, registerErrorHandler } from './http/error-handler';
import { registerInputGuard } from './http/input-guard';
import { registerSecurityHeaders } from './http/security-headers';
import { registerWeb } from './http/web-plugin';
import { trustProxyOption } from './http/trust-proxy';
import { registerModules } from './modules/routes';

export interface BuildAppOptions extends AppDeps {
  logger?: Logger | false;
  serveWeb?: boolean;
}

/** The whole HTTP application; main.ts listens, tests use app.inject(). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (options.logger || undefined) as FastifyBaseLogger | undefined,
    logger: options.logger ? undefined : false,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors,
    trustProxy: trustProxyOption(options.env.TRUST_PROXY),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', { database: options.database, env: options.env, clock: options.clock });

  await app.register(fastifyCookie);
  // Only routes that declare config.rateLimit are limited (login, public pages).
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 60 * 1024 * 1024, files: 10, fields: 50 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'МЦУ API', version: '0.1.0', description: 'API информационной системы муниципального центра управления' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mcu_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerSecurityHeaders(app);
  registerErrorHandler(app);
  registerInputGuard(app);
  registerAuth(app);
  await registerModules(app);
  await registerWeb(app, options.serveWeb !== false);
  return app;
}
