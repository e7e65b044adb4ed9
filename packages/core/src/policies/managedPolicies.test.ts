import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  DEFAULT_MANAGED_POLICIES,
  DEFAULT_MANAGED_POLICY_QUOTA,
  effectiveManagedPolicyQuota,
  isManagedPolicyArn,
  isServiceLinkedPolicyArn,
  MANAGED_POLICY_ARN_PATTERN,
  MAX_MANAGED_POLICY_QUOTA,
  managedPolicyName,
} from './managedPolicies';

describe('given managed policy ARNs', () => {
  it('should accept AWS managed policies in every partition, with or without a path', () => {
    for (const arn of [
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
      'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
      'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
      'arn:aws-us-gov:iam::aws:policy/SecurityAudit',
      'arn:aws:iam::aws:policy/AWSMarketplaceRead-only',
    ]) {
      expect(isManagedPolicyArn(arn), arn).toBe(true);
    }
  });

  it('should refuse customer policies, other partitions and malformed ARNs', () => {
    for (const arn of [
      'arn:aws:iam::123456789012:policy/Mine',
      'arn:aws-iso:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:role/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/',
      'arn:aws:iam::aws:policy//ReadOnlyAccess',
      'arn:aws:iam::aws:policy/Read Only',
      ' arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/ReadOnlyAccess\n',
      `arn:aws:iam::aws:policy/${'a'.repeat(129)}`,
      'ReadOnlyAccess',
    ]) {
      expect(isManagedPolicyArn(arn), arn).toBe(false);
    }
    expect(MANAGED_POLICY_ARN_PATTERN.test(`arn:aws:iam::aws:policy/${'a'.repeat(128)}`)).toBe(
      true,
    );
  });

  it('should recognise service-linked role policies and name policies', () => {
    expect(
      isServiceLinkedPolicyArn(
        'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
      ),
    ).toBe(true);
    expect(isServiceLinkedPolicyArn('arn:aws:iam::aws:policy/service-role/AWS_ConfigRole')).toBe(
      false,
    );
    expect(managedPolicyName('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(
      'ViewOnlyAccess',
    );
  });
});

describe('given the managed policy quota', () => {
  it('should default to 10 and never exceed 20', () => {
    expect(effectiveManagedPolicyQuota()).toBe(DEFAULT_MANAGED_POLICY_QUOTA);
    expect(DEFAULT_MANAGED_POLICY_QUOTA).toBe(10);
    expect(effectiveManagedPolicyQuota(15)).toBe(15);
    expect(effectiveManagedPolicyQuota(25)).toBe(MAX_MANAGED_POLICY_QUOTA);
    expect(MAX_MANAGED_POLICY_QUOTA).toBe(20);
    expect(effectiveManagedPolicyQuota(-3)).toBe(0);
    expect(effectiveManagedPolicyQuota(12.7)).toBe(12);
    expect(effectiveManagedPolicyQuota(Number.NaN)).toBe(10);
  });
});

describe('given the built-in managed policies', () => {
  it('should offer about forty distinct, attachable policies', () => {
    const arns = DEFAULT_MANAGED_POLICIES.map((policy) => policy.arn);
    expect(arns.length).toBeGreaterThanOrEqual(40);
    expect(new Set(arns).size).toBe(arns.length);
    for (const policy of DEFAULT_MANAGED_POLICIES) {
      expect(isManagedPolicyArn(policy.arn), policy.arn).toBe(true);
      expect(isServiceLinkedPolicyArn(policy.arn), policy.arn).toBe(false);
      expect(policy.name).toBe(managedPolicyName(policy.arn));
      expect(policy.description).toMatch(/^[A-Z].+\.$/);
    }
  });

  it('should use the exact ARNs AWS publishes, as cfn-lint ships them', () => {
    const cfnLintData = execFileSync(
      'python3',
      ['-c', 'import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), "data"))'],
      { encoding: 'utf8' },
    ).trim();
    const published = JSON.parse(
      readFileSync(join(cfnLintData, 'Serverless', 'ManagedPolicies.json'), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(published).length).toBeGreaterThan(1000);
    for (const policy of DEFAULT_MANAGED_POLICIES) {
      expect(published[policy.name], policy.name).toBe(policy.arn);
    }
  });
});
