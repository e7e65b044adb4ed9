/**
 * The management-account script: StackSets never deploy to the organisation's management
 * account, even under a targeted root or OU (CloudFormation API reference, `DeploymentTargets`),
 * so when the scope includes it, this bash creates the role there with a plain stack.
 */
import { checkArtefactInput } from './checks';
import {
  assignment,
  callerCheck,
  parametersJson,
  scriptEnd,
  scriptStart,
  templateLines,
} from './scriptParts';
import type { ArtefactInput } from './types';

/** The management-account script, or `null` when the management account is not in scope. */
export function generateManagementAccountScript(input: ArtefactInput): string | null {
  checkArtefactInput(input);
  if (!input.plan.managementAccount.inScope) return null;

  const templateArguments = templateLines(input);
  const lines = [
    ...scriptStart([
      '# Creates the IAM role of an AWS connection in the management account of the organisation,',
      '# which StackSets never deploy to, with a CloudFormation stack, and waits until it exists.',
      '# Run it in AWS CloudShell, signed in to the management account.',
    ]),
    '',
    '# The values this script uses.',
    ...assignment('MANAGEMENT_ACCOUNT_ID', input.plan.managementAccount.id),
    ...assignment('REGION', input.region),
    ...assignment('ROLE_NAME', input.roleName),
    ...assignment('STACK_NAME', input.stackSetName),
    '',
    '# Template parameters: the role name, the platform account trusted to assume the role, and',
    '# the external ID it must present. JSON keeps commas and quotes inside values exact.',
    ...assignment('PARAMETERS', parametersJson(input)),
    '',
    ...templateArguments.lines,
    '',
    ...callerCheck(),
    '',
    ...templateArguments.check,
    ...(templateArguments.check.length > 0 ? [''] : []),
    '# Create the stack, then wait until CloudFormation reports CREATE_COMPLETE.',
    'echo "Creating stack $STACK_NAME in $REGION..."',
    'aws cloudformation create-stack \\',
    '  --stack-name "$STACK_NAME" \\',
    templateArguments.option,
    '  --parameters "$PARAMETERS" \\',
    '  --capabilities CAPABILITY_NAMED_IAM \\',
    '  --region "$REGION"',
    'aws cloudformation wait stack-create-complete \\',
    '  --stack-name "$STACK_NAME" \\',
    '  --region "$REGION"',
    'echo "Done: role $ROLE_NAME exists in the management account $MANAGEMENT_ACCOUNT_ID."',
    ...scriptEnd(),
  ];
  return `${lines.join('\n')}\n`;
}
