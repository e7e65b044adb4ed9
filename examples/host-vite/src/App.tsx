/**
 * A host cloud-operations console with the wizard embedded the way a customer would: the
 * Connections page lists what exists and shows `<AwsConnectionWizard/>` in the main column when
 * the user asks to create a connection.
 */
import type { Connection, CurrentUser } from '@aws-connection-wizard/core';
import { AwsConnectionWizard } from '@aws-connection-wizard/react';
import '@aws-connection-wizard/react/styles.css';
import { useEffect, useRef, useState } from 'react';

import { adapters } from './adapters';
import { ConnectionsTable } from './ConnectionsTable';

const NAVIGATION = [
  { id: 'overview', label: 'Overview' },
  { id: 'connections', label: 'Connections' },
  { id: 'automations', label: 'Automations' },
  { id: 'settings', label: 'Settings' },
] as const;

async function loadConnections(): Promise<readonly Connection[]> {
  return adapters.listConnections();
}

export function App() {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [connections, setConnections] = useState<readonly Connection[]>([]);
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The wizard takes focus to its title when it opens; once it closes, focus goes back to the
  // button that opened it rather than to the top of the page.
  const createButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (creating || !returnFocus.current) return;
    returnFocus.current = false;
    createButton.current?.focus();
  }, [creating]);

  useEffect(() => {
    const controller = new AbortController();
    adapters.directory.getCurrentUser({ signal: controller.signal }).then(setUser, () => null);
    loadConnections().then(setConnections, () => null);
    return () => controller.abort();
  }, []);

  // A new connection is `pending` until the platform has finished creating it.
  const hasPending = connections.some((connection) => connection.status === 'pending');
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => loadConnections().then(setConnections, () => null), 1_000);
    return () => clearInterval(timer);
  }, [hasPending]);

  const handleComplete = (connection: Connection) => {
    returnFocus.current = true;
    setCreating(false);
    setAnnouncement(`Connection “${connection.name}” created.`);
    loadConnections().then(setConnections, () => null);
  };

  const handleCancel = () => {
    returnFocus.current = true;
    setCreating(false);
    setAnnouncement('');
  };

  return (
    <div className="host-shell">
      <header className="host-header">
        <span className="host-product">Northwind Cloud Console</span>
        <span className="host-user">{user ? `${user.name} · ${user.email}` : 'Signing in…'}</span>
      </header>
      <nav className="host-nav" aria-label="Main">
        <ul>
          {NAVIGATION.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`} aria-current={item.id === 'connections' ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="host-main">
        <div className="host-page-header">
          <h1>Connections</h1>
          {!creating && (
            <button
              ref={createButton}
              type="button"
              className="host-button"
              onClick={() => setCreating(true)}
            >
              Create connection
            </button>
          )}
        </div>
        <p role="status" className="host-announcement">
          {announcement}
        </p>
        {creating ? (
          <AwsConnectionWizard
            adapters={adapters}
            onboardingHref="#settings"
            onComplete={handleComplete}
            onCancel={handleCancel}
          />
        ) : (
          <ConnectionsTable connections={connections} />
        )}
      </main>
    </div>
  );
}
