/**
 * An email input that suggests platform users as the user types: the WAI-ARIA combobox pattern
 * with a listbox popup and list autocomplete.
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/
 */
import * as React from 'react';

import type { DirectoryUser } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';

const COMBOBOX_NAME = 'EmailCombobox';

/** Wait this long after the last keystroke before asking the directory. */
const SEARCH_DEBOUNCE_MS = 250;
const MAX_SUGGESTIONS = 8;

type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

type EmailComboboxElement = React.ComponentRef<'input'>;

interface EmailComboboxProps extends Omit<
  React.ComponentPropsWithoutRef<'input'>,
  'value' | 'defaultValue' | 'onChange'
> {
  /** The typed or chosen email. */
  value: string;
  /** Called with the text on every edit and with the email of a chosen suggestion. */
  onValueChange: (value: string) => void;
  /** Finds platform users matching the text; takes precedence over `suggestions`. */
  searchUsers?: (query: string) => Promise<readonly DirectoryUser[]>;
  /** A fixed list of users filtered as the user types, when there is no `searchUsers`. @default [] */
  suggestions?: readonly DirectoryUser[];
  /** Emails not to suggest, e.g. those already in other rows (compared case-insensitively). @default [] */
  excludeEmails?: readonly string[];
  /**
   * Called when the user is done with the address: they left the field or chose a suggestion.
   * Check the address here rather than on every keystroke.
   */
  onCommit?: () => void;
}

const EmailCombobox = React.forwardRef<EmailComboboxElement, EmailComboboxProps>(
  function EmailCombobox(props, forwardedRef) {
    const {
      value,
      onValueChange,
      searchUsers,
      suggestions = [],
      excludeEmails = [],
      onCommit,
      id: idProp,
      className,
      onKeyDown,
      onBlur,
      ...inputProps
    } = props;
    const messages = useMessages();
    const generatedId = React.useId();
    const id = idProp ?? generatedId;
    const listboxId = `${id}-listbox`;
    const [open, setOpen] = React.useState(false);
    const [activeIndex, setActiveIndex] = React.useState(-1);
    const [found, setFound] = React.useState<readonly DirectoryUser[]>([]);
    const [status, setStatus] = React.useState<SearchStatus>('idle');
    const request = React.useRef(0);

    React.useEffect(() => {
      if (!searchUsers || !open) return;
      const query = value.trim();
      const ticket = ++request.current;
      if (query === '') {
        setFound([]);
        setStatus('idle');
        return;
      }
      setStatus('loading');
      const timer = setTimeout(() => {
        searchUsers(query).then(
          (users) => {
            // Answers to older keystrokes arrive late sometimes; only the newest one counts.
            if (ticket !== request.current) return;
            setFound(users);
            setStatus('ready');
          },
          () => {
            if (ticket !== request.current) return;
            setFound([]);
            setStatus('error');
          },
        );
      }, SEARCH_DEBOUNCE_MS);
      return () => clearTimeout(timer);
    }, [searchUsers, value, open]);

    const options = React.useMemo(() => {
      const excluded = new Set(excludeEmails.map((email) => email.toLowerCase()));
      const source = searchUsers ? found : filterUsers(suggestions, value);
      return source
        .filter((user) => !excluded.has(user.email.toLowerCase()))
        .filter((user) => user.email.toLowerCase() !== value.trim().toLowerCase())
        .slice(0, MAX_SUGGESTIONS);
    }, [searchUsers, found, suggestions, value, excludeEmails]);

    const expanded = open && options.length > 0;
    const active = expanded && activeIndex >= 0 ? options[activeIndex] : undefined;
    const optionId = (index: number) => `${id}-option-${index}`;

    const choose = (user: DirectoryUser) => {
      onValueChange(user.email);
      onCommit?.();
      setOpen(false);
      setActiveIndex(-1);
    };

    const handleKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
      onKeyDown?.(event);
      if (event.defaultPrevented) return;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          setOpen(true);
          if (options.length > 0) setActiveIndex((activeIndex + 1) % options.length);
          break;
        case 'ArrowUp':
          event.preventDefault();
          setOpen(true);
          if (options.length > 0)
            setActiveIndex(activeIndex <= 0 ? options.length - 1 : activeIndex - 1);
          break;
        case 'Enter':
          if (active) {
            event.preventDefault();
            choose(active);
          }
          break;
        case 'Escape':
          if (expanded) {
            event.preventDefault();
            setOpen(false);
            setActiveIndex(-1);
          }
          break;
      }
    };

    let statusText = '';
    if (open && value.trim() !== '') {
      if (status === 'loading') statusText = messages.accessSearching;
      else if (status === 'error') statusText = messages.accessSearchFailed;
      else if (options.length > 0)
        statusText = messages.accessSuggestions({ count: options.length });
      else if (!searchUsers || status === 'ready') statusText = messages.accessNoSuggestions;
    }

    return (
      <div
        className={['awcw-combobox', className].filter(Boolean).join(' ')}
        data-state={expanded ? 'open' : 'closed'}
      >
        <div className="awcw-input-box" data-invalid={inputProps['aria-invalid'] ? '' : undefined}>
          <input
            type="email"
            autoComplete="off"
            spellCheck={false}
            {...inputProps}
            ref={forwardedRef}
            id={id}
            className="awcw-input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listboxId}
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            value={value}
            onChange={(event) => {
              onValueChange(event.target.value);
              setOpen(true);
              setActiveIndex(-1);
            }}
            onKeyDown={handleKeyDown}
            onBlur={(event) => {
              onBlur?.(event);
              onCommit?.();
              setOpen(false);
              setActiveIndex(-1);
            }}
          />
        </div>
        <ul
          id={listboxId}
          role="listbox"
          className="awcw-combobox-listbox"
          aria-label={messages.accessSuggestions({ count: options.length })}
          hidden={!expanded}
        >
          {expanded
            ? options.map((user, index) => (
                // Options are chosen with the keyboard on the combobox (aria-activedescendant);
                // the mouse handlers only add pointer support.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <li
                  key={user.email}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="awcw-combobox-option"
                  data-highlighted={index === activeIndex ? '' : undefined}
                  // Keep focus in the input, so choosing does not blur and close first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(user)}
                >
                  <span className="awcw-combobox-option-name">{user.name}</span>
                  <span className="awcw-muted">{user.email}</span>
                </li>
              ))
            : null}
        </ul>
        <p className="awcw-combobox-status" role="status" data-state={status}>
          {statusText}
        </p>
      </div>
    );
  },
);

EmailCombobox.displayName = COMBOBOX_NAME;

function filterUsers(users: readonly DirectoryUser[], text: string): readonly DirectoryUser[] {
  const query = text.trim().toLocaleLowerCase();
  if (query === '') return [];
  return users.filter(
    (user) =>
      user.email.toLocaleLowerCase().includes(query) ||
      user.name.toLocaleLowerCase().includes(query),
  );
}

export { EmailCombobox };
export type { EmailComboboxProps };
