/**
 * The `aws-connection-wizard` executable: runs one command line with the process's streams and
 * working directory. Everything else lives in `main.ts`, which tests run in-process.
 */
import { EXIT_FAILURE, runCli } from './main';

const io = {
  cwd: process.cwd(),
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
};

try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (error) {
  io.stderr(
    `aws-connection-wizard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = EXIT_FAILURE;
}
