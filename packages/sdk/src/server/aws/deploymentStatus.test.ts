import type { StackInstanceSummary, StackSetOperation } from '@aws-sdk/client-cloudformation';

import { managementStackResult, toAccountResults } from './deploymentStatus';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const D = '444444444444';

function instance(
  Account: string,
  DetailedStatus: string | undefined,
  extra: Partial<StackInstanceSummary> = {},
): StackInstanceSummary {
  return {
    Account,
    Region: 'us-east-1',
    Status: DetailedStatus === 'SUCCEEDED' ? 'CURRENT' : 'OUTDATED',
    ...(DetailedStatus === undefined
      ? {}
      : { StackInstanceStatus: { DetailedStatus: DetailedStatus as never } }),
    LastOperationId: 'op-1',
    ...extra,
  };
}

describe('given stack instances and the operation they last ran', () => {
  it('should report failed instances even when the operation succeeded', () => {
    const operations = new Map<string, StackSetOperation>([
      ['op-1', { OperationId: 'op-1', Status: 'SUCCEEDED' }],
    ]);
    const results = toAccountResults(
      [A, B, C, D],
      [
        instance(A, 'SUCCEEDED'),
        instance(B, 'FAILED', { StatusReason: 'Role doit-cloudflow-x already exists' }),
        instance(C, 'SKIPPED_SUSPENDED_ACCOUNT'),
      ],
      operations,
    );

    expect(results).toEqual([
      { accountId: A, status: 'succeeded' },
      { accountId: B, status: 'failed', reason: 'Role doit-cloudflow-x already exists' },
      { accountId: C, status: 'skipped', reason: 'SKIPPED_SUSPENDED_ACCOUNT' },
      { accountId: D, status: 'notDeployed' },
    ]);
  });

  it('should report waiting instances of a stopped or failed operation as failed', () => {
    const stopped = new Map<string, StackSetOperation>([
      [
        'op-1',
        { OperationId: 'op-1', Status: 'FAILED', StatusReason: 'Failure tolerance exceeded' },
      ],
    ]);
    const running = new Map<string, StackSetOperation>([
      ['op-1', { OperationId: 'op-1', Status: 'RUNNING' }],
    ]);
    const instances = [instance(A, 'PENDING'), instance(B, 'CANCELLED')];

    expect(toAccountResults([A, B], instances, stopped)).toEqual([
      { accountId: A, status: 'failed', reason: 'Failure tolerance exceeded' },
      { accountId: B, status: 'failed', reason: 'Failure tolerance exceeded' },
    ]);
    expect(toAccountResults([A], instances, running)).toEqual([
      { accountId: A, status: 'inProgress' },
    ]);
  });

  it('should keep the least advanced result of an account in several StackSets', () => {
    const results = toAccountResults(
      [A],
      [instance(A, 'SUCCEEDED'), instance(A, 'RUNNING', { LastOperationId: 'op-2' })],
      new Map(),
    );
    expect(results).toEqual([{ accountId: A, status: 'inProgress' }]);
  });

  it('should fall back to the summary status when there is no detailed one', () => {
    expect(
      toAccountResults(
        [A, B],
        [
          instance(A, undefined, { Status: 'CURRENT' }),
          instance(B, undefined, { Status: 'INOPERABLE' }),
        ],
        new Map(),
      ),
    ).toEqual([
      { accountId: A, status: 'succeeded' },
      { accountId: B, status: 'failed', reason: 'INOPERABLE' },
    ]);
  });
});

describe('given the management-account stack', () => {
  it('should map CloudFormation stack statuses', () => {
    expect(managementStackResult(A, undefined, undefined).status).toBe('notDeployed');
    expect(managementStackResult(A, 'CREATE_IN_PROGRESS', undefined).status).toBe('inProgress');
    expect(managementStackResult(A, 'CREATE_COMPLETE', undefined).status).toBe('succeeded');
    expect(managementStackResult(A, 'ROLLBACK_IN_PROGRESS', 'Role exists')).toEqual({
      accountId: A,
      status: 'failed',
      reason: 'Role exists',
    });
    expect(managementStackResult(A, 'ROLLBACK_COMPLETE', undefined)).toEqual({
      accountId: A,
      status: 'failed',
      reason: 'ROLLBACK_COMPLETE',
    });
  });
});

describe('given every stack status CloudFormation reports', () => {
  // CloudFormation User Guide, "Stack status codes": the role exists after a create, an update,
  // an update rolled back to the previous working state, an import, and their cleanups.
  const expected: Record<string, string> = {
    CREATE_IN_PROGRESS: 'inProgress',
    CREATE_FAILED: 'failed',
    CREATE_COMPLETE: 'succeeded',
    ROLLBACK_IN_PROGRESS: 'failed',
    ROLLBACK_FAILED: 'failed',
    ROLLBACK_COMPLETE: 'failed',
    DELETE_IN_PROGRESS: 'failed',
    DELETE_FAILED: 'failed',
    DELETE_COMPLETE: 'failed',
    UPDATE_IN_PROGRESS: 'inProgress',
    UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: 'succeeded',
    UPDATE_COMPLETE: 'succeeded',
    UPDATE_FAILED: 'failed',
    UPDATE_ROLLBACK_IN_PROGRESS: 'failed',
    UPDATE_ROLLBACK_FAILED: 'failed',
    UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS: 'succeeded',
    UPDATE_ROLLBACK_COMPLETE: 'succeeded',
    REVIEW_IN_PROGRESS: 'inProgress',
    IMPORT_IN_PROGRESS: 'inProgress',
    IMPORT_COMPLETE: 'succeeded',
    IMPORT_ROLLBACK_IN_PROGRESS: 'failed',
    IMPORT_ROLLBACK_FAILED: 'failed',
    IMPORT_ROLLBACK_COMPLETE: 'failed',
  };

  it('should say the role exists exactly where the stack holds it', () => {
    const actual = Object.fromEntries(
      Object.keys(expected).map((status) => [
        status,
        managementStackResult(A, status, undefined).status,
      ]),
    );
    expect(actual).toEqual(expected);
  });
});
