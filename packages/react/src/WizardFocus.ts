/**
 * Where keyboard focus goes when the wizard replaces what the user was on. A control removed
 * while focused leaves focus on the page's body, and the next Tab starts over from the top of
 * the host's page; the part that replaced it takes focus instead. Only focus the wizard itself
 * lost is taken back: a wizard the user has not entered yet never pulls focus to itself.
 */
import * as React from 'react';

export interface WizardFocus {
  /** Call with every element that takes focus inside the wizard (`focusin`). */
  track: (element: Element) => void;
  /** Whether the element focused last in the wizard was removed and focus went nowhere. */
  wasLost: () => boolean;
}

export function useWizardFocusTracker(): WizardFocus {
  const last = React.useRef<Element | null>(null);
  return React.useMemo(
    () => ({
      track: (element) => {
        last.current = element;
      },
      wasLost: () => {
        const element = last.current;
        if (!element || element.isConnected) return false;
        const active = element.ownerDocument.activeElement;
        return active === null || active === element.ownerDocument.body;
      },
    }),
    [],
  );
}

const WizardFocusContext = React.createContext<WizardFocus>({
  track: () => undefined,
  wasLost: () => false,
});

export const WizardFocusProvider = WizardFocusContext.Provider;

export function useWizardFocus(): WizardFocus {
  return React.useContext(WizardFocusContext);
}
