/** *Start over* throws away everything entered, so it asks once, in place, before it does. */
import * as React from 'react';

import { useWizardMessages } from '../wizardMessages';

export function StartOver({ onConfirm }: { onConfirm: () => void }) {
  const messages = useWizardMessages();
  const [asking, setAsking] = React.useState(false);
  const keepRef = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        className="awcw-button"
        data-variant="ghost"
        onClick={() => setAsking(true)}
      >
        {messages.discardDraft}
      </button>
    );
  }
  return (
    <span className="awcw-row" role="group" aria-label={messages.discardDraftQuestion}>
      <span>{messages.discardDraftQuestion}</span>
      <button
        ref={keepRef}
        type="button"
        className="awcw-button"
        data-variant="secondary"
        onClick={() => setAsking(false)}
      >
        {messages.discardDraftCancel}
      </button>
      <button type="button" className="awcw-button" data-variant="primary" onClick={onConfirm}>
        {messages.discardDraftConfirm}
      </button>
    </span>
  );
}
