/**
 * The whole wizard on the in-memory adapters, as the react tests render it: no debounce, no
 * latency, a draft store of its own per render, and a user-event session.
 */
import type { Connection } from '@aws-connection-wizard/core';
import { createInMemoryAdapters, memoryDraftStore } from '@aws-connection-wizard/sdk';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as React from 'react';

import { AwsConnectionWizard } from '../AwsConnectionWizard';

/** Timings that let a test move on at once: checks, saves and searches start without waiting. */
export const FAST = {
  nameCheckDelayMs: 0,
  draftSaveDelayMs: 0,
  userSearchDelayMs: 0,
  statusPollIntervalMs: 10,
};

export function renderWizard(
  options: Parameters<typeof createInMemoryAdapters>[0] = {},
  props: Partial<React.ComponentProps<typeof AwsConnectionWizard>> = {},
) {
  const adapters = createInMemoryAdapters({
    latencyMs: 0,
    activationDelayMs: 30,
    draftStore: memoryDraftStore(),
    ...options,
  });
  const onComplete = vi.fn<(connection: Connection) => void>();
  const view = render(
    <AwsConnectionWizard adapters={adapters} onComplete={onComplete} {...FAST} {...props} />,
  );
  return { ...view, adapters, onComplete, user: userEvent.setup() };
}
