/**
 * The one error the artefact generators throw: a value that no generated artefact could carry
 * with its exact meaning. Validation of user input lives in the step schemas and `policies/`;
 * this is the last line of defence, so an artefact never says something the input did not.
 */

import type { ValidationIssue } from '../model/validation';

/** The input field that could not be represented, named as in `ArtefactInput`. */
export type ArtefactErrorCode =
  | 'connectionName'
  | 'description'
  | 'roleName'
  | 'trustedAccountId'
  | 'externalId'
  | 'region'
  | 'managedPolicyArns'
  | 'allowedActions'
  | 'stackSetName'
  | 'templateUrl'
  | 'template';

export type ArtefactErrorReason =
  /** A character the target format or AWS cannot hold exactly (e.g. a lone surrogate). */
  | 'unrepresentableCharacter'
  /** Longer than AWS accepts in that place. */
  | 'tooLong'
  /** Not of the form AWS requires there (e.g. a StackSet name). */
  | 'invalidFormat';

export class ArtefactError extends Error {
  override readonly name = 'ArtefactError';

  constructor(
    /** The input field at fault. */
    readonly code: ArtefactErrorCode,
    readonly reason: ArtefactErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** CloudFormation's limit on an inline template (`--template-body`), in bytes. */
const TEMPLATE_BODY_MAX_BYTES = 51_200;
/** IAM's limit on a role's inline policies together, in characters without whitespace. */
const INLINE_POLICIES_MAX_CHARACTERS = 10_240;

/** The error as a translatable issue, for a UI or a CLI to show in its own words. */
export function artefactErrorIssue(error: Pick<ArtefactError, 'code' | 'reason'>): ValidationIssue {
  if (error.code === 'template') {
    return { code: 'template.tooLarge', params: { max: TEMPLATE_BODY_MAX_BYTES } };
  }
  if (error.code === 'allowedActions' && error.reason === 'tooLong') {
    return {
      code: 'policies.inlinePolicyTooLarge',
      params: { max: INLINE_POLICIES_MAX_CHARACTERS },
    };
  }
  return { code: 'artefact.invalidInput', params: { field: error.code, reason: error.reason } };
}
