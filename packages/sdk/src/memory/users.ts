/**
 * The sample platform's user directory: people a connection can be shared with. Emails use
 * `example.com`, which RFC 2606 reserves for examples.
 */
import type { CurrentUser, DirectoryUser } from '@aws-connection-wizard/core';

const NAMES = [
  'Amelia Hart',
  'Diego Ramos',
  'Priya Natarajan',
  'Tom Becker',
  'Yuki Tanaka',
  'Aisha Bello',
  'Bjorn Lindqvist',
  'Carmen Ortega',
  'Dmitri Volkov',
  'Emeka Obi',
  'Fatima Zahra',
  'Grace Liu',
  'Hamish Reid',
  'Ines Moreau',
  'Jonas Weber',
  'Kiri Walker',
  'Lucia Romano',
  'Mateo Fernandez',
  'Noor Haddad',
  'Oliver Brooks',
  'Paula Nowak',
  'Rahul Mehta',
  'Sofia Andersson',
  'Thabo Nkosi',
  'Zoe Martin',
] as const;

function emailFor(name: string): string {
  return `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;
}

export const SAMPLE_USERS: readonly DirectoryUser[] = NAMES.map((name) => ({
  name,
  email: emailFor(name),
}));

/** The signed-in user of the sample platform: a CloudFlow Owner, so the wizard opens. */
export const SAMPLE_CURRENT_USER: CurrentUser = {
  name: NAMES[0],
  email: emailFor(NAMES[0]),
  permissions: ['cloudflow.owner'],
};

/** Case-insensitive search on name and email; an empty query lists everyone. Sorted by name. */
export function searchDirectory(users: readonly DirectoryUser[], query: string): DirectoryUser[] {
  const needle = query.trim().toLowerCase();

  return users
    .filter(
      (user) =>
        needle === '' ||
        user.name.toLowerCase().includes(needle) ||
        user.email.toLowerCase().includes(needle),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
