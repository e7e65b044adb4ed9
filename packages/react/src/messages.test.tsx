import { render, screen } from '@testing-library/react';

import { MessagesProvider, defaultMessages, useMessages } from './messages';

function Probe() {
  const messages = useMessages();
  return (
    <p>
      {messages.copy} | {messages.treeAccountCount({ count: 1 })} |{' '}
      {messages.treeAccountCount({ count: 1200 })}
    </p>
  );
}

describe('given no provider', () => {
  it('should use the English defaults', () => {
    render(<Probe />);

    expect(screen.getByText('Copy | 1 account | 1,200 accounts')).toBeInTheDocument();
  });
});

describe('given nested providers', () => {
  it('should let the inner provider override single keys and keep the rest', () => {
    render(
      <MessagesProvider messages={{ copy: 'Copier' }}>
        <MessagesProvider
          messages={{ treeAccountCount: ({ count }) => `${count} compte${count > 1 ? 's' : ''}` }}
        >
          <Probe />
        </MessagesProvider>
      </MessagesProvider>,
    );

    expect(screen.getByText('Copier | 1 compte | 1200 comptes')).toBeInTheDocument();
  });
});

describe('given the default messages', () => {
  it('should hold only non-empty strings or functions', () => {
    for (const [key, message] of Object.entries(defaultMessages)) {
      const kind = typeof message;
      expect([key, kind === 'string' || kind === 'function']).toEqual([key, true]);
      if (kind === 'string') expect([key, (message as string).trim()]).not.toEqual([key, '']);
    }
  });
});
