/**
 * The end-to-end harness: local servers on loopback, the AWS API emulator seeded with an
 * organisation, the built example app, and Debian's Chromium.
 */
export { aws, awsEnvironment, runBash, startMoto } from './aws';
export type { CommandResult, MotoServer } from './aws';
export { findAxeViolations, launchBrowser } from './browser';
export type { AxeViolationSummary, BrowserSession } from './browser';
export { readOrganization, seedOrganization } from './organization';
export type { AccountStateDifference, SeededOrganization } from './organization';
export { EXAMPLE_APP_ROOT, REPOSITORY_ROOT, startPreview } from './preview';
export { findFreePort, isRunning, LOOPBACK, startServer } from './processes';
export type { ServerProcess } from './processes';
export { EXAMPLE_GLOBAL, exampleInitScript } from './example';
export { describeFocus, tabTo } from './keyboard';
export type { ExampleFixture } from './example';
