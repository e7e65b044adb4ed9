/**
 * Where Debian's Chromium lives and how it is launched, shared by the storybook vitest project
 * and the end-to-end harness. Playwright's own browser download is not used: Debian's build is
 * driven directly through `executablePath`.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, sandbox-free (tests run as root), and quiet on the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
