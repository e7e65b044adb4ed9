/**
 * The controlled/uncontrolled pair every component here supports: a value prop the host owns, or
 * a default the component keeps itself, with one change callback for both.
 */
import * as React from 'react';

interface UseControllableStateParams<T> {
  /** The value when the host controls it; `undefined` means uncontrolled. */
  prop: T | undefined;
  /** The starting value when uncontrolled. */
  defaultProp: T;
  /** Called with every new value, controlled or not. */
  onChange?: (value: T) => void;
}

function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: UseControllableStateParams<T>): [T, (next: T) => void] {
  const [uncontrolled, setUncontrolled] = React.useState(defaultProp);
  const isControlled = prop !== undefined;
  const value = isControlled ? prop : uncontrolled;

  // Read the latest callback without making the setter's identity change with it.
  const onChangeRef = React.useRef(onChange);
  React.useEffect(() => {
    onChangeRef.current = onChange;
  });

  const setValue = React.useCallback(
    (next: T) => {
      if (!isControlled) setUncontrolled(next);
      onChangeRef.current?.(next);
    },
    [isControlled],
  );

  return [value, setValue];
}

export { useControllableState };
