import { defaultIssueMessages } from './wizardMessages';

describe('given the default issue messages', () => {
  it('should write limits as the field hints do, with thousands separated', () => {
    expect(defaultIssueMessages['description.tooLong']({ max: 1000 })).toBe(
      'Use at most 1,000 characters.',
    );
    expect(defaultIssueMessages['managedPolicy.arnTooLong']({ length: 2100, max: 2048 })).toBe(
      'This ARN is 2,100 characters long; IAM accepts at most 2,048.',
    );
  });
});
