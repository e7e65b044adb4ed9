import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  allowedActionKey,
  allowedActionWarnings,
  checkAllowedActionSyntax,
  grantsPassRole,
  isValidAllowedAction,
  matchesAction,
  normalizeAllowedAction,
  PASS_ROLE_ESCALATION_ACTIONS,
  PRIVILEGE_ESCALATION_ACTIONS,
} from './actions';

describe('given allowed actions as typed', () => {
  it('should trim and lower-case the service prefix only', () => {
    expect(normalizeAllowedAction('  S3:GetObject ')).toBe('s3:GetObject');
    expect(normalizeAllowedAction('EC2:describe*')).toBe('ec2:describe*');
    expect(normalizeAllowedAction(' * ')).toBe('*');
    expect(normalizeAllowedAction('noColon')).toBe('noColon');
    expect(normalizeAllowedAction('   ')).toBe('');
  });

  it('should compare them as IAM does, ignoring case', () => {
    expect(allowedActionKey('IAM:ListAccessKeys')).toBe(allowedActionKey('iam:listaccesskeys'));
    expect(allowedActionKey('s3:GetObject')).not.toBe(allowedActionKey('s3:GetObjectAcl'));
  });
});

describe('given the action syntax', () => {
  it('should accept `*` and service:name with wildcards anywhere in the name', () => {
    for (const action of [
      '*',
      's3:GetObject',
      'S3:getobject',
      'iam:*AccessKey*',
      'ec2:Describe?nstances',
      's3:*',
      'partnercentral-account-management:ListThings',
      'vpc-lattice:Create-Thing',
      'ec2:*',
    ]) {
      expect(isValidAllowedAction(action)).toBe(true);
    }
  });

  it('should name what is wrong', () => {
    expect(checkAllowedActionSyntax('s3')).toBe('action.invalid');
    expect(checkAllowedActionSyntax('**')).toBe('action.invalid');
    expect(checkAllowedActionSyntax(':GetObject')).toBe('action.invalidServicePrefix');
    expect(checkAllowedActionSyntax('s3 :GetObject')).toBe('action.invalidServicePrefix');
    expect(checkAllowedActionSyntax('*:GetObject')).toBe('action.invalidServicePrefix');
    expect(checkAllowedActionSyntax('s_3:GetObject')).toBe('action.invalidServicePrefix');
    expect(checkAllowedActionSyntax('s3:')).toBe('action.invalid');
    expect(checkAllowedActionSyntax('s3:Get Object')).toBe('action.invalidName');
    expect(checkAllowedActionSyntax('s3:GetObject:x')).toBe('action.invalidName');
    expect(checkAllowedActionSyntax('s3:$(id)')).toBe('action.invalidName');
    expect(checkAllowedActionSyntax('s3:"GetObject"')).toBe('action.invalidName');
    expect(checkAllowedActionSyntax('s3:GetÖbject')).toBe('action.invalidName');
  });
});

describe('given wildcard matching', () => {
  it('should match as IAM does: any run for `*`, one character for `?`, any case', () => {
    expect(matchesAction('*', 'iam:PassRole')).toBe(true);
    expect(matchesAction('iam:*', 'iam:PassRole')).toBe(true);
    expect(matchesAction('IAM:pass*', 'iam:PassRole')).toBe(true);
    expect(matchesAction('iam:Put*Policy', 'iam:PutRolePolicy')).toBe(true);
    expect(matchesAction('iam:Put*Policy', 'iam:PutRolePermissionsBoundary')).toBe(false);
    expect(matchesAction('iam:Pass?ole', 'iam:PassRole')).toBe(true);
    expect(matchesAction('iam:Pass?ole', 'iam:PassRRole')).toBe(false);
    expect(matchesAction('iam:Pass', 'iam:PassRole')).toBe(false);
    expect(matchesAction('ia?:PassRole', 'iam:PassRole')).toBe(true);
    expect(matchesAction('iam:PassRole', 'iamxPassRole')).toBe(false);
  });
});

describe('given risky allowed actions', () => {
  it('should warn once about `*`', () => {
    expect(allowedActionWarnings('*', true)).toEqual([{ code: 'action.wildcardAll' }]);
  });

  it('should warn about a whole service and about wildcards in a name', () => {
    expect(allowedActionWarnings('s3:*', false)).toEqual([
      { code: 'action.serviceWildcard', params: { service: 's3' } },
    ]);
    expect(allowedActionWarnings('ec2:Describe*', false)).toEqual([
      { code: 'action.nameWildcard' },
    ]);
    expect(allowedActionWarnings('ec2:DescribeInstances', false)).toEqual([]);
  });

  it('should find escalating actions behind wildcards', () => {
    expect(allowedActionWarnings('iam:PassRole', false)).toEqual([
      { code: 'action.privilegeEscalation', params: { actions: 'iam:PassRole', count: 1 } },
    ]);
    expect(allowedActionWarnings('iam:Put*', false)).toEqual([
      { code: 'action.nameWildcard' },
      {
        code: 'action.privilegeEscalation',
        params: {
          actions:
            'iam:PutRolePolicy, iam:PutUserPolicy, iam:PutGroupPolicy, iam:PutRolePermissionsBoundary, iam:PutUserPermissionsBoundary',
          count: 5,
        },
      },
    ]);
    expect(allowedActionWarnings('IAM:attach*policy', false)[1]?.params).toEqual({
      actions: 'iam:AttachRolePolicy, iam:AttachUserPolicy, iam:AttachGroupPolicy',
      count: 3,
    });
    const iamAll = allowedActionWarnings('iam:*', false);
    expect(iamAll[0]).toEqual({ code: 'action.serviceWildcard', params: { service: 'iam' } });
    expect(iamAll[1]?.params?.count).toBe(
      PRIVILEGE_ESCALATION_ACTIONS.filter((action) => action.startsWith('iam:')).length,
    );
    expect(allowedActionWarnings('sts:AssumeRol?', false)[1]?.params?.actions).toBe(
      'sts:AssumeRole',
    );
    expect(allowedActionWarnings('iam:ListRoles', false)).toEqual([]);
    expect(allowedActionWarnings('sts:AssumeRoleWithSAML', false)).toEqual([]);
  });

  it('should warn about actions that run code as a passed role only when iam:PassRole is granted', () => {
    expect(allowedActionWarnings('ec2:RunInstances', false)).toEqual([]);
    expect(allowedActionWarnings('ec2:RunInstances', true)).toEqual([
      { code: 'action.passRoleEscalation', params: { actions: 'ec2:RunInstances', count: 1 } },
    ]);
    expect(allowedActionWarnings('lambda:*', true).map((warning) => warning.code)).toEqual([
      'action.serviceWildcard',
      'action.privilegeEscalation',
      'action.passRoleEscalation',
    ]);
  });

  it('should tell when a set of allowed actions grants iam:PassRole', () => {
    expect(grantsPassRole(['ec2:RunInstances', 'iam:Pass*'])).toBe(true);
    expect(grantsPassRole(['*'])).toBe(true);
    expect(grantsPassRole(['ec2:RunInstances', 'iam:List*'])).toBe(false);
  });
});

describe('given the actions AWS publishes, as cfn-lint ships them', () => {
  const cfnLintData = execFileSync(
    'python3',
    ['-c', 'import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), "data"))'],
    { encoding: 'utf8' },
  ).trim();
  const services = JSON.parse(
    readFileSync(join(cfnLintData, 'AdditionalSpecs', 'Policies.json'), 'utf8'),
  ) as Record<string, { Actions: Record<string, unknown> }>;
  const allActions = Object.entries(services).flatMap(([prefix, service]) =>
    Object.keys(service.Actions).map((name) => `${prefix}:${name}`),
  );

  it('should list only actions that exist', () => {
    for (const action of [...PRIVILEGE_ESCALATION_ACTIONS, ...PASS_ROLE_ESCALATION_ACTIONS]) {
      const [prefix = '', name = ''] = action.split(':');
      expect(Object.keys(services[prefix]?.Actions ?? {}), action).toContain(name.toLowerCase());
    }
  });

  it('should accept the syntax of every published action', () => {
    const refused = allActions.filter((action) => !isValidAllowedAction(action));
    expect(refused).toEqual([]);
  });

  it('should match a wildcard against exactly the published actions it covers', () => {
    const putPolicies = allActions.filter((action) => matchesAction('iam:Put*Policy', action));
    expect(putPolicies.sort()).toEqual([
      'iam:putgrouppolicy',
      'iam:putrolepolicy',
      'iam:putuserpolicy',
    ]);
  });
});
