// Every page and state a patient can meet: axe-core (WCAG 2.0–2.2 A and AA rules) at a phone
// width (320 CSS px, the narrowest WCAG 1.4.10 asks for) and a desktop width (1280 px), and no
// sideways scrolling at 320 px (reflow). No axe rule is disabled.
import { expectNoAxeViolations, expectNoHorizontalScroll, settled, test } from './helpers';
import { STATES } from './helpers-a11y';

for (const state of STATES) {
  test(`${state.name}: no axe violations at 320 and 1280 px, no sideways scrolling at 320 px`, async ({ page, demo }) => {
    await state.reach(page, demo);
    if (!state.loading) await settled(page);
    await expectNoHorizontalScroll(page, state.name);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page, `${state.name} at 320px`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, `${state.name} at 1280px`);
  });
}
