import { render, screen } from '@testing-library/react';
import axe from 'axe-core';

import { MessagesProvider } from '../messages';
import { StepHeader } from './StepHeader';

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations).toEqual([]);
}

describe('given a step header inside a trigger button', () => {
  it('should give the button a name with the number, title and state', async () => {
    const { container } = render(
      <h3>
        <button type="button">
          <StepHeader number={2} title="Scope" state="complete" summary="14 accounts" />
        </button>
      </h3>,
    );

    const button = screen.getByRole('button');
    expect(button).toHaveAccessibleName('Step 2: Scope 14 accounts Complete');
    expect(container.querySelector('.awcw-step-header')).toHaveAttribute('data-state', 'complete');
    await expectNoAxeViolations(container);
  });

  it('should show the error count instead of the state when the step has errors', () => {
    render(
      <button type="button">
        <StepHeader number={1} title="Details" state="invalid" errorCount={2} />
      </button>,
    );

    expect(screen.getByRole('button')).toHaveAccessibleName('Step 1: Details 2 errors');
  });

  it('should hide the summary until the step is complete', () => {
    render(
      <button type="button">
        <StepHeader number={3} title="Policies" state="current" summary="ReadOnlyAccess" />
      </button>,
    );

    expect(screen.getByRole('button')).toHaveAccessibleName('Step 3: Policies Current step');
  });
});

describe('given overridden messages', () => {
  it('should use the host text', () => {
    render(
      <MessagesProvider
        messages={{ stepNumber: ({ number }) => `Étape ${number}`, stepStateComplete: 'Terminé' }}
      >
        <button type="button">
          <StepHeader number={4} title="Déployer" state="complete" />
        </button>
      </MessagesProvider>,
    );

    expect(screen.getByRole('button')).toHaveAccessibleName('Étape 4: Déployer Terminé');
  });
});
