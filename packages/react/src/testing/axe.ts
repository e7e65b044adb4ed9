import axe from 'axe-core';

/** No axe violations in the container; jsdom cannot compute colours, so contrast is left out. */
export async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}
