/**
 * `aws-connection-wizard`: the wizard without a browser. `plan` reads an organisation (a file
 * of AWS Organizations JSON, or AWS itself), a file of answers and the platform's settings, and
 * writes the same artefacts the wizard's Deploy step shows, plus `plan.json`. `schema` prints
 * the JSON Schema of the answers or platform file.
 *
 * Exit codes: 0 done; 2 invalid input (arguments, JSON, organisation, answers, platform), each
 * problem on its own line starting with the field it is about; 1 anything else (AWS could not
 * be read, a file could not be written).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadIamActionCatalogue } from '@aws-connection-wizard/core';
import type { Organization } from '@aws-connection-wizard/core';

import { isAdapterError } from '../errors';
import { fromAwsOrganizationJson } from '../samples/awsJson';
import { jsonSchemaText } from './answers';
import { PLAN_FILE_NAMES, planConnection } from './planConnection';
import type { Problem } from './checkAnswers';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

/** Where the command reads relative paths from and writes its output to. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage:
  aws-connection-wizard plan (--org ORG.json | --from-aws) --answers ANSWERS.json
                             [--platform PLATFORM.json] [--out DIR]
  aws-connection-wizard schema (answers | platform)

plan     Writes template.yaml, stackset.sh (when a StackSet is needed),
         management-account.sh (when the management account is in scope), main.tf and
         plan.json to DIR (default: the current directory), byte for byte what the
         wizard's Deploy step shows for the same answers. Files of those names left in DIR
         by an earlier plan that this plan does not need are removed.

  --org ORG.json          The organisation as AWS Organizations returns it:
                          {"Organization", "Roots", "OrganizationalUnits", "Accounts"}.
  --from-aws              Read the organisation from AWS Organizations instead, with the
                          usual AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID,
                          AWS_ENDPOINT_URL...). Run it in the management account.
  --answers ANSWERS.json  What the user enters in the wizard (see: schema answers).
  --platform PLATFORM.json
                          What the platform decides: {"trustedAccountId", "externalId",
                          "region", "regionLocked", "templateUrl", "accessLevels",
                          "managedPolicyQuota"} (see: schema platform).
                          Without it, or for a field it leaves out: the sample platform's
                          trusted account 068664126052, an external ID derived from the
                          management account ID, us-east-1, owner/editor/user, 10.
                          The derived external ID is a sample: a real platform must
                          supply its own, random and unique per customer.
  --out DIR               Where to write the files.

schema   Prints the JSON Schema of ANSWERS.json or PLATFORM.json.

Exit codes: 0 done, 2 invalid input (each problem names its field), 1 other failures.
`;

class InvalidInput extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n'));
  }
}

function reportProblems(io: CliIo, problems: readonly Problem[]): number {
  io.stderr(
    `aws-connection-wizard: the input is not valid (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n`,
  );
  for (const problem of problems) {
    io.stderr(`${problem.field}: ${problem.message} [${problem.code}]\n`);
  }
  return EXIT_INVALID_INPUT;
}

async function readJson(io: CliIo, what: string, option: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInput([{ field: option, code: 'file.unreadable', message: reason }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInput([
      { field: what, code: 'file.invalidJson', message: `${file} is not valid JSON: ${reason}` },
    ]);
  }
}

async function readOrganization(io: CliIo, orgFile: string | undefined): Promise<Organization> {
  if (orgFile !== undefined) {
    const document = await readJson(io, 'org', '--org', orgFile);
    try {
      return fromAwsOrganizationJson(document);
    } catch (error) {
      if (!isAdapterError(error)) throw error;
      throw new InvalidInput([{ field: 'org', code: 'org.invalid', message: error.message }]);
    }
  }
  // Loaded only when asked for, so `--org` never loads the AWS SDK.
  const { readOrganizationFromAws } = await import('../server/aws/readOrganization');
  return readOrganizationFromAws({ signal: AbortSignal.timeout(5 * 60_000) });
}

async function plan(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      'from-aws': { type: 'boolean', default: false },
      answers: { type: 'string' },
      platform: { type: 'string' },
      out: { type: 'string', default: '.' },
    },
    strict: true,
    allowPositionals: false,
  });
  const usageProblems: Problem[] = [];
  if ((values.org === undefined) === !values['from-aws']) {
    usageProblems.push({
      field: '--org',
      code: 'usage.organization',
      message: 'give exactly one of --org ORG.json and --from-aws.',
    });
  }
  if (values.answers === undefined) {
    usageProblems.push({ field: '--answers', code: 'usage.answers', message: 'is required.' });
  }
  if (usageProblems.length > 0 || values.answers === undefined) {
    io.stderr(USAGE);
    return reportProblems(io, usageProblems);
  }

  const answers = await readJson(io, 'answers', '--answers', values.answers);
  const platform =
    values.platform === undefined
      ? {}
      : await readJson(io, 'platform', '--platform', values.platform);
  let organization: Organization;
  try {
    organization = await readOrganization(io, values.org);
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`aws-connection-wizard: could not read the organisation from AWS: ${reason}\n`);
    return EXIT_FAILURE;
  }

  // The wizard lints allowed actions with the same catalogue once it has loaded.
  const outcome = planConnection(organization, answers, platform, await loadIamActionCatalogue());
  if (!outcome.ok) return reportProblems(io, outcome.problems);

  const { connection } = outcome;
  const outDir = path.resolve(io.cwd, values.out);
  await mkdir(outDir, { recursive: true });
  const written = new Set<string>(connection.files.map((file) => file.name));
  for (const name of PLAN_FILE_NAMES) {
    if (!written.has(name)) await rm(path.join(outDir, name), { force: true });
  }
  for (const file of connection.files) {
    await writeFile(path.join(outDir, file.name), file.content, {
      mode: file.name.endsWith('.sh') ? 0o755 : 0o644,
    });
  }

  io.stdout(connection.summary);
  io.stdout(`Wrote ${connection.files.map((file) => file.name).join(', ')} to ${values.out}\n`);
  for (const field of connection.platform.defaulted) {
    io.stderr(
      field === 'externalId'
        ? `Note: platform.externalId not given; using the sample external ID ${connection.platform.settings.externalId}. A real platform must supply its own.\n`
        : `Note: platform.trustedAccountId not given; using the sample platform's account ${connection.platform.settings.trustedAccountId}.\n`,
    );
  }
  return EXIT_OK;
}

function schema(args: string[], io: CliIo): number {
  const [which, ...rest] = args;
  if ((which !== 'answers' && which !== 'platform') || rest.length > 0) {
    io.stderr(USAGE);
    return reportProblems(io, [
      { field: 'schema', code: 'usage.schema', message: 'give "answers" or "platform".' },
    ]);
  }
  io.stdout(jsonSchemaText(which));
  return EXIT_OK;
}

/** Runs one command line (without `node` and the script) and returns its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'plan':
        return await plan(rest, io);
      case 'schema':
        return schema(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT_OK;
      default:
        io.stderr(USAGE);
        return reportProblems(io, [
          {
            field: 'command',
            code: 'usage.command',
            message: command === undefined ? 'is required.' : `unknown command "${command}".`,
          },
        ]);
    }
  } catch (error) {
    if (error instanceof InvalidInput) return reportProblems(io, error.problems);
    // parseArgs reports unknown options and missing values with these codes (Node.js util docs).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      io.stderr(USAGE);
      return reportProblems(io, [
        { field: 'arguments', code: 'usage.arguments', message: (error as Error).message },
      ]);
    }
    throw error;
  }
}
