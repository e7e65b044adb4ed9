/**
 * Step 5, User access: who may use the connection and at which access level. The creator stays
 * on as Owner. Directory suggestions come through the wizard's own user search.
 */
import type { DirectoryUser } from '@aws-connection-wizard/core';
import { getWizardView } from '@aws-connection-wizard/core';
import * as React from 'react';
import { waitFor } from 'xstate';

import { useWizardSettings } from '../WizardSettings';
import { AccessEditor } from '../components/AccessEditor';
import { useWizardActorRef, useWizardSenders, useWizardView } from '../WizardContext';
import { useIssueText, useWizardMessages } from '../wizardMessages';

export function AccessStep() {
  const messages = useWizardMessages();
  const issueText = useIssueText();
  const access = useWizardView((view) => view.access);
  const { accessLevels } = useWizardSettings();
  const senders = useWizardSenders();
  const actorRef = useWizardActorRef('AccessStep');

  // The editor asks for suggestions with a promise; answer it from the machine's debounced
  // search, so every directory call goes through the adapter, with its timeout and retries.
  const searchUsers = React.useCallback(
    async (query: string): Promise<readonly DirectoryUser[]> => {
      senders.searchUsers(query);
      const snapshot = await waitFor(actorRef, (next) => {
        const search = getWizardView(next).access.search;
        return search.query === query && (search.status === 'ready' || search.status === 'failed');
      });
      const search = getWizardView(snapshot).access.search;
      if (search.status === 'failed') throw new Error(search.failure?.detail ?? 'Search failed');
      return search.value;
    },
    [actorRef, senders],
  );
  const rowErrors = access.entries.map(
    (_, row) =>
      issueText(access.issues[`access.${row}.email`]) ??
      issueText(access.issues[`access.${row}.level`]),
  );

  return (
    <div className="awcw-form">
      {/* The step's title says "User access"; the list's own label says what its rows are. */}
      <AccessEditor
        label={messages.accessListLabel}
        hint={messages.accessHint}
        value={access.entries}
        onValueChange={senders.setAccess}
        onCommit={senders.commitAccess}
        levels={accessLevels}
        creatorEmail={access.creatorEmail}
        searchUsers={searchUsers}
        errors={rowErrors}
        error={issueText(access.issues.access)}
      />
    </div>
  );
}
