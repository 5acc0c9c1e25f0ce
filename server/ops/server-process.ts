import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines it wrote to stderr (for failure messages). */
  stderr(): string;
}

/**
 * Starts the real server (`server/main.ts` under tsx) as a child process on a free port and waits
 * for its banner. `env` is added to a copy of this process's environment without DATABASE_URL.
 */
export async function startServer(env: Record<string, string>, options: { startTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...base, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: '1', DEMO_CASES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`сервер не запустился за ${(options.startTimeoutMs ?? 300_000) / 1000} с:\n${err}`));
    }, options.startTimeoutMs ?? 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /МЦУ запущен: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`сервер завершился при запуске (код ${code}, сигнал ${signal}):\n${err}`));
    });
  });
  child.stdout!.resume();
  return { url, child, exited, stderr: () => err };
}
