/**
 * The local AWS API emulator (moto) and the two ways tests talk to it: awscli calls that return
 * parsed JSON, and whole bash scripts, such as the generated StackSet commands, run unchanged
 * with `AWS_ENDPOINT_URL` pointing at the emulator.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { findFreePort, startServer } from './processes';
import type { ServerProcess } from './processes';

export interface MotoServer extends ServerProcess {
  /** The account moto answers as; after `create-organization` it is the management account. */
  accountId: string;
  /** The environment that points awscli and the AWS SDK at this emulator, with fake keys. */
  env: Record<string, string>;
}

/**
 * Starts `moto_server` on a free loopback port. `accountId` becomes the caller's account, and so
 * the management account of the organisation created there.
 */
export async function startMoto(options: { accountId: string }): Promise<MotoServer> {
  const port = await findFreePort();
  const server = await startServer('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    port,
    readyPath: '/moto-api/',
    spawn: { env: { ...process.env, MOTO_ACCOUNT_ID: options.accountId } },
  });
  return { ...server, accountId: options.accountId, env: awsEnvironment(server.url) };
}

/**
 * Credentials and settings for the emulator only. Profiles and config files are switched off so
 * that nothing on the machine can send a call to real AWS.
 */
export function awsEnvironment(endpointUrl: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('AWS_')) delete env[name];
  }
  return { ...env, ...extra };
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** Runs `aws <args> --output json` against the emulator and returns the parsed answer. */
export async function aws<T = unknown>(moto: Pick<MotoServer, 'env'>, args: string[]): Promise<T> {
  const result = await run(
    'aws',
    [...args, '--output', 'json'],
    childEnvironment(moto.env),
    60_000,
  );
  if (result.exitCode !== 0) {
    throw new Error(`aws ${args.join(' ')} failed (${result.exitCode}):\n${result.stderr}`);
  }
  return (result.stdout.trim() === '' ? {} : JSON.parse(result.stdout)) as T;
}

/**
 * Runs a script with bash exactly as a user would paste it into CloudShell, but against the
 * emulator. The script goes through a file, not `-c`, so its size is not limited by argv.
 */
export async function runBash(
  script: string,
  options: { moto: Pick<MotoServer, 'env'>; env?: Record<string, string>; timeoutMs?: number },
): Promise<CommandResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'aws-connection-wizard-bash-'));
  const file = path.join(dir, 'script.sh');
  try {
    await writeFile(file, script, { mode: 0o600 });
    const env = childEnvironment({ ...options.moto.env, ...options.env });
    return await run('bash', [file], env, options.timeoutMs ?? 120_000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
