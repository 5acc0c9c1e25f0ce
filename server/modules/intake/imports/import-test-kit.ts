import type { FastifyInstance } from 'fastify';
import type { signIn } from '../../../test/http';
import { multipart } from '../../../test/multipart';

type Client = Awaited<ReturnType<typeof signIn>>;

/** Test helpers of the import flow through HTTP, as the web client uses it. */
export async function upload(app: FastifyInstance, client: Client, fileName: string, data: Buffer) {
  const body = multipart(fileName, data);
  return app.inject({ method: 'POST', url: '/api/imports', headers: { ...client.headers, 'content-type': body.type }, payload: body.data });
}

export async function waitForJob(client: Client, id: string, timeoutMs = 600_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await client.get(`/api/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Upload, start with the given (or suggested) mapping, wait for the end. */
export async function importFile(app: FastifyInstance, client: Client, fileName: string, data: Buffer, start: Record<string, unknown> = {}) {
  const up = await upload(app, client, fileName, data);
  if (up.statusCode !== 200) throw new Error(`upload ${up.statusCode}: ${up.body}`);
  const job = up.json();
  const body = { channel: job.suggestion.channel ?? 'email', mapping: job.suggestion.mapping, ...start };
  const res = await client.send('POST', `/api/imports/${job.id}/start`, body);
  if (res.statusCode !== 200) throw new Error(`start ${res.statusCode}: ${res.body}`);
  return { uploaded: job, done: await waitForJob(client, job.id) };
}
