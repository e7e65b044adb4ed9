/**
 * Runs the generated scripts with bash against a stand-in `aws` on PATH: a small bash script
 * that records every call and answers as each case needs. moto answers every StackSet
 * operation with SUCCEEDED at once, so the paths where an operation runs for a while, fails or
 * is stopped are proven here; `execution.test.ts` proves the calls against moto itself.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_INPUTS } from './__golden__/examples';
import { generateArtefacts } from './generate';
import { stackSetNameForKey } from './names';

const INPUT = EXAMPLE_INPUTS.rootWithManagementAccount!;
const MANAGEMENT_ACCOUNT_ID = INPUT.plan.managementAccount.id;
const ORGANIZATION_STACK_SET = stackSetNameForKey(INPUT.stackSetName, 'organization');
const ACCOUNTS_STACK_SET = stackSetNameForKey(INPUT.stackSetName, 'accounts');

// Answers as the AWS CLI does with `--output text`. STUB_STATUSES lists the statuses that
// successive status checks of an operation see; the last one repeats.
const STUB_AWS = `#!/usr/bin/env bash
# One line per call: the template body's line breaks become spaces.
call="$*"
printf '%s\\n' "\${call//$'\\n'/ }" >> "$STUB_DIRECTORY/calls"
count() {
  local file="$STUB_DIRECTORY/$1" n=0
  [[ -f "$file" ]] && n=$(<"$file")
  n=$((n + 1))
  echo "$n" > "$file"
  echo "$n"
}
case "$1 $2" in
  "sts get-caller-identity") echo "$STUB_ACCOUNT" ;;
  "cloudformation create-stack-set") echo "arn:aws:cloudformation:stack-set/$4" ;;
  "cloudformation create-stack-instances") echo "operation-$(count operations)" ;;
  "cloudformation describe-stack-set-operation")
    if [[ "$*" == *StatusReason* ]]; then
      echo "$STUB_REASON"
    else
      read -r -a statuses <<< "$STUB_STATUSES"
      n=$(count polls)
      if (( n > \${#statuses[@]} )); then n=\${#statuses[@]}; fi
      echo "\${statuses[n - 1]}"
    fi
    ;;
  *) echo "unexpected call: $*" >&2; exit 2 ;;
esac
`;

const STUB_SLEEP = `#!/usr/bin/env bash
printf 'sleep %s\\n' "$*" >> "$STUB_DIRECTORY/calls"
`;

let directory = '';
let script = '';

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'script-run-'));
  for (const [name, content] of [
    ['aws', STUB_AWS],
    ['sleep', STUB_SLEEP],
  ] as const) {
    writeFileSync(join(directory, name), content);
    chmodSync(join(directory, name), 0o755);
  }
  script = generateArtefacts(INPUT).stackSetScript ?? '';
  writeFileSync(join(directory, 'stackset.sh'), script);
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
}

function run(
  scenario: { account?: string; statuses: string; reason?: string },
  how: { interactive: boolean; after?: string } = { interactive: false },
): Run {
  rmSync(join(directory, 'calls'), { force: true });
  rmSync(join(directory, 'operations'), { force: true });
  rmSync(join(directory, 'polls'), { force: true });
  const env = {
    PATH: `${directory}:${process.env.PATH ?? ''}`,
    HOME: directory,
    STUB_DIRECTORY: directory,
    STUB_ACCOUNT: scenario.account ?? MANAGEMENT_ACCOUNT_ID,
    STUB_STATUSES: scenario.statuses,
    STUB_REASON: scenario.reason ?? '',
  };
  const result = how.interactive
    ? // Pasted into an interactive shell: bash reads the script, then what follows, from stdin.
      spawnSync('bash', ['--norc', '--noprofile', '-i'], {
        input: `${script}${how.after ?? ''}`,
        env,
        encoding: 'utf8',
      })
    : spawnSync('bash', [join(directory, 'stackset.sh')], { env, encoding: 'utf8' });
  let calls: string[] = [];
  try {
    calls = readFileSync(join(directory, 'calls'), 'utf8').trimEnd().split('\n');
  } catch {
    calls = [];
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

const isStatusCheck = (call: string) =>
  call.startsWith('cloudformation describe-stack-set-operation') &&
  call.includes('StackSetOperation.Status ');

describe('given StackSet operations that all succeed', () => {
  it('should create both StackSets and deploy each operation, in order', () => {
    const result = run({ statuses: 'SUCCEEDED' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.calls.map((call) => call.split(' ').slice(0, 4).join(' '))).toEqual([
      'sts get-caller-identity --region eu-west-1',
      `cloudformation create-stack-set --stack-set-name ${ORGANIZATION_STACK_SET}`,
      `cloudformation create-stack-instances --stack-set-name ${ORGANIZATION_STACK_SET}`,
      `cloudformation describe-stack-set-operation --stack-set-name ${ORGANIZATION_STACK_SET}`,
      `cloudformation create-stack-set --stack-set-name ${ACCOUNTS_STACK_SET}`,
      `cloudformation create-stack-instances --stack-set-name ${ACCOUNTS_STACK_SET}`,
      `cloudformation describe-stack-set-operation --stack-set-name ${ACCOUNTS_STACK_SET}`,
    ]);
  });
});

describe.each([
  { status: 'FAILED', reason: 'The account 222222222222 has no StackSets execution role.' },
  { status: 'STOPPED', reason: 'The operation was stopped by the user.' },
])('given the first StackSet operation runs, then ends $status', ({ status, reason }) => {
  let result: Run;

  beforeAll(() => {
    result = run({ statuses: `RUNNING RUNNING ${status}`, reason });
  });

  it('should poll until the operation ends, waiting between checks', () => {
    expect(result.calls.filter(isStatusCheck)).toHaveLength(3);
    expect(result.calls.filter((call) => call.startsWith('sleep'))).toEqual([
      'sleep 15',
      'sleep 15',
    ]);
    expect(result.stdout).toContain(
      `Operation operation-1 on ${ORGANIZATION_STACK_SET} is RUNNING; checking again in 15 seconds.`,
    );
  });

  it('should print the reason and how to see the result for each account, and exit non-zero', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [
        `Operation operation-1 on ${ORGANIZATION_STACK_SET} ended with status ${status}:`,
        reason,
        'See the result for each account with:',
        `  aws cloudformation list-stack-set-operation-results --stack-set-name ${ORGANIZATION_STACK_SET} --operation-id operation-1 --region eu-west-1`,
        '',
      ].join('\n'),
    );
  });

  it('should start no later operation and create no later StackSet', () => {
    expect(result.calls.filter((call) => call.includes('create-stack-instances'))).toHaveLength(1);
    expect(result.calls.filter((call) => call.includes('create-stack-set '))).toHaveLength(1);
    expect(result.calls.at(-1)).toContain('StackSetOperation.StatusReason');
    expect(result.stdout).not.toContain('Done:');
  });
});

describe('given the script is pasted into an interactive bash, as in CloudShell', () => {
  it('should leave the shell open when a StackSet operation fails', () => {
    const result = run(
      { statuses: 'FAILED', reason: 'Failed.' },
      { interactive: true, after: 'echo "alive after status $?"\n' },
    );
    expect(result.stderr).toContain(`ended with status FAILED`);
    expect(result.stdout).toContain('alive after status 1');
    expect(result.status).toBe(0);
  });

  it('should leave the shell open when the credentials are of another account', () => {
    const result = run(
      { account: '999999999999', statuses: 'SUCCEEDED' },
      { interactive: true, after: 'echo "alive after status $?"\n' },
    );
    expect(result.stderr).toContain('These credentials belong to account 999999999999');
    expect(result.calls).toEqual([
      'sts get-caller-identity --region eu-west-1 --query Account --output text',
    ]);
    expect(result.stdout).toContain('alive after status 1');
  });

  it('should leave the options of the shell as they were', () => {
    const result = run(
      { statuses: 'SUCCEEDED' },
      { interactive: true, after: 'echo "options $-"; false; echo "alive after false"\n' },
    );
    expect(result.stdout).toContain('Done: the StackSets have deployed role');
    expect(result.stdout).toMatch(/options [^e\n]*\n/);
    expect(result.stdout).toContain('alive after false');
  });
});
