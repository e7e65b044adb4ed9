import type { Organization } from '@aws-connection-wizard/core';
import type { Page } from 'playwright-core';

import {
  exampleInitScript,
  findAxeViolations,
  launchBrowser,
  seedOrganization,
  startMoto,
  startPreview,
} from './harness';
import type { BrowserSession, MotoServer, SeededOrganization, ServerProcess } from './harness';

const MANAGEMENT_ACCOUNT_ID = '222222222222';

const GIVEN: Organization = {
  id: 'o-givenorg000',
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  root: { id: 'r-given', name: 'Root' },
  organizationalUnits: [{ id: 'ou-given-workloads', name: 'Workloads', parentId: 'r-given' }],
  accounts: [
    {
      id: MANAGEMENT_ACCOUNT_ID,
      name: 'Management',
      email: 'management@example.com',
      state: 'ACTIVE',
      parentId: 'r-given',
    },
    {
      id: '000000000001',
      name: 'Workload one',
      email: 'one@example.com',
      state: 'ACTIVE',
      parentId: 'ou-given-workloads',
    },
  ],
};

describe('given the example host console on an organisation seeded into the emulator', () => {
  let moto: MotoServer;
  let seeded: SeededOrganization;
  let preview: ServerProcess;
  let session: BrowserSession;

  beforeAll(async () => {
    // The preview first: without a built example there is nothing to seed for.
    preview = await startPreview();
    moto = await startMoto({ accountId: MANAGEMENT_ACCOUNT_ID });
    seeded = await seedOrganization(moto, GIVEN);
    session = await launchBrowser();
    await session.context.addInitScript(
      exampleInitScript({ organizations: [seeded.organization] }),
    );
  });

  afterAll(async () => {
    await session?.close();
    await preview?.stop();
    await moto?.stop();
  });

  it('should show the Connections page with no accessibility violations', async () => {
    const { page } = session;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(preview.url, { waitUntil: 'networkidle' });

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Connections',
    );
    await expect(
      page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]').textContent(),
    ).resolves.toBe('Connections');
    expect(await findAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('should open the wizard from the keyboard and return to the list on cancel', async () => {
    const { page } = session;
    await page.goto(preview.url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create connection' }).focus();
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('main').getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ state: 'visible', timeout: 15_000 });
    const wizardShown = await page.getByRole('main').getByRole('region').count();
    const focusedOnOpen = await focusedElement(page);
    await cancel.focus();
    await page.keyboard.press('Enter');

    expect(wizardShown).toBeGreaterThan(0);
    // The button that opened the wizard is gone with it: focus goes to the wizard's title.
    expect(focusedOnOpen).toEqual({ tag: 'H2', text: 'Create your AWS connection' });
    await expect(page.getByRole('button', { name: 'Create connection' }).count()).resolves.toBe(1);
    await expect(page.getByRole('main').getByRole('region').count()).resolves.toBe(0);
    await expect(focusedElement(page)).resolves.toEqual({
      tag: 'BUTTON',
      text: 'Create connection',
    });
  });

  it('should keep focus in the wizard from the path choice to the first field', async () => {
    // A management account already connected: the wizard first asks which path to take.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    onTestFinished(() => context.close());
    await context.addInitScript(
      exampleInitScript({
        organizations: [seeded.organization],
        managementAccounts: [
          { accountId: MANAGEMENT_ACCOUNT_ID, name: 'Management', connected: true },
        ],
      }),
    );
    const page = await context.newPage();
    await page.goto(preview.url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Create connection' }).focus();
    await page.keyboard.press('Enter');
    const path = page.getByRole('button', { name: 'Create a connection', exact: true });
    await path.waitFor({ state: 'visible', timeout: 15_000 });

    await page.keyboard.press('Tab');
    const focusedOnTab = await focusedElement(page);
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: /Connection name/ }).waitFor({ state: 'visible' });
    const focusedOnChoice = await focusedElement(page);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard flows');

    expect(focusedOnTab).toMatchObject({
      tag: 'BUTTON',
      text: expect.stringMatching(/^Create a connection/),
    });
    expect(focusedOnChoice).toMatchObject({
      tag: 'BUTTON',
      text: expect.stringContaining('Details'),
    });
    await expect(page.getByRole('textbox', { name: /Connection name/ }).inputValue()).resolves.toBe(
      'Keyboard flows',
    );
  });
});

/** The focused element's tag and text, to say where the keyboard is. */
async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return { tag: active?.tagName ?? null, text: active?.textContent?.trim() ?? null };
  });
}
