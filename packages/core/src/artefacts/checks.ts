/**
 * Checks that every value of an `ArtefactInput` can be carried exactly by every artefact. They
 * reject only what no artefact could say faithfully; whether a value is a good idea is for the
 * step schemas and `policies/`.
 */
import type { ArtefactInput } from './types';
import { ArtefactError } from './errors';
import type { ArtefactErrorCode } from './errors';
import { hasLoneSurrogate } from './quoting/invisible';
import { STACK_SET_NAME_PATTERN, stackSetNameForKey } from './names';
import { INLINE_POLICY_MAX_CHARACTERS, inlinePolicySize } from './permissions';
import {
  DESCRIPTION_INVALID_CHARACTER,
  DESCRIPTION_MAX_LENGTH,
  regionPartition,
  templateObject,
} from '../model/validation';

/** CloudFormation's limit on one parameter value, in bytes (CloudFormation quotas). */
export const MAX_PARAMETER_VALUE_BYTES = 4096;
/** CloudFormation's limit on a template's `Description`, in bytes (CloudFormation quotas). */
export const MAX_TEMPLATE_DESCRIPTION_BYTES = 1024;

/**
 * IAM policy documents accept only tab, line feed, carriage return and U+0020–U+00FF
 * (IAM API reference, `policyDocumentType`). A value outside that set in a policy would be
 * refused or altered, so it is refused here, before anything is generated.
 */
const POLICY_DOCUMENT_CHARACTERS = /^[\t\n\r\u0020-\u00ff]*$/;

export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * The template's `Description`: the connection name, which identifies the stack and the
 * StackSets in CloudFormation's lists. The description is the role's own (`Description` of the
 * role), where IAM allows more than the 1,024 bytes of a template description.
 */
export function templateDescription(input: Pick<ArtefactInput, 'connectionName'>): string {
  return input.connectionName;
}

export function checkArtefactInput(input: ArtefactInput): void {
  const strings: [ArtefactErrorCode, readonly string[]][] = [
    ['connectionName', [input.connectionName]],
    ['description', [input.description]],
    ['roleName', [input.roleName]],
    ['trustedAccountId', [input.trustedAccountId]],
    ['externalId', [input.externalId]],
    ['region', [input.region]],
    ['managedPolicyArns', input.managedPolicyArns],
    ['allowedActions', input.allowedActions],
    ['stackSetName', [input.stackSetName]],
  ];
  for (const [code, values] of strings) {
    if (values.some(hasLoneSurrogate)) {
      throw new ArtefactError(
        code,
        'unrepresentableCharacter',
        `${code} holds a lone UTF-16 surrogate, which no text file can carry.`,
      );
    }
  }

  const inPolicies: [ArtefactErrorCode, readonly string[]][] = [
    ['roleName', [input.roleName]],
    ['externalId', [input.externalId]],
    ['allowedActions', input.allowedActions],
  ];
  for (const [code, values] of inPolicies) {
    if (!values.every((value) => POLICY_DOCUMENT_CHARACTERS.test(value))) {
      throw new ArtefactError(
        code,
        'unrepresentableCharacter',
        `${code} holds a character that IAM policy documents do not accept.`,
      );
    }
  }

  // The description becomes the role's own, which IAM holds to a narrower character set.
  if (DESCRIPTION_INVALID_CHARACTER.test(input.description)) {
    throw new ArtefactError(
      'description',
      'unrepresentableCharacter',
      'The description holds a character an IAM role description does not accept.',
    );
  }
  // Every character the rule allows is one UTF-16 unit, so `length` counts characters.
  if (input.description.length > DESCRIPTION_MAX_LENGTH) {
    throw new ArtefactError(
      'description',
      'tooLong',
      `The description is longer than the ${DESCRIPTION_MAX_LENGTH} characters of an IAM role description.`,
    );
  }

  // A role trusts principals and attaches policies of its own partition only.
  const partition = regionPartition(input.region);
  const foreign = input.managedPolicyArns.find((arn) => arn.split(':')[1] !== partition);
  if (foreign !== undefined) {
    throw new ArtefactError(
      'managedPolicyArns',
      'invalidFormat',
      `The managed policy ${foreign} is not in the partition ${partition} of the Region ${input.region}.`,
    );
  }

  const parameters: [ArtefactErrorCode, string][] = [
    ['roleName', input.roleName],
    ['trustedAccountId', input.trustedAccountId],
    ['externalId', input.externalId],
  ];
  for (const [code, value] of parameters) {
    if (utf8Length(value) > MAX_PARAMETER_VALUE_BYTES) {
      throw new ArtefactError(
        code,
        'tooLong',
        `${code} is longer than the ${MAX_PARAMETER_VALUE_BYTES} bytes a CloudFormation parameter holds.`,
      );
    }
  }

  if (utf8Length(templateDescription(input)) > MAX_TEMPLATE_DESCRIPTION_BYTES) {
    throw new ArtefactError(
      'connectionName',
      'tooLong',
      `The connection name is longer than the ${MAX_TEMPLATE_DESCRIPTION_BYTES} bytes of a template description.`,
    );
  }

  const policySize = inlinePolicySize(input.roleName, input.allowedActions);
  if (policySize > INLINE_POLICY_MAX_CHARACTERS) {
    throw new ArtefactError(
      'allowedActions',
      'tooLong',
      `The role's inline policies hold ${policySize} characters without whitespace; IAM allows ${INLINE_POLICY_MAX_CHARACTERS}.`,
    );
  }

  const { templateUrl } = input;
  if (templateUrl !== undefined && templateObject(templateUrl) === null) {
    throw new ArtefactError(
      'templateUrl',
      'invalidFormat',
      'The template URL must be the https Amazon S3 URL of an object, of at most 1,024 characters.',
    );
  }

  for (const stackSet of input.plan.stackSets) {
    if (!STACK_SET_NAME_PATTERN.test(stackSetNameForKey(input.stackSetName, stackSet.key))) {
      throw new ArtefactError(
        'stackSetName',
        'invalidFormat',
        'The StackSet name must start with a letter and hold only letters, digits and hyphens, at most 128 characters.',
      );
    }
  }
  if (input.plan.managementAccount.inScope && !STACK_SET_NAME_PATTERN.test(input.stackSetName)) {
    throw new ArtefactError(
      'stackSetName',
      'invalidFormat',
      'The stack name must start with a letter and hold only letters, digits and hyphens, at most 128 characters.',
    );
  }
}
