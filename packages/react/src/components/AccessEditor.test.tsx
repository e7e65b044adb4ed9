import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import * as React from 'react';

import type { AccessEntry, DirectoryUser } from '@aws-connection-wizard/core';
import { createInMemoryAdapters } from '@aws-connection-wizard/sdk';

import { AccessEditor } from './AccessEditor';

const LEVELS = [
  { value: 'owner', label: 'Owner' },
  { value: 'editor', label: 'Editor' },
  { value: 'user', label: 'User' },
];
const CREATOR = 'amelia.hart@platform.example';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

function Controlled(props: {
  initial: AccessEntry[];
  searchUsers?: (query: string) => Promise<readonly DirectoryUser[]>;
  suggestions?: DirectoryUser[];
  onValueChange?: (value: AccessEntry[]) => void;
  onCommit?: (row: number) => void;
}) {
  const [value, setValue] = React.useState(props.initial);
  return (
    <AccessEditor
      value={value}
      onValueChange={(next) => {
        setValue(next);
        props.onValueChange?.(next);
      }}
      levels={LEVELS}
      creatorEmail={CREATOR}
      searchUsers={props.searchUsers}
      suggestions={props.suggestions}
      onCommit={props.onCommit}
    />
  );
}

describe('given the creator and one more user', () => {
  it('should mark the creator, keep the row fixed and let others be removed', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const { container } = render(
      <Controlled
        initial={[
          { email: CREATOR, level: 'owner' },
          { email: 'diego@platform.example', level: 'editor' },
        ]}
        onValueChange={onValueChange}
      />,
    );

    expect(screen.getByText('You')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Access level of user 1' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Remove user 1/ })).toBeNull();
    await expectNoAxeViolations(container);

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Access level of user 2' }),
      'User',
    );
    expect(onValueChange).toHaveBeenLastCalledWith([
      { email: CREATOR, level: 'owner' },
      { email: 'diego@platform.example', level: 'user' },
    ]);
    await user.click(
      screen.getByRole('button', { name: 'Remove user 2 (diego@platform.example)' }),
    );
    expect(onValueChange).toHaveBeenLastCalledWith([{ email: CREATOR, level: 'owner' }]);
    expect(screen.getByRole('button', { name: 'Add another account' })).toHaveFocus();
  });
});

describe('given the creator types their own email into another row', () => {
  it('should keep that row editable and removable, so the duplicate can be fixed', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <Controlled
        initial={[
          { email: CREATOR, level: 'owner' },
          { email: ` ${CREATOR.toUpperCase()} `, level: 'user' },
        ]}
        onValueChange={onValueChange}
      />,
    );

    expect(screen.getAllByText('You')).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'Access level of user 2' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: /Remove user 2/ }));

    expect(onValueChange).toHaveBeenLastCalledWith([{ email: CREATOR, level: 'owner' }]);
  });
});

describe('given the in-memory user directory', () => {
  it('should suggest users as the user types and fill the chosen email with the keyboard', async () => {
    const user = userEvent.setup();
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const searchUsers = (query: string) =>
      adapters.directory.searchUsers({ query }, { signal: new AbortController().signal });
    const onValueChange = vi.fn();
    const { container } = render(
      <Controlled
        initial={[{ email: CREATOR, level: 'owner' }]}
        searchUsers={searchUsers}
        onValueChange={onValueChange}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Add another account' }));
    const email = screen.getByRole('combobox', { name: 'Email of user 2' });
    expect(email).toHaveFocus();
    await user.keyboard('die');
    await waitFor(() => expect(email).toHaveAttribute('aria-expanded', 'true'));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThan(0);
    await expectNoAxeViolations(container);
    await user.keyboard('{ArrowDown}');
    expect(email).toHaveAttribute('aria-activedescendant', options[0].id);
    const chosen = options[0].querySelector('.awcw-muted')!.textContent;
    await user.keyboard('{Enter}');
    expect(email).toHaveValue(chosen);
    expect(email).toHaveAttribute('aria-expanded', 'false');
    expect(onValueChange).toHaveBeenLastCalledWith([
      { email: CREATOR, level: 'owner' },
      { email: chosen, level: 'user' },
    ]);
  });

  it('should say when the search fails and keep what was typed', async () => {
    const user = userEvent.setup();
    const searchUsers = () => Promise.reject(new Error('directory unavailable'));
    render(<Controlled initial={[{ email: '', level: 'user' }]} searchUsers={searchUsers} />);

    await user.type(screen.getByRole('combobox', { name: 'Email of user 1' }), 'x@y.example');
    expect(
      await screen.findByText("Couldn't search users. You can still type a full email address."),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Email of user 1' })).toHaveValue('x@y.example');
  });
});

describe('given a fixed list of suggestions', () => {
  it('should filter them locally and leave out emails already in the list', async () => {
    const user = userEvent.setup();
    render(
      <Controlled
        initial={[
          { email: CREATOR, level: 'owner' },
          { email: '', level: 'user' },
        ]}
        suggestions={[
          { email: CREATOR, name: 'Amelia Hart' },
          { email: 'amir@platform.example', name: 'Amir Haddad' },
        ]}
      />,
    );

    await user.type(screen.getByRole('combobox', { name: 'Email of user 2' }), 'am');
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Amir Haddadamir@platform.example']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Email of user 2' })).toHaveValue('am');
  });
});

describe('given a row whose email the user edits', () => {
  it('should report the row as done when the field is left or a suggestion chosen, not per keystroke', async () => {
    const user = userEvent.setup();
    const onCommit = vi.fn<(row: number) => void>();
    render(
      <Controlled
        initial={[
          { email: CREATOR, level: 'owner' },
          { email: '', level: 'user' },
          { email: '', level: 'user' },
        ]}
        suggestions={[{ email: 'diego.ramos@platform.example', name: 'Diego Ramos' }]}
        onCommit={onCommit}
      />,
    );

    await user.click(screen.getByRole('combobox', { name: 'Email of user 2' }));
    await user.keyboard('someone@platform');
    expect(onCommit).not.toHaveBeenCalled();
    await user.tab();
    expect(onCommit.mock.calls).toEqual([[1]]);

    onCommit.mockClear();
    await user.click(screen.getByRole('combobox', { name: 'Email of user 3' }));
    await user.keyboard('diego');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('combobox', { name: 'Email of user 3' })).toHaveValue(
      'diego.ramos@platform.example',
    );
    expect(onCommit.mock.calls).toEqual([[2]]);
  });
});
