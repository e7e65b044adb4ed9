import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { isAdapterError } from '../errors';
import { createHttpAdapters } from './httpAdapters';

/** Adapters whose backend answers every request with `answer(request)`, recording the requests. */
function adaptersAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const adapters = createHttpAdapters({
    baseUrl: 'https://console.example/api/aws/',
    headers: { 'x-csrf-token': 't0k3n' },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      return answer(request);
    },
  });
  return { adapters, requests };
}

const call = () => ({ signal: new AbortController().signal });

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  if (!isAdapterError(error)) throw new Error(`Expected an AdapterError, got ${String(error)}`);
  return { kind: error.kind, retryable: error.retryable, message: error.message };
}

describe('given a backend that follows the contract', () => {
  it('should send the paths, query, headers and idempotency key the contract names', async () => {
    const { adapters, requests } = adaptersAnswering((request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/organization')) return Response.json(NORTHWIND_ORGANIZATION);
      if (url.pathname.endsWith('/availability')) return Response.json({ available: false });
      return Response.json([]);
    });

    const organization = await adapters.aws.getOrganization(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    const available = await adapters.connections.isNameAvailable({ name: 'Prod & Co' }, call());
    await adapters.directory.searchUsers({ query: 'ada@' }, call());

    expect(organization).toEqual(NORTHWIND_ORGANIZATION);
    expect(available).toBe(false);
    expect(requests.map((request) => request.url)).toEqual([
      `https://console.example/api/aws/management-accounts/${NORTHWIND_MANAGEMENT_ACCOUNT_ID}/organization`,
      'https://console.example/api/aws/connection-names/availability?name=Prod+%26+Co',
      'https://console.example/api/aws/users?query=ada%40',
    ]);
    expect(requests[0]?.headers.get('x-csrf-token')).toBe('t0k3n');
  });

  it('should keep the template URL the platform hosts large templates at', async () => {
    const settings = {
      trustedAccountId: '068664126052',
      externalId: 'tenant-acme',
      region: 'eu-west-1',
      regionLocked: true,
      templateUrl: 'https://templates.s3.eu-west-1.amazonaws.com/role.yaml',
    };
    const { adapters, requests } = adaptersAnswering(() => Response.json(settings));

    const answer = await adapters.aws.getDeploymentSettings(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );

    expect(answer).toEqual(settings);
    expect(new URL(requests[0]!.url).pathname).toBe(
      `/api/aws/management-accounts/${NORTHWIND_MANAGEMENT_ACCOUNT_ID}/deployment-settings`,
    );
  });

  it('should read an empty draft (204) as none', async () => {
    const { adapters } = adaptersAnswering(() => new Response(null, { status: 204 }));
    expect(
      await adapters.drafts.load({ ...call(), userEmail: 'amelia.hart@example.com' }),
    ).toBeNull();
  });
});

describe('given a backend that fails or answers wrongly', () => {
  it('should keep the kind the server named in its problem details', async () => {
    const { adapters } = adaptersAnswering(() =>
      Response.json(
        {
          title: 'Conflict',
          status: 409,
          detail: 'A connection named "Prod" already exists',
          kind: 'conflict',
        },
        { status: 409, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    expect(
      await failureOf(adapters.connections.getConnection({ connectionId: 'c1' }, call())),
    ).toEqual({
      kind: 'conflict',
      retryable: false,
      message: 'A connection named "Prod" already exists',
    });
  });

  it('should read the kind from the status when the body is not problem details', async () => {
    const cases: [number, string, boolean][] = [
      [401, 'forbidden', false],
      [404, 'notFound', false],
      [429, 'throttled', true],
      [502, 'invalidResponse', false],
      [503, 'unavailable', true],
      [504, 'timeout', true],
    ];
    for (const [status, kind, retryable] of cases) {
      const { adapters } = adaptersAnswering(
        () => new Response('<html>proxy error</html>', { status }),
      );
      const failure = await failureOf(adapters.aws.listManagementAccounts(call()));
      expect([status, failure.kind, failure.retryable]).toEqual([status, kind, retryable]);
    }
  });

  it('should refuse an answer that breaks core’s schemas', async () => {
    const { adapters } = adaptersAnswering(() =>
      Response.json({ ...NORTHWIND_ORGANIZATION, managementAccountId: '12345' }),
    );
    const failure = await failureOf(
      adapters.aws.getOrganization({ managementAccountId: '123456789012' }, call()),
    );
    expect(failure.kind).toBe('invalidResponse');
    expect(failure.message).toContain('managementAccountId');
  });

  it('should report an unreachable backend as unavailable, and an abort as the abort', async () => {
    const unreachable = adaptersAnswering(() => {
      throw new TypeError('fetch failed');
    });
    expect((await failureOf(unreachable.adapters.directory.getCurrentUser(call()))).kind).toBe(
      'unavailable',
    );

    const controller = new AbortController();
    const slow = adaptersAnswering(
      (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    );
    const pending = slow.adapters.directory.getCurrentUser({ signal: controller.signal });
    controller.abort(new Error('user moved on'));
    await expect(pending).rejects.toThrow('user moved on');
  });
});
