// Every page and state a patient can meet: axe-core (WCAG 2.0–2.2 A and AA rules) at a phone
// width and a desktop width, and no sideways scrolling at 320 CSS pixels (reflow).
import type { Page } from '@playwright/test';
import {
  HEADINGS,
  bookButton,
  chooseLocality,
  continueButton,
  expect,
  expectErrorSummary,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectPage,
  h1,
  openStart,
  settled,
  slotFromUrl,
  test,
  timeRadios,
  walkTo,
  type Demo,
  type Step,
} from './helpers';

type State = { name: string; reach: (page: Page, demo: Demo) => Promise<unknown> };

const question = (step: Step): State => ({
  name: `${step} question`,
  reach: (page, demo) => walkTo(page, demo, step),
});

const questionWithErrors = (step: Step): State => ({
  name: `${step} question with errors`,
  reach: async (page, demo) => {
    await walkTo(page, demo, step);
    await continueButton(page).click();
    await expectErrorSummary(page);
  },
});

const states: State[] = [
  { name: 'start page', reach: (page) => openStart(page) },
  question('service'),
  questionWithErrors('service'),
  question('clinician'),
  questionWithErrors('clinician'),
  question('location'),
  questionWithErrors('location'),
  question('time'),
  questionWithErrors('time'),
  question('details'),
  questionWithErrors('details'),
  { name: 'check answers', reach: (page, demo) => walkTo(page, demo, 'check') },
  { name: 'confirmation', reach: (page, demo) => walkTo(page, demo, 'confirmation') },
  {
    name: 'time taken by someone else (409)',
    reach: async (page, demo) => {
      await walkTo(page, demo, 'check');
      await demo.takeSlot(slotFromUrl(page));
      await bookButton(page).click();
      await expectPage(page, HEADINGS.taken);
    },
  },
  {
    name: 'booking service busy (503)',
    reach: async (page, demo) => {
      await walkTo(page, demo, 'check');
      await demo.failNext({ method: 'POST', path: '/api/bookings', status: 503, retry_after: 5 });
      await bookButton(page).click();
      await expect(page.getByRole('heading', { name: 'The booking service is busy' })).toBeVisible();
    },
  },
  {
    name: 'no connection while loading times',
    reach: async (page, demo) => {
      await walkTo(page, demo, 'location');
      await page.route((url) => url.pathname === '/api/slots', (route) => route.abort('internetdisconnected'));
      await chooseLocality(page);
      await expect(page.getByText('We could not connect to the booking service', { exact: true })).toBeVisible();
      await expect(timeRadios(page)).toHaveCount(0);
    },
  },
  {
    name: 'page not found',
    reach: async (page) => {
      await page.goto('/nope');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
      await expect(h1(page)).toHaveText(HEADINGS.notFound);
    },
  },
  {
    name: 'accessibility statement',
    reach: async (page) => {
      await openStart(page);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
      await expect(h1(page)).toHaveText(/^Accessibility statement/);
    },
  },
];

for (const state of states) {
  test(`${state.name}: no axe violations at 375 and 1280 px, no sideways scrolling at 320 px`, async ({ page, demo }) => {
    await state.reach(page, demo);
    await settled(page);
    await expectNoAxeViolations(page, `${state.name} at 375px`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, `${state.name} at 1280px`);
    await expectNoHorizontalScroll(page, state.name);
  });
}
