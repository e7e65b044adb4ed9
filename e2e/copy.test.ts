/**
 * Copy and Download in the Deploy step as a host embeds the wizard: the built example console
 * in a cross-origin iframe of a page served over plain http. That frame is not a secure context
 * (a document is one only if all its ancestors are: https://w3c.github.io/webappsec-secure-contexts/),
 * so the asynchronous Clipboard API is absent and Copy must fall back to `execCommand('copy')`;
 * the frame has no `clipboard-write` permission either. The embedding page is named
 * `embedding.test` (RFC 6761 reserves `.test`), which Chromium resolves to 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { findFreePort, LOOPBACK, startPreview } from './harness';
import type { ServerProcess } from './harness';

const EMBEDDING_HOST = 'embedding.test';
const CONNECTION_NAME = `Copy "check" it's $(id) \${HOME}`;
const NORTHWIND_MANAGEMENT_ACCOUNT_ID = '534439589175';

/** The artefacts of a scope that holds the management account, in the order the step shows. */
const BLOCKS = [
  {
    tab: 'CloudFormation StackSet',
    title: 'Create the StackSet',
    extension: '.stackset.sh',
    type: 'text/x-shellscript',
  },
  {
    tab: 'CloudFormation StackSet',
    title: 'Create the role in the management account',
    extension: '.management-account.sh',
    type: 'text/x-shellscript',
  },
  {
    tab: 'CloudFormation StackSet',
    title: 'CloudFormation template',
    extension: '.template.yaml',
    // RFC 9512 registers application/yaml.
    type: 'application/yaml',
  },
  { tab: 'Terraform', title: 'Terraform configuration', extension: '.tf', type: 'text/plain' },
] as const;

function embeddingPage(previewUrl: string): string {
  // No `allow="clipboard-write"`: the frame gets no clipboard permission from its embedder.
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Embedding console</title></head>',
    '<body>',
    '<label>Paste here <textarea id="paste" rows="4" cols="80"></textarea></label>',
    `<iframe title="AWS connection" src="${previewUrl}" width="1260" height="2400"></iframe>`,
    '</body></html>',
  ].join('\n');
}

/** Presses the Next of one step: while steps animate, two may show theirs. */
async function next(wizard: FrameLocator, step: string) {
  await wizard
    .getByRole('region', { name: new RegExp(`^${step}`) })
    .getByRole('button', { name: 'Next' })
    .click();
}

/** Drives the wizard inside the frame from the start to the Deploy step; returns the role name. */
async function openDeployStep(page: Page, embeddingUrl: string): Promise<string> {
  await page.goto(embeddingUrl, { waitUntil: 'networkidle' });
  const wizard = page.frameLocator('iframe');
  await wizard.getByRole('button', { name: 'Create connection' }).click();
  await wizard.getByText('Create a connection', { exact: true }).click();
  await wizard.getByRole('textbox', { name: /Connection name/ }).fill(CONNECTION_NAME);
  await wizard.getByText('Available', { exact: true }).waitFor();
  const roleName = `doit-cloudflow-${await wizard
    .getByRole('textbox', { name: /IAM role name/ })
    .inputValue()}`;
  await next(wizard, 'Step 1: Details');

  await wizard.locator('select').selectOption(NORTHWIND_MANAGEMENT_ACCOUNT_ID);
  await wizard.getByRole('treeitem', { name: /^Root/ }).click();
  await wizard.getByRole('radio', { name: /Include management account/ }).click();
  await next(wizard, 'Step 2: Scope');
  await wizard
    .getByRole('textbox', { name: /^Allowed action/ })
    .first()
    .fill('s3:GetObject');
  await next(wizard, 'Step 3: Policies');
  await wizard.getByRole('group', { name: BLOCKS[0].title }).waitFor();
  return roleName;
}

function wizardFrame(page: Page, previewUrl: string): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(previewUrl));
  if (!frame) throw new Error(`No frame shows ${previewUrl}.`);
  return frame;
}

async function shownCode(wizard: FrameLocator, title: string): Promise<string> {
  return (await wizard.getByRole('group', { name: title }).locator('pre code').textContent()) ?? '';
}

describe('given the wizard in a cross-origin iframe of a page on plain http', () => {
  let preview: ServerProcess;
  let embedding: Server;
  let embeddingUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    preview = await startPreview();
    const port = await findFreePort();
    const html = embeddingPage(preview.url);
    embedding = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    await new Promise<void>((resolve) => embedding.listen(port, LOOPBACK, resolve));
    embeddingUrl = `http://${EMBEDDING_HOST}:${port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${EMBEDDING_HOST} ${LOOPBACK}`],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => embedding?.close(resolve));
    await preview?.stop();
  });

  describe('when the copy fallback works', () => {
    let context: BrowserContext;
    let page: Page;
    let roleName: string;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      // Records the media type of each file offered for download; the download keeps no type.
      await context.addInitScript(() => {
        const createObjectURL = URL.createObjectURL.bind(URL);
        const types: string[] = [];
        Object.assign(window, { downloadTypes: types });
        URL.createObjectURL = (object: Blob | MediaSource) => {
          if (object instanceof Blob) types.push(object.type);
          return createObjectURL(object);
        };
      });
      page = await context.newPage();
      roleName = await openDeployStep(page, embeddingUrl);
    });

    afterAll(() => context?.close());

    it('should run in a frame where the Clipboard API is not offered', async () => {
      const frame = wizardFrame(page, preview.url);
      expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
      expect(
        await frame.evaluate(() => ({
          secure: window.isSecureContext,
          clipboard: typeof navigator.clipboard,
        })),
      ).toEqual({ secure: false, clipboard: 'undefined' });
    });

    it('should put each artefact on the clipboard exactly and say Copied', async () => {
      const wizard = page.frameLocator('iframe');
      const paste = page.locator('#paste');
      for (const { tab, title } of BLOCKS) {
        await wizard.getByRole('tab', { name: tab }).click();
        const block = wizard.getByRole('group', { name: title });
        const code = await shownCode(wizard, title);
        expect(code.length, title).toBeGreaterThan(100);

        await block.getByRole('button', { name: 'Copy' }).click();
        await expect(block.getByRole('status').textContent()).resolves.toBe('Copied');
        await expect(block.getByRole('button', { name: 'Copied' }).count()).resolves.toBe(1);

        await paste.fill('');
        await paste.focus();
        await page.keyboard.press('Control+V');
        expect(await paste.inputValue(), title).toBe(code);
      }
    });

    it('should download each artefact under its own name and type, byte for byte as shown', async () => {
      const wizard = page.frameLocator('iframe');
      const names: string[] = [];
      for (const { tab, title, extension } of BLOCKS) {
        await wizard.getByRole('tab', { name: tab }).click();
        const block = wizard.getByRole('group', { name: title });
        const code = await shownCode(wizard, title);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          block.getByRole('button', { name: 'Download' }).click(),
        ]);
        const name = download.suggestedFilename();
        names.push(name);
        expect(name, title).toBe(`${roleName}${extension}`);
        const bytes = await readFile(await download.path());
        expect(bytes.equals(Buffer.from(code, 'utf8')), title).toBe(true);
      }
      expect(
        await wizardFrame(page, preview.url).evaluate(
          () => (window as unknown as { downloadTypes: string[] }).downloadTypes,
        ),
      ).toEqual(BLOCKS.map(({ type }) => type));
      expect(roleName).toMatch(/^doit-cloudflow-[\w+=,.@-]+$/);
      expect(new Set(names).size).toBe(BLOCKS.length);
    });
  });

  describe('when even the copy fallback is refused', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      // As a browser or an enterprise policy may do: `execCommand('copy')` copies nothing.
      await context.addInitScript(() => {
        document.execCommand = () => false;
      });
      page = await context.newPage();
      await openDeployStep(page, embeddingUrl);
    });

    afterAll(() => context?.close());

    it('should say it could not copy and leave the text selected to copy by hand', async () => {
      const wizard = page.frameLocator('iframe');
      const title = BLOCKS[0].title;
      const block = wizard.getByRole('group', { name: title });
      await block.getByRole('button', { name: 'Copy' }).click();

      await expect(block.getByRole('status').textContent()).resolves.toBe(
        'Copy failed — select the text and copy it',
      );
      await expect(block.getByRole('button', { name: 'Copied' }).count()).resolves.toBe(0);
      const selected = await wizardFrame(page, preview.url).evaluate(() =>
        String(window.getSelection()),
      );
      // A selection's text leaves out the final line break of a <pre> block.
      expect(`${selected}\n`).toBe(await shownCode(wizard, title));
    });
  });
});
