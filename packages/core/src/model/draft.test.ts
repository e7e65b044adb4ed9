import { DRAFT_SCHEMA_VERSION, parseDraft, type Draft } from './draft';
import { EMPTY_SCOPE } from './values';

const ADA = 'ada@example.com';

const draft: Draft = {
  schemaVersion: DRAFT_SCHEMA_VERSION,
  savedAt: '2026-01-01T00:00:00.000Z',
  userEmail: ADA,
  path: 'dedicatedRole',
  values: {
    details: {
      connectionName: 'Prod',
      roleNameSuffix: 'prod',
      roleNameEdited: false,
      description: '',
    },
    managementAccountId: '111111111111',
    scope: EMPTY_SCOPE,
    policies: { managedPolicyArns: [], allowedActions: ['s3:ListBucket'] },
    access: [{ email: ADA, level: 'owner' }],
    region: null,
  },
  openStep: 'scope',
  furthestStep: 'scope',
  submission: null,
};

const { userEmail: _owner, ...unowned } = draft;
const version1 = { ...unowned, schemaVersion: 1 };

describe('given a current draft', () => {
  it('should give it back to its own user, whatever the email’s case', () => {
    expect(parseDraft(JSON.parse(JSON.stringify(draft)), { userEmail: 'Ada@Example.com' })).toEqual(
      draft,
    );
  });

  it('should give nothing to another user', () => {
    expect(parseDraft(draft, { userEmail: 'grace@example.com' })).toBeNull();
  });
});

describe('given a version 1 draft', () => {
  it('should bring it forward for the user whose store held it', () => {
    expect(parseDraft(version1, { userEmail: ADA })).toEqual(draft);
  });

  it('should drop it when a submission was in flight, since its request was not kept', () => {
    const inFlight = { ...version1, submission: { idempotencyKey: 'k', connectionId: null } };

    expect(parseDraft(inFlight, { userEmail: ADA })).toBeNull();
  });
});

describe('given something that is not a draft', () => {
  it.each([null, 'text', { schemaVersion: DRAFT_SCHEMA_VERSION + 1 }, { ...draft, path: 'x' }])(
    'should give nothing for %j',
    (value) => {
      expect(parseDraft(value, { userEmail: ADA })).toBeNull();
    },
  );
});
