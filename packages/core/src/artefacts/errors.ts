/**
 * The one error the artefact generators throw: a value that no generated artefact could carry
 * with its exact meaning. Validation of user input lives in the step schemas and `policies/`;
 * this is the last line of defence, so an artefact never says something the input did not.
 */

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
