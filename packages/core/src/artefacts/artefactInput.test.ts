import { EMPTY_SCOPE } from '../model/values';
import type { WizardValues } from '../model/values';
import { indexOrganization, planDeployment } from '../scope';
import { ROOT_MANAGED } from '../testing/smallOrganizations';
import { buildArtefactInput, resolveRegion } from './artefactInput';

const index = indexOrganization(ROOT_MANAGED);
const plan = planDeployment(index, { ...EMPTY_SCOPE, selected: [index.rootId] });
const settings = { trustedAccountId: '068664126052', externalId: 'ext-1234', region: 'us-east-1' };

const values: Pick<WizardValues, 'details' | 'policies' | 'region'> = {
  details: {
    connectionName: '  Prod Finance  ',
    roleNameSuffix: 'prod.finance',
    roleNameEdited: true,
    description: ' Reads costs \n',
  },
  policies: {
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    allowedActions: [
      ' ec2:DescribeInstances ',
      '',
      'EC2:describeinstances',
      'not an action',
      's3:*',
    ],
  },
  region: null,
};

describe('given the values of the five steps', () => {
  it('should give the generators trimmed names, the full role name and a valid StackSet name', () => {
    const input = buildArtefactInput(values, plan, settings);

    expect(input.connectionName).toBe('Prod Finance');
    expect(input.description).toBe('Reads costs');
    expect(input.roleName).toBe('doit-cloudflow-prod.finance');
    // `.` is allowed in role names but not in StackSet names.
    expect(input.stackSetName).toMatch(/^doit-cloudflow-prod-finance-[0-9a-f]{8}$/);
    expect(input.plan).toBe(plan);
  });

  it('should pass only the valid allowed actions, once each, in the order entered', () => {
    const input = buildArtefactInput(values, plan, settings);

    expect(input.allowedActions).toEqual(['ec2:DescribeInstances', 's3:*']);
    expect(input.managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it("should use the Region chosen in the Deploy step, else the platform's", () => {
    expect(buildArtefactInput(values, plan, settings).region).toBe('us-east-1');
    expect(buildArtefactInput({ ...values, region: 'eu-west-1' }, plan, settings).region).toBe(
      'eu-west-1',
    );
    expect(resolveRegion({ region: null }, { region: 'ap-south-1' })).toBe('ap-south-1');
  });

  it("should carry the platform's trust settings and template URL unchanged", () => {
    const templateUrl = 'https://bucket.s3.amazonaws.com/role.yaml';
    const input = buildArtefactInput(values, plan, { ...settings, templateUrl });

    expect(input).toMatchObject({ trustedAccountId: '068664126052', externalId: 'ext-1234' });
    expect(input.templateUrl).toBe(templateUrl);
    expect('templateUrl' in buildArtefactInput(values, plan, settings)).toBe(false);
  });
});
