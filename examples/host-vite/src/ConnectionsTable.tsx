import type { Connection } from '@aws-connection-wizard/core';

const STATUS_LABELS: Record<Connection['status'], string> = {
  pending: 'Creating',
  active: 'Active',
  failed: 'Failed',
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The scope in a few words: what is targeted and how many accounts it covers today. */
function describeScope({ awsConfig }: Connection): string {
  const parts = [
    plural(awsConfig.resolvedAccountIds.length, 'account', 'accounts'),
    plural(awsConfig.scopeTargetedOrganizationalUnitIds.length, 'OU', 'OUs'),
  ];
  if (awsConfig.scopeExcludedAccountIds.length > 0) {
    parts.push(`${awsConfig.scopeExcludedAccountIds.length} excluded`);
  }
  return parts.join(', ');
}

export interface ConnectionsTableProps {
  connections: readonly Connection[];
}

export function ConnectionsTable({ connections }: ConnectionsTableProps) {
  if (connections.length === 0) {
    return (
      <p className="host-empty">
        No connections yet. Create one to let the platform work in your AWS Organization.
      </p>
    );
  }

  return (
    <table className="host-table">
      <caption className="host-visually-hidden">AWS connections</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Management account</th>
          <th scope="col">Scope</th>
          <th scope="col">Status</th>
          <th scope="col">Collaborators</th>
        </tr>
      </thead>
      <tbody>
        {connections.map((connection) => (
          <tr key={connection.id}>
            <th scope="row">{connection.name}</th>
            <td>
              <code>{connection.awsConfig.roleName}</code>
            </td>
            <td>
              <code>{connection.awsConfig.managementAccount}</code>
            </td>
            <td>{describeScope(connection)}</td>
            <td>
              <span className="host-status" data-status={connection.status}>
                {STATUS_LABELS[connection.status]}
              </span>
            </td>
            <td>
              <ul className="host-collaborators">
                {connection.collaborators.map((collaborator) => (
                  <li key={collaborator.email}>
                    {collaborator.email} <span className="host-muted">({collaborator.role})</span>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
