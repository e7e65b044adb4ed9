/**
 * The StackSet script: bash for AWS CloudShell, run in the management account, that creates
 * each planned StackSet with the shared template and deploys its stack instances, one
 * `create-stack-instances` call per planned operation, waiting for each to finish.
 */
import { checkArtefactInput } from './checks';
import { stackSetNameForKey } from './names';
import { compactJson } from './quoting/json';
import type { JsonValue } from './quoting/json';
import { shellQuote } from './quoting/shell';
import {
  assignment,
  callerCheck,
  parametersJson,
  scriptEnd,
  scriptStart,
  templateLines,
} from './scriptParts';
import type { ArtefactInput } from './types';
import type { PlannedStackSet, StackSetOperation } from '../scope/types';

/** Seconds between two checks of a running StackSet operation. */
export const POLL_INTERVAL_SECONDS = 15;

/**
 * By default a StackSet operation deploys to one account at a time and stops at the first
 * failure. Running all accounts at once, still stopping on any failure (`SOFT_FAILURE_TOLERANCE`
 * keeps the concurrency independent of the tolerance), turns hours into minutes for large
 * organisations. See the CloudFormation API reference, `StackSetOperationPreferences`.
 */
const OPERATION_PREFERENCES = {
  ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE',
  FailureToleranceCount: 0,
  MaxConcurrentPercentage: 100,
};

const WAIT_FUNCTION = [
  '# Waits until a StackSet operation ends; stops the script, and every later operation, unless it',
  '# succeeded.',
  '# The AWS CLI has no waiter for StackSet operations, so this polls describe-stack-set-operation,',
  '# whose answer is strongly consistent. Each create-stack-instances call waits for the previous',
  '# one: a StackSet runs one operation at a time and refuses a second with OperationInProgressException.',
  '# Managed execution (--managed-execution Active=true) would queue them instead, but the script',
  '# would then end before any deployment did and could not report a failure.',
  'wait_for_operation() {',
  '  local stack_set_name=$1',
  '  local operation_id=$2',
  '  local status',
  '  while true; do',
  '    status=$(aws cloudformation describe-stack-set-operation \\',
  '      --stack-set-name "$stack_set_name" \\',
  '      --operation-id "$operation_id" \\',
  '      --region "$REGION" \\',
  '      --query StackSetOperation.Status \\',
  '      --output text)',
  '    case "$status" in',
  '      SUCCEEDED)',
  '        echo "Operation $operation_id on $stack_set_name succeeded."',
  '        return 0',
  '        ;;',
  '      FAILED | STOPPED)',
  '        echo "Operation $operation_id on $stack_set_name ended with status $status:" >&2',
  '        aws cloudformation describe-stack-set-operation \\',
  '          --stack-set-name "$stack_set_name" \\',
  '          --operation-id "$operation_id" \\',
  '          --region "$REGION" \\',
  '          --query StackSetOperation.StatusReason \\',
  '          --output text >&2',
  '        echo "See the result for each account with:" >&2',
  '        echo "  aws cloudformation list-stack-set-operation-results --stack-set-name $stack_set_name --operation-id $operation_id --region $REGION" >&2',
  '        exit 1',
  '        ;;',
  '      *)',
  '        echo "Operation $operation_id on $stack_set_name is $status; checking again in $POLL_INTERVAL_SECONDS seconds."',
  '        sleep "$POLL_INTERVAL_SECONDS"',
  '        ;;',
  '    esac',
  '  done',
  '}',
];

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A comment line saying, in words, what one operation deploys to. Holds no user text. */
function describeOperation(operation: StackSetOperation): string {
  const targets = plural(operation.organizationalUnitIds.length, 'root or OU', 'roots or OUs');
  const accounts = plural(operation.accounts.length, 'account', 'accounts');
  switch (operation.accountFilterType) {
    case 'NONE':
      return `every account in ${targets}, child OUs included`;
    case 'DIFFERENCE':
      return `every account in ${targets}, child OUs included, except ${accounts}`;
    case 'INTERSECTION':
      return `${accounts}, each found in one of ${targets}`;
  }
}

/**
 * The `--auto-deployment` value. `RetainStacksOnAccountRemoval` may be given only when automatic
 * deployment is on (CloudFormation API Reference, `AutoDeployment`: "Specify only if Enabled is
 * set to True", https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_AutoDeployment.html).
 * When it is on, an account that leaves the targeted OUs loses the role with its stack instance.
 */
function autoDeployment(enabled: boolean): string {
  return enabled ? 'Enabled=true,RetainStacksOnAccountRemoval=false' : 'Enabled=false';
}

function deploymentTargets(operation: StackSetOperation): string {
  const targets: Record<string, JsonValue> = {};
  if (operation.organizationalUnitIds.length > 0) {
    targets.OrganizationalUnitIds = operation.organizationalUnitIds;
  }
  if (operation.accounts.length > 0) targets.Accounts = operation.accounts;
  // Always explicit: the API's default, UNION, is refused by CreateStackInstances.
  targets.AccountFilterType = operation.accountFilterType;
  return compactJson(targets);
}

/**
 * The longest `--deployment-targets` argument the script writes inline. Linux refuses to start a
 * program with any single argument of 128 KiB or more (MAX_ARG_STRLEN, 32 pages of 4 KiB: "Argument
 * list too long"), and an OU with thousands of exclusions cannot split them across calls: a
 * `DIFFERENCE` call deploys to every account of its OUs that it does not list. Longer targets go
 * through a file, which the AWS CLI reads with `file://`; below the bound the script stays easy
 * to read. The bound leaves room for the two quotes around the argument and its final NUL; the
 * plan keeps every call that can be split well below it (`MAX_ACCOUNTS_PER_OPERATION`). See https://man7.org/linux/man-pages/man2/execve.2.html ("Limits on size of
 * arguments") and https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html
 */
export const MAX_INLINE_TARGETS_BYTES = 130_000;

/** The lines of one `create-stack-instances` call and the wait for it to finish. */
function operationLines(operation: StackSetOperation, variable: string): string[] {
  const targets = deploymentTargets(operation);
  const call = (targetsArgument: string) => [
    'OPERATION_ID=$(aws cloudformation create-stack-instances \\',
    `  --stack-set-name "$${variable}" \\`,
    `  --deployment-targets ${targetsArgument} \\`,
    '  --regions "$REGION" \\',
    '  --operation-preferences "$OPERATION_PREFERENCES" \\',
    '  --region "$REGION" \\',
    '  --query OperationId \\',
    '  --output text)',
    `wait_for_operation "$${variable}" "$OPERATION_ID"`,
  ];
  // Ids and JSON punctuation only, so its length in characters is its length in bytes.
  if (targets.length <= MAX_INLINE_TARGETS_BYTES) return call(shellQuote(targets));
  return [
    '# These targets are too long for one command-line argument, so they go through a file.',
    'TARGETS_FILE=$(mktemp)',
    'trap \'rm -f "$TARGETS_FILE"\' EXIT',
    'cat >"$TARGETS_FILE" <<\'DEPLOYMENT_TARGETS\'',
    targets,
    'DEPLOYMENT_TARGETS',
    ...call('"file://$TARGETS_FILE"'),
    'rm -f "$TARGETS_FILE"',
  ];
}

function stackSetBlock(
  stackSet: PlannedStackSet,
  position: number,
  count: number,
  variable: string,
  templateOption: string,
): string[] {
  const what =
    stackSet.key === 'organization'
      ? 'the selected root and OUs, with automatic deployment, so accounts added to them later get the role too'
      : 'accounts picked one by one, without automatic deployment, so no other account gets the role';
  const lines = [
    `# StackSet ${position} of ${count}: ${what}.`,
    `echo "Creating StackSet $${variable} in $REGION..."`,
    'aws cloudformation create-stack-set \\',
    `  --stack-set-name "$${variable}" \\`,
    templateOption,
    '  --parameters "$PARAMETERS" \\',
    '  --permission-model SERVICE_MANAGED \\',
    `  --auto-deployment ${autoDeployment(stackSet.autoDeployment)} \\`,
    '  --capabilities CAPABILITY_NAMED_IAM \\',
    '  --region "$REGION"',
  ];
  stackSet.operations.forEach((operation, index) => {
    lines.push(
      '',
      `# Deployment ${index + 1} of ${stackSet.operations.length} for this StackSet: ${describeOperation(operation)}.`,
      ...operationLines(operation, variable),
    );
  });
  return lines;
}

function variableFor(key: PlannedStackSet['key']): string {
  return key === 'organization' ? 'STACK_SET_NAME' : 'ACCOUNTS_STACK_SET_NAME';
}

/** The StackSet script, or `null` when the plan needs no StackSet. */
export function generateStackSetScript(input: ArtefactInput): string | null {
  checkArtefactInput(input);
  const { stackSets } = input.plan;
  if (stackSets.length === 0) return null;

  const templateArguments = templateLines(input);
  const lines = [
    ...scriptStart([
      '# Creates the IAM role of an AWS connection in the accounts of its scope with CloudFormation',
      '# StackSets, and waits until every deployment has finished.',
      '# Run it in AWS CloudShell, signed in to the management account of the organisation.',
      '# It needs trusted access between StackSets and AWS Organizations, which',
      '# `aws cloudformation activate-organizations-access` turns on:',
      '# https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html',
    ]),
    '',
    '# The values this script uses.',
    ...assignment('MANAGEMENT_ACCOUNT_ID', input.plan.managementAccount.id),
    ...assignment('REGION', input.region),
    ...assignment('ROLE_NAME', input.roleName),
    ...stackSets.flatMap((stackSet) =>
      assignment(variableFor(stackSet.key), stackSetNameForKey(input.stackSetName, stackSet.key)),
    ),
    `POLL_INTERVAL_SECONDS=${POLL_INTERVAL_SECONDS}`,
    '',
    '# Template parameters: the role name, the platform account trusted to assume the role, and',
    '# the external ID it must present. JSON keeps commas and quotes inside values exact.',
    ...assignment('PARAMETERS', parametersJson(input)),
    '',
    '# Deploy to all accounts of an operation at once, and stop at the first failure.',
    ...assignment('OPERATION_PREFERENCES', compactJson(OPERATION_PREFERENCES)),
    '',
    ...templateArguments.lines,
    '',
    ...callerCheck(),
    '',
    ...templateArguments.check,
    ...(templateArguments.check.length > 0 ? [''] : []),
    ...WAIT_FUNCTION,
    '',
  ];
  stackSets.forEach((stackSet, index) => {
    lines.push(
      ...stackSetBlock(
        stackSet,
        index + 1,
        stackSets.length,
        variableFor(stackSet.key),
        templateArguments.option,
      ),
      '',
    );
  });
  lines.push(
    'echo "Done: the StackSets have deployed role $ROLE_NAME to the accounts of the scope in $REGION."',
    ...scriptEnd(),
  );
  return `${lines.join('\n')}\n`;
}
