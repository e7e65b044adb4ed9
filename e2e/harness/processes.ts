/**
 * Starting and stopping the local servers a test needs (the AWS API emulator, `vite preview`).
 * Every server listens on a free loopback port and is stopped by the pid it was started with.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port nobody listens on right now, chosen by the kernel. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('The kernel did not report a port.'));
      });
    });
  });
}

export interface ServerProcess {
  /** The server's own pid (not a shell's), so stopping it stops the server. */
  pid: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** What the server wrote so far; useful in a failure message. */
  output(): string;
  /** Stops the server by its pid: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs `command` and resolves once `readyUrl` answers any HTTP status. Rejects, after stopping
 * the process, when it exits first or `timeoutMs` passes.
 */
export async function startServer(
  command: string,
  args: string[],
  options: { port: number; readyPath?: string; timeoutMs?: number; spawn?: SpawnOptions },
): Promise<ServerProcess> {
  const { port, readyPath = '/', timeoutMs = 30_000 } = options;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options.spawn });
  if (child.pid === undefined) {
    throw new Error(`Could not start ${command}.`);
  }
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://${LOOPBACK}:${port}`;
  const server: ServerProcess = {
    pid: child.pid,
    url,
    port,
    output: () => output,
    stop: (graceMs = 5_000) => stopChild(child, graceMs),
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${command} exited before it was ready:\n${output}`);
    }
    if (await answers(url + readyPath)) return server;
    await delay(100);
  }
  await server.stop();
  throw new Error(`${command} was not ready at ${url} within ${timeoutMs} ms:\n${output}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid as number, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid as number, 'SIGKILL');
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** Whether a process with this pid still exists (a zombie counts until it is reaped). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
