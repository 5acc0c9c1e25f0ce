import { DEMO_PASSWORD } from '../seed/demo-users';

export interface HttpSession {
  get(path: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response>;
  upload(path: string, fileName: string, data: Buffer): Promise<Response>;
  /** Cookie and CSRF headers for other HTTP clients (the load script). */
  headers: Record<string, string>;
}

/** Signs a demo user in over real HTTP (fetch) and returns a client carrying the session and CSRF token. */
export async function httpSession(baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`вход ${login}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('mcu_sid=')) ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    headers,
    get: (path) => fetch(`${baseUrl}${path}`, { headers }),
    send: (method, path, body) =>
      fetch(`${baseUrl}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) }),
    upload: (path, fileName, data) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)]), fileName);
      return fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: form });
    },
  };
}
