/**
 * A picture of every step of the example host console, on the sdk's sample organisations, as a
 * reader of the README sees it. `npm run screenshots` writes them to docs/screenshots; a plain
 * test run writes them to a temporary folder, so the walk and its checks run without changing
 * the repository.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID } from '@aws-connection-wizard/sdk';
import type { Locator, Page } from 'playwright-core';

import { findAxeViolations, launchBrowser, REPOSITORY_ROOT, startPreview } from './harness';
import type { BrowserSession, ServerProcess } from './harness';

const UPDATE = process.env.SCREENSHOTS === 'update';
const VIEWPORT = { width: 1280, height: 900 };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The open step's own *Next* (a closing step may still show its own for a moment). */
async function next(page: Page) {
  await page
    .locator('.awcw-accordion-content[data-state="open"]')
    .getByRole('button', { name: 'Next', exact: true })
    .click();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('given the example host console on the sample organisations', () => {
  let preview: ServerProcess;
  let session: BrowserSession;
  let outputDir: string;

  beforeAll(async () => {
    preview = await startPreview();
    session = await launchBrowser({ viewport: VIEWPORT });
    outputDir = UPDATE
      ? path.join(REPOSITORY_ROOT, 'docs/screenshots')
      : await mkdtemp(path.join(tmpdir(), 'aws-connection-wizard-screenshots-'));
    await mkdir(outputDir, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await preview?.stop();
    if (outputDir && !UPDATE) await rm(outputDir, { recursive: true, force: true });
  });

  it('should show every step as it should look, and keep a picture of each', async () => {
    const { page } = session;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(preview.url, { waitUntil: 'networkidle' });
    await page.evaluate(() => localStorage.clear());
    await page.reload({ waitUntil: 'networkidle' });

    const shots: string[] = [];
    const capture = async (number: number, name: string) => {
      // Let the accordion finish opening and focus rings settle before the picture.
      await page.locator('.awcw-accordion-content[data-state="open"]').waitFor();
      await page.mouse.move(0, 0);
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        // Lists that scroll on their own (the organisation tree) are shown from their top.
        for (const element of document.querySelectorAll('.awcw-accordion-content *')) {
          if (element.scrollTop > 0) element.scrollTop = 0;
        }
      });
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running'),
      );
      expect(await findAxeViolations(page)).toEqual([]);
      const file = path.join(outputDir, `step-${number}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      shots.push(file);
    };

    await page.getByRole('button', { name: 'Create connection' }).click();
    await page.getByRole('button', { name: 'Create a connection', exact: true }).click();

    // The toolbar's leading button lines its text up with the wizard's title.
    const [titleLeft, buttonTextLeft] = await Promise.all([
      leftEdge(page.locator('.awcw-wizard-title')),
      textLeftEdge(page.getByRole('button', { name: 'Change how to connect' })),
    ]);
    expect(buttonTextLeft).toBe(titleLeft);

    // 1. Details
    await page.getByRole('textbox', { name: /Connection name/ }).fill('Clinical workloads');
    await page.getByText('Available', { exact: true }).waitFor();
    await page
      .getByRole('textbox', { name: /Description/ })
      .fill('Cost and inventory reads for the clinical teams.');
    await capture(1, 'details');
    await next(page);

    // 2. Scope
    await page
      .getByRole('combobox', { name: /Management account/ })
      .selectOption(CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID);
    const tree = page.getByRole('tree');
    await tree.waitFor();
    for (const name of ['Sandbox', 'Security']) {
      const unit = tree.getByRole('treeitem', { name, exact: true });
      await unit.click();
      await expect(unit.getAttribute('aria-checked')).resolves.toBe('true');
    }
    // Show all lines its text up with the list it opens.
    const covered = page.getByRole('region', { name: 'Scope summary' });
    const [listLeft, showAllLeft] = await Promise.all([
      leftEdge(covered.locator('.awcw-summary-list').first()),
      textLeftEdge(covered.getByRole('button', { name: /^Show all/ })),
    ]);
    expect(showAllLeft).toBe(listLeft);
    await capture(2, 'scope');
    await next(page);

    // 3. Policies and permissions
    await page.getByRole('searchbox', { name: 'Search AWS managed policies' }).fill('ReadOnly');
    await page.getByRole('checkbox', { name: 'ReadOnlyAccess', exact: true }).click();
    await page.getByRole('textbox', { name: 'Allowed action 1' }).fill('ce:GetCostAndUsage');
    await page.getByRole('button', { name: 'Add another allowed action' }).click();
    await page.getByRole('textbox', { name: 'Allowed action 2' }).fill('s3:GetObject');
    await capture(3, 'policies');
    await next(page);

    // 4. Deploy to AWS
    await page.getByRole('group', { name: 'Create the StackSet' }).waitFor();
    await capture(4, 'deploy');
    await next(page);

    // 5. User access
    await page.getByRole('button', { name: 'Add another account' }).click();
    const email = page.getByRole('combobox', { name: 'Email of user 2' });
    await email.fill('grace');
    await page.getByRole('option', { name: /grace\.liu@example\.com/ }).click();
    await page.getByRole('button', { name: 'Add another account' }).click();
    await page.getByRole('combobox', { name: 'Email of user 3' }).fill('sam@example.com');
    await page.getByRole('combobox', { name: 'Email of user 3' }).blur();
    await page.getByText(/sam@example\.com is not a user of this platform/).waitFor();
    await capture(5, 'access');

    expect(pageErrors).toEqual([]);
    expect(shots.map((file) => path.basename(file))).toEqual([
      'step-1-details.png',
      'step-2-scope.png',
      'step-3-policies.png',
      'step-4-deploy.png',
      'step-5-access.png',
    ]);
    for (const file of shots) {
      const png = await readFile(file);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      const size = pngSize(png);
      expect(size.width).toBe(VIEWPORT.width);
      expect(size.height).toBeGreaterThanOrEqual(VIEWPORT.height);
    }
  }, 300_000);
});

/** Where an element's box starts, in whole pixels from the viewport's left. */
function leftEdge(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Math.round(element.getBoundingClientRect().left));
}

/** Where an element's text starts, leaving out its padding. */
function textLeftEdge(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return Math.round(range.getBoundingClientRect().left);
  });
}
