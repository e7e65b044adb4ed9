/**
 * Before the steps, when the platform is already connected to one of the management accounts:
 * create a dedicated connection (five steps) or reuse the existing permissions (two).
 */
import type { ConnectionPath } from '@aws-connection-wizard/core';
import * as React from 'react';

import { useWizardSenders } from '../WizardContext';
import { useWizardFocus } from '../WizardFocus';
import { useWizardMessages } from '../wizardMessages';

export function ChoosePath() {
  const messages = useWizardMessages();
  const { choosePath } = useWizardSenders();
  // Back from the steps with *Change how to connect*, whose button is gone: focus goes to the first path.
  const firstPath = React.useRef<HTMLButtonElement>(null);
  const focus = useWizardFocus();
  React.useEffect(() => {
    if (focus.wasLost()) firstPath.current?.focus();
  }, [focus]);
  const paths: { path: ConnectionPath; title: string; description: string }[] = [
    {
      path: 'dedicatedRole',
      title: messages.choosePathDedicatedRole,
      description: messages.choosePathDedicatedRoleDescription,
    },
    {
      path: 'existingPermissions',
      title: messages.choosePathExistingPermissions,
      description: messages.choosePathExistingPermissionsDescription,
    },
  ];

  return (
    <section className="awcw-paths" aria-labelledby="awcw-paths-title">
      <h3 id="awcw-paths-title" className="awcw-section-title">
        {messages.choosePathTitle}
      </h3>
      <ul className="awcw-path-list">
        {paths.map((option, index) => (
          <li key={option.path}>
            <button
              ref={index === 0 ? firstPath : undefined}
              type="button"
              className="awcw-path-card"
              onClick={() => choosePath(option.path)}
              aria-labelledby={`awcw-path-${option.path}-title`}
              aria-describedby={`awcw-path-${option.path}-description`}
            >
              <span id={`awcw-path-${option.path}-title`} className="awcw-path-title">
                {option.title}
              </span>
              <span id={`awcw-path-${option.path}-description`} className="awcw-path-description">
                {option.description}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
