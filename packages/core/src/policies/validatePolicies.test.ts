import { loadIamActionCatalogue } from './actionCatalogue';
import { validatePolicies } from './validatePolicies';

const readOnly = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

function arnsNamed(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `arn:aws:iam::aws:policy/Policy${index}`);
}

describe('given nothing to grant', () => {
  it('should require a managed policy or an allowed action', () => {
    expect(validatePolicies({ managedPolicyArns: [], allowedActions: [] }).errors).toEqual({
      policies: { code: 'policies.empty' },
    });
    expect(validatePolicies({ managedPolicyArns: [], allowedActions: ['', '  '] }).errors).toEqual({
      policies: { code: 'policies.empty' },
    });
  });

  it('should be satisfied by managed policies alone or allowed actions alone', () => {
    expect(validatePolicies({ managedPolicyArns: [readOnly], allowedActions: [''] })).toEqual({
      errors: {},
      warnings: {},
      allowedActions: [],
      managedPolicyArns: [readOnly],
      managedPolicyCount: 1,
      managedPolicyQuota: 10,
      unlistedActions: [],
    });
    expect(
      validatePolicies({ managedPolicyArns: [], allowedActions: ['ce:GetCostAndUsage'] }).errors,
    ).toEqual({});
  });

  it('should let an invalid row speak for itself rather than call the step empty', () => {
    expect(validatePolicies({ managedPolicyArns: [], allowedActions: ['s3'] }).errors).toEqual({
      'policies.allowedActions.0': { code: 'action.invalid' },
    });
  });
});

describe('given allowed actions typed in any case, with blanks and repeats', () => {
  const report = validatePolicies({
    managedPolicyArns: [],
    allowedActions: [
      ' S3:GetObject ',
      '',
      'ec2:DescribeInstances',
      's3:getobject',
      'EC2:DESCRIBEINSTANCES',
      'bad action',
      'ce:GetCostAndUsage',
    ],
  });

  it('should keep each action once, normalised, in first-seen order', () => {
    expect(report.allowedActions).toEqual([
      's3:GetObject',
      'ec2:DescribeInstances',
      'ce:GetCostAndUsage',
    ]);
  });

  it('should flag each later repeat with the row it repeats, and invalid rows', () => {
    expect(report.errors).toEqual({
      'policies.allowedActions.3': { code: 'action.duplicate', params: { row: 0 } },
      'policies.allowedActions.4': { code: 'action.duplicate', params: { row: 2 } },
      'policies.allowedActions.5': { code: 'action.invalid' },
    });
  });
});

describe('given risky allowed actions', () => {
  it('should warn on the rows that carry the risk, without blocking', () => {
    const report = validatePolicies({
      managedPolicyArns: [],
      allowedActions: ['*', 's3:*', 'ec2:Describe*', 'iam:PassRole', 'ec2:RunInstances', '*'],
    });
    expect(report.errors).toEqual({
      'policies.allowedActions.5': { code: 'action.duplicate', params: { row: 0 } },
    });
    expect(report.warnings).toEqual({
      'policies.allowedActions.0': [{ code: 'action.wildcardAll' }],
      'policies.allowedActions.1': [{ code: 'action.serviceWildcard', params: { service: 's3' } }],
      'policies.allowedActions.2': [{ code: 'action.nameWildcard' }],
      'policies.allowedActions.3': [
        { code: 'action.privilegeEscalation', params: { actions: 'iam:PassRole', count: 1 } },
      ],
      'policies.allowedActions.4': [
        { code: 'action.passRoleEscalation', params: { actions: 'ec2:RunInstances', count: 1 } },
      ],
    });
  });

  it('should not warn about launching instances when no role can be passed', () => {
    const report = validatePolicies({
      managedPolicyArns: [],
      allowedActions: ['ec2:RunInstances'],
    });
    expect(report.warnings).toEqual({});
  });

  it('should take iam:PassRole granted by a wildcard row into account', () => {
    const report = validatePolicies({
      managedPolicyArns: [],
      allowedActions: ['lambda:CreateFunction', 'iam:Pass*'],
    });
    expect(report.warnings['policies.allowedActions.0']).toEqual([
      { code: 'action.passRoleEscalation', params: { actions: 'lambda:CreateFunction', count: 1 } },
    ]);
  });

  it('should warn about broad managed policies', () => {
    const report = validatePolicies({
      managedPolicyArns: [readOnly, 'arn:aws:iam::aws:policy/AdministratorAccess'],
      allowedActions: [],
    });
    expect(report.warnings).toEqual({
      'policies.managedPolicyArns.1': [
        { code: 'managedPolicy.broadAccess', params: { name: 'AdministratorAccess' } },
      ],
    });
  });
});

describe('given managed policy ARNs', () => {
  it('should refuse malformed, service-linked and repeated ARNs', () => {
    const report = validatePolicies({
      managedPolicyArns: [
        readOnly,
        'arn:aws:iam::123456789012:policy/Mine',
        'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
        readOnly,
      ],
      allowedActions: [],
    });
    expect(report.errors).toEqual({
      'policies.managedPolicyArns.1': { code: 'managedPolicy.invalidArn' },
      'policies.managedPolicyArns.2': {
        code: 'managedPolicy.serviceLinked',
        params: { name: 'AWSSupportServiceRolePolicy' },
      },
      'policies.managedPolicyArns.3': { code: 'managedPolicy.duplicate', params: { row: 0 } },
    });
    expect(report.managedPolicyArns).toEqual([readOnly]);
  });

  it('should hold the count within the default quota of 10', () => {
    expect(
      validatePolicies({ managedPolicyArns: arnsNamed(10), allowedActions: [] }).errors,
    ).toEqual({});
    expect(
      validatePolicies({ managedPolicyArns: arnsNamed(11), allowedActions: [] }).errors,
    ).toEqual({
      'policies.managedPolicyArns': {
        code: 'managedPolicies.quotaExceeded',
        params: { quota: 10, count: 11 },
      },
    });
  });

  it('should count a repeated ARN once against the quota', () => {
    const arns = [...arnsNamed(10), 'arn:aws:iam::aws:policy/Policy0'];
    expect(
      validatePolicies({ managedPolicyArns: arns, allowedActions: [] }).errors[
        'policies.managedPolicyArns'
      ],
    ).toBeUndefined();
  });

  it('should use a raised quota, up to 20', () => {
    const policies = { managedPolicyArns: arnsNamed(15), allowedActions: [] };
    expect(validatePolicies(policies, { managedPolicyQuota: 15 }).errors).toEqual({});
    expect(
      validatePolicies(
        { managedPolicyArns: arnsNamed(21), allowedActions: [] },
        {
          managedPolicyQuota: 50,
        },
      ).errors['policies.managedPolicyArns'],
    ).toEqual({ code: 'managedPolicies.quotaExceeded', params: { quota: 20, count: 21 } });
    expect(validatePolicies(policies, { managedPolicyQuota: undefined }).errors).toEqual({
      'policies.managedPolicyArns': {
        code: 'managedPolicies.quotaExceeded',
        params: { quota: 10, count: 15 },
      },
    });
  });
});

describe("given managed policy ARNs at IAM's limits and in other partitions", () => {
  const arn = (path: string) => `arn:aws:iam::aws:policy/${path}`;

  it('should refuse a path longer than 512 characters and an ARN longer than 2,048', () => {
    const path512 = `${'p'.repeat(510)}/`; // '/' + 510 + '/' = 512
    const path513 = `${'p'.repeat(511)}/`;
    const { errors } = validatePolicies({
      managedPolicyArns: [
        arn(`${path512}Ok`),
        arn(`${path513}TooDeep`),
        arn(`${'a/'.repeat(1100)}X`),
      ],
      allowedActions: [],
    });
    expect(errors['policies.managedPolicyArns.0']).toBeUndefined();
    expect(errors['policies.managedPolicyArns.1']).toEqual({
      code: 'managedPolicy.pathTooLong',
      params: { max: 512, length: 513 },
    });
    expect(errors['policies.managedPolicyArns.2']).toEqual({
      code: 'managedPolicy.arnTooLong',
      params: { max: 2048, length: arn(`${'a/'.repeat(1100)}X`).length },
    });
  });

  it("should refuse a policy of another partition than the Region's", () => {
    const managedPolicyArns = [
      'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
      'arn:aws-us-gov:iam::aws:policy/SecurityAudit',
      arn('IAMReadOnlyAccess'),
    ];
    const commercial = validatePolicies(
      { managedPolicyArns, allowedActions: [] },
      {
        region: 'us-east-1',
      },
    ).errors;
    expect(commercial).toEqual({
      'policies.managedPolicyArns.0': {
        code: 'managedPolicy.partitionMismatch',
        params: { partition: 'aws-cn', region: 'us-east-1', expected: 'aws' },
      },
      'policies.managedPolicyArns.1': {
        code: 'managedPolicy.partitionMismatch',
        params: { partition: 'aws-us-gov', region: 'us-east-1', expected: 'aws' },
      },
    });
    const govCloud = validatePolicies(
      { managedPolicyArns, allowedActions: [] },
      {
        region: 'us-gov-west-1',
      },
    ).errors;
    expect(Object.keys(govCloud)).toEqual([
      'policies.managedPolicyArns.0',
      'policies.managedPolicyArns.2',
    ]);
    // Without a Region the partition cannot be judged yet.
    expect(validatePolicies({ managedPolicyArns, allowedActions: [] }).errors).toEqual({});
  });
});

describe('given the IAM action catalogue', () => {
  it('should name the allowed actions it does not list, for the template to tell cfn-lint', async () => {
    const iamActions = await loadIamActionCatalogue();
    const report = validatePolicies(
      {
        managedPolicyArns: [],
        allowedActions: ['s3:GetObject', 'foo:Bar', 's3:GetObjectt', 'ec2:Describe*Zebra*', '*'],
      },
      { iamActions },
    );
    expect(report.unlistedActions).toEqual(['foo:Bar', 's3:GetObjectt', 'ec2:Describe*Zebra*']);
    expect(
      validatePolicies({ managedPolicyArns: [], allowedActions: ['foo:Bar'] }).unlistedActions,
    ).toEqual([]);
  });
});
