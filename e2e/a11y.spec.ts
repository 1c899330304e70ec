// Every page and state a patient can meet: axe-core (WCAG 2.0–2.2 A and AA rules) at a phone
// width (320 CSS px, the narrowest WCAG 1.4.10 asks for) and a desktop width (1280 px), and no
// sideways scrolling at 320 px (reflow). No axe rule is disabled. The states are the state
// gallery's (gallery/states.json), each opened by its gallery link in a fresh copy of the demo,
// so the gallery testers use and this suite never drift apart; a state needing contract 1.1
// features runs when the API offers them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, h1, settled, test } from './helpers';
import { GALLERY_STATES, openState } from './helpers-gallery';
import { requireFeatures } from './helpers-inclusive';

for (const state of GALLERY_STATES) {
  test(`${state.name} [${state.id}]: no axe violations at 320 and 1280 px, no sideways scrolling at 320 px`, async ({ page, request }) => {
    if (state.features?.length) await requireFeatures(request, ...state.features);
    await openState(page, state);
    await expect(h1(page)).toHaveText(state.h1);
    if (!state.loading) await settled(page);
    await expectNoHorizontalScroll(page, state.name);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page, `${state.name} at 320px`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, `${state.name} at 1280px`);
  });
}

/**
 * The states this suite reached with its own Playwright code before the gallery (by their old
 * names), and the gallery state that covers each now. A state taken out of the list fails here.
 */
const COVERED: Record<string, string> = {
  'start page': 'start',
  'service question': 'service',
  'service question with errors': 'service-errors',
  'clinician question': 'clinician',
  'clinician question with errors': 'clinician-errors',
  'location question': 'location',
  'location question with errors': 'location-errors',
  'time question': 'time',
  'time question with errors': 'time-errors',
  'details question': 'details',
  'details question with errors': 'details-errors',
  'check answers': 'check',
  confirmation: 'confirmation',
  'time taken by someone else (409)': 'taken',
  'booking service busy (503)': 'busy-503',
  'booking service says too many requests (429)': 'busy-429',
  'answer lost after the booking was made': 'answer-lost',
  'a proxy answers with an HTML 502 page': 'proxy-html',
  'loading times': 'time-loading',
  'no connection while loading times': 'network-times',
  'the pages after the start page cannot be fetched (a chunk, offline)': 'chunk-offline',
  'no times at this place': 'time-none',
  'page not found': 'not-found',
  'accessibility statement': 'accessibility',
  'manage: find your appointment': 'find',
  'manage: find your appointment with errors': 'find-errors',
  'manage: your appointment (found)': 'booking',
  'symptoms question': 'symptoms',
  'symptoms question with errors': 'symptoms-errors',
  'get help now (urgent symptoms)': 'urgent',
  'who-for question': 'who-for',
  'who-for question with errors': 'who-for-errors',
  'about you': 'about-you',
  'about you with errors': 'about-you-errors',
  'about you with a phone number that is not a UK number': 'about-you-phone-error',
  'their details': 'their-details',
  'their details with errors': 'their-details-errors',
  'support question': 'support',
  'support question with errors': 'support-errors',
  'support question (someone else)': 'support-them',
  'support needed': 'needs',
  'support needed with suggestions open': 'needs-suggestions',
  'support needed with errors': 'needs-errors',
  'support needed with too many characters': 'needs-too-long',
  'support needed (someone else)': 'needs-them',
  'check answers with every row (someone else, every kind of support)': 'check-every-row',
  'confirmation (someone else, every kind of support)': 'confirmation-every-row',
  'manage: your appointment (booked by someone else, with support)': 'booking-someone-else',
};

test('one list: every state this suite used to script is in the gallery, and no spec keeps a list of its own', () => {
  const ids = new Set(GALLERY_STATES.map((s) => s.id));
  const missing = Object.entries(COVERED).filter(([, id]) => !ids.has(id));
  expect(missing, 'states of the accessibility suite with no gallery entry').toEqual([]);
  // States are defined in gallery/states.json only: a helper that defines its own (a `reach`
  // function, the old STATES and INCLUSIVE_STATES) would be a second list to drift.
  for (const file of ['helpers-a11y.ts', 'helpers.ts', 'helpers-manage.ts', 'helpers-inclusive.ts', 'visual-a11y.spec.ts']) {
    const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
    expect(text, `${file} defines states of its own`).not.toMatch(/\breach\s*[:(]|\b(INCLUSIVE_)?STATES\s*[:=]/);
  }
});
