// Every page and state a patient can meet: axe-core (WCAG 2.0–2.2 A and AA rules) at a phone
// width (320 CSS px, the narrowest WCAG 1.4.10 asks for) and a desktop width (1280 px), and no
// sideways scrolling at 320 px (reflow). No axe rule is disabled. The pages of the 1.1 questions
// (urgent symptoms, who the appointment is for, support) run when the API offers them.
import { expectNoAxeViolations, expectNoHorizontalScroll, settled, test } from './helpers';
import { INCLUSIVE_STATES, STATES } from './helpers-a11y';
import { requireFeatures } from './helpers-inclusive';

for (const state of [...STATES, ...INCLUSIVE_STATES]) {
  test(`${state.name}: no axe violations at 320 and 1280 px, no sideways scrolling at 320 px`, async ({ page, demo, request }) => {
    if (state.features) await requireFeatures(request, ...state.features);
    await state.reach(page, demo);
    if (!state.loading) await settled(page);
    await expectNoHorizontalScroll(page, state.name);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page, `${state.name} at 320px`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, `${state.name} at 1280px`);
  });
}
