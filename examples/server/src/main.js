// The reference backend of the AWS connection wizard: the sdk's REST handlers mounted on hono,
// connections in SQLite, the organisation and deployment status from AWS through the AWS SDK v3.
// Against real AWS it uses the usual AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID…); with
// AWS_ENDPOINT_URL it talks to a local emulator instead, which SEED_ORGANIZATION=northwind fills
// with the sdk's Northwind sample first.
//
// Sign-in is a stand-in: a request's `Authorization: Bearer <email>` names one of the sample
// users. A real host reads its own session in `getCaller`.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';

import {
  NORTHWIND_ORGANIZATION,
  SAMPLE_CURRENT_USER,
  SAMPLE_TRUSTED_ACCOUNT_ID,
  SAMPLE_USERS,
  externalIdFor,
  toAwsOrganizationJson,
} from '@aws-connection-wizard/sdk';
import {
  createAwsSdkAdapter,
  createConnectionHandlers,
  createOrganizationsClient,
  createSqliteConnectionStore,
  readOrganizationFromAws,
  seedEmulatorOrganization,
} from '@aws-connection-wizard/sdk/server';

const port = Number(process.env.PORT ?? 8787);
const endpoint = process.env.AWS_ENDPOINT_URL;
const allowedOrigin = process.env.ALLOWED_ORIGIN ?? 'http://127.0.0.1:5173';
const basePath = '/api';

if (process.env.SEED_ORGANIZATION === 'northwind') {
  if (endpoint === undefined || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(endpoint)) {
    throw new Error('SEED_ORGANIZATION creates accounts: it needs AWS_ENDPOINT_URL on loopback');
  }
  const seeded = await seedEmulatorOrganization(
    toAwsOrganizationJson(NORTHWIND_ORGANIZATION),
    createOrganizationsClient(endpoint),
  );
  process.stdout.write(
    `Seeded Northwind: ${seeded.organization.accounts.length} accounts, ${seeded.organization.organizationalUnits.length} OUs\n`,
  );
}

// The platform onboards the management account the credentials reach.
const organization = await readOrganizationFromAws({ endpoint });
const managementAccountId = organization.managementAccountId;

const store = createSqliteConnectionStore({ filename: process.env.DATABASE ?? ':memory:' });
const users = [SAMPLE_CURRENT_USER, ...SAMPLE_USERS.map((user) => ({ ...user, permissions: [] }))];

const handle = createConnectionHandlers({
  basePath,
  store,
  aws: createAwsSdkAdapter({
    endpoint,
    managementAccounts: [
      { accountId: managementAccountId, name: 'Management account', connected: false },
    ],
    deploymentSettings: (accountId) => ({
      trustedAccountId: process.env.TRUSTED_ACCOUNT_ID ?? SAMPLE_TRUSTED_ACCOUNT_ID,
      externalId: externalIdFor(accountId),
      region: process.env.STACK_SET_REGION ?? 'us-east-1',
      regionLocked: false,
    }),
  }),
  getCaller: (request) => {
    const email = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
    return users.find((user) => user.email === email) ?? null;
  },
  searchUsers: (query) => {
    const needle = query.trim().toLowerCase();
    return SAMPLE_USERS.filter(
      (user) => user.email.includes(needle) || user.name.toLowerCase().includes(needle),
    ).slice(0, 20);
  },
  onError: (error) => process.stderr.write(`${error instanceof Error ? error.stack : error}\n`),
});

const app = new Hono();
app.use(
  `${basePath}/*`,
  cors({
    origin: allowedOrigin,
    allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  }),
);
app.get('/health', (context) => context.json({ ok: true, managementAccountId }));
app.all(`${basePath}/*`, (context) => handle(context.req.raw));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  process.stdout.write(
    `Reference backend at http://127.0.0.1:${info.port}${basePath} (management account ${managementAccountId})\n`,
  );
});

const stop = () => {
  server.close(() => {
    store.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
