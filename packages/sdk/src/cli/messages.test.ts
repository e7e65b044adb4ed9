import { ArtefactError, artefactErrorIssue } from '@aws-connection-wizard/core';

import { issueMessage } from './messages';

function messageFor(error: ArtefactError): string {
  const issue = artefactErrorIssue(error);
  return issueMessage(issue.code, issue.params);
}

describe('given a value the artefacts cannot carry', () => {
  it('should state the StackSet naming rule when the StackSet name breaks it', () => {
    expect(messageFor(new ArtefactError('stackSetName', 'invalidFormat', ''))).toBe(
      'must start with a letter and hold only letters, digits and hyphens, at most 128 characters, to name a StackSet and a stack (stackSetName).',
    );
  });

  it('should say what is wrong, not only that something is', () => {
    expect(messageFor(new ArtefactError('roleName', 'unrepresentableCharacter', ''))).toBe(
      'holds a character the artefacts cannot write exactly (roleName).',
    );
    expect(messageFor(new ArtefactError('description', 'tooLong', ''))).toBe(
      'is longer than AWS accepts in that place of the artefacts (description).',
    );
    expect(messageFor(new ArtefactError('templateUrl', 'invalidFormat', ''))).toBe(
      'must be the https Amazon S3 URL of an object, of at most 1,024 characters (templateUrl).',
    );
  });
});
