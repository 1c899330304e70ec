// Keyboard alone (WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7): a whole booking and a cancel with
// Tab, Shift+Tab, Enter, Space and the arrow keys — no mouse, no fill() — with a visible focus
// indicator at every stop, no keyboard trap on any page, the skip link, and where focus and
// the tab title land after every step change on the manage pages and the accessibility
// statement (journey.spec.ts covers the booking steps' focus and titles); and, against a 1.1
// API, the urgent-symptoms, who-for, "About you", "Their details" and support pages, the
// interpreter combobox included, with focus and titles checked at each step.
import type { Locator, Page } from '@playwright/test';
import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  REFERENCE,
  SERVICE,
  TITLE_SUFFIX,
  continueButton,
  dayHeading,
  detailsFields,
  dobGroup,
  errorSummary,
  expect,
  expectPage,
  h1,
  openStart,
  passScreening,
  pickTime,
  settled,
  summaryValue,
  test,
  timeRadios,
  type Demo,
} from './helpers';
import {
  BOOKER,
  NEW_FEATURES,
  SYMPTOMS,
  bookerFields,
  needsFields,
  noneOfThese,
  requireFeatures,
  rowLines,
  symptom,
  theirDetailsFields,
} from './helpers-inclusive';
import {
  ACCESSIBILITY_HEADING,
  MANAGE_HEADINGS,
  SEEDED,
  expectTabCycle,
  focused,
  openFind,
  tab,
  tabTo,
} from './helpers-a11y';

/** Presses `key` on the focused element and checks it still shows its focus. */
async function press(page: Page, key: string, where: string): Promise<void> {
  await page.keyboard.press(key);
  const f = await focused(page);
  // A heading the app moves focus to (tabindex -1) is not a control: it needs no indicator.
  if (f.tabbable) expect.soft(f.indicator.ok, `visible focus indicator on ${f.desc} after ${key} (${where}): ${f.indicator.why}`).toBe(true);
}

/** Types the seeded booking's reference and date of birth into "Find your appointment". */
async function typeSeededLookup(page: Page): Promise<void> {
  await page.getByLabel('Booking reference', { exact: true }).focus();
  await page.keyboard.type(SEEDED.reference);
  const dob = dobGroup(page);
  for (const [label, value] of [
    ['Day', SEEDED.day],
    ['Month', SEEDED.month],
    ['Year', SEEDED.year],
  ]) {
    await dob.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(value);
  }
}

/** The next Tab stop is `target`. */
async function tabOnceTo(page: Page, target: Locator, where: string): Promise<void> {
  await tab(page, { where });
  await expect(target, `Tab moves to ${target} (${where})`).toBeFocused();
}

/** Types into the focused field and checks the value arrived as typed. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

const radioGroup = (page: Page) => page.locator('main input[type=radio]');

/** The focused radio's label text. */
const focusedRadioLabel = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e instanceof HTMLInputElement && e.type === 'radio' ? (e.labels?.[0]?.textContent ?? '').trim() : null;
  });

/**
 * On a one-question page with focus on its h1: Tab into the radio group, move with the arrow
 * keys to `name` (Space when the arrows do not land on it checked), check only it is chosen.
 */
async function chooseRadioByKeyboard(page: Page, name: string, where: string): Promise<void> {
  await tab(page, { where });
  expect(await focusedRadioLabel(page), `Tab from the h1 enters the radio group (${where})`).not.toBeNull();
  const count = await radioGroup(page).count();
  // Show the arrows at work both ways: down moves and checks the next, up comes back.
  if (count > 1) {
    const first = await focusedRadioLabel(page);
    await press(page, 'ArrowDown', where);
    const second = page.getByRole('radio', { name: (await focusedRadioLabel(page))!, exact: true });
    await expect(second, `ArrowDown moves to and checks the next radio (${where})`).toBeChecked();
    await press(page, 'ArrowUp', where);
    await expect(page.getByRole('radio', { name: first!, exact: true }), `ArrowUp comes back (${where})`).toBeFocused();
  }
  for (let i = 0; i < count; i++) {
    if ((await focusedRadioLabel(page))?.startsWith(name)) break;
    await press(page, 'ArrowDown', where);
  }
  expect(await focusedRadioLabel(page)).toMatch(new RegExp(`^${name.replace(/[()]/g, '\\$&')}`));
  await press(page, 'Space', where);
  await expect(page.getByRole('radio', { name, exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
}

/**
 * A question a 1.1 API adds (urgent symptoms, who it is for, support), answered with the keyboard
 * alone when its page follows the page headed `left`: focus on its h1, the answer that changes
 * nothing else ("None of these" with Space; "Me" or "No" with the arrow keys), no trap, then
 * Enter on Continue. Against a 1.0 API the page never shows and nothing is pressed.
 */
async function ifAskedAnswerByKeyboard(page: Page, left: string): Promise<void> {
  await expect(h1(page)).not.toHaveText(left);
  await settled(page);
  const heading = ((await h1(page).textContent()) ?? '').trim();
  if (heading === HEADINGS.symptoms) {
    await expectPage(page, heading);
    const none = page.getByRole('checkbox', { name: 'None of these', exact: true });
    await tabTo(page, none, { where: 'symptoms question' });
    await press(page, 'Space', 'None of these');
    await expect(none).toBeChecked();
  } else if (heading === HEADINGS.whoFor) {
    await expectPage(page, heading);
    await chooseRadioByKeyboard(page, 'Me', 'who-for question');
  } else if (heading === HEADINGS.support) {
    await expectPage(page, heading);
    await chooseRadioByKeyboard(page, 'No', 'support question');
  } else {
    return;
  }
  await expectTabCycle(page, heading);
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(h1(page)).not.toHaveText(heading);
}

/** Index of the first time on show starting at least 15 minutes from now (-1 when none). */
async function safeIndex(page: Page, demo: Demo): Promise<number> {
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const safe = new Set(
    (
      await demo.slots({
        service: 'physio-msk',
        band: 'band-6',
        locality: 'hinchingbrooke',
        from: iso(today),
        to: iso(new Date(today.getTime() + 31 * 864e5)),
      })
    )
      .filter((s) => Date.parse(s.start) >= Date.now() + 15 * 60 * 1000)
      .map((s) => s.id),
  );
  const values = await timeRadios(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return values.findIndex((v) => safe.has(v));
}

// ---------------------------------------------------------------------------------------------

test('keyboard only: a whole booking from the start page to the confirmation, focus visible at every stop, no trap on any page', async ({ page, demo }) => {
  // Start page, fresh load: the first Tab is the skip link; Enter puts focus on the h1.
  await openStart(page);
  await tab(page, { where: 'start page' });
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip, 'the first Tab on a page focuses the skip link').toBeFocused();
  await expect(skip).toBeInViewport();
  await press(page, 'Enter', 'skip link');
  await expect(h1(page), 'the skip link moves focus to the h1').toBeFocused();
  await expect(h1(page)).toHaveText(HEADINGS.start);
  // No trap: a whole lap forwards and back, ending on the first stop after the h1.
  await expectTabCycle(page, 'start page');
  await expect(page.getByRole('button', { name: 'Start now' }), 'the first stop in main is "Start now"').toBeFocused();
  await page.keyboard.press('Enter');

  // The three single-choice questions: arrow keys to choose, then Enter or Space on Continue.
  const questions = [
    { heading: HEADINGS.service, choice: SERVICE, where: 'service question', key: 'Enter' },
    { heading: HEADINGS.clinician, choice: BAND_6, where: 'clinician question', key: 'Space' },
    { heading: HEADINGS.location, choice: PLACE, where: 'location question', key: 'Enter' },
  ];
  for (const q of questions) {
    await expectPage(page, q.heading);
    await chooseRadioByKeyboard(page, q.choice, q.where);
    await expectTabCycle(page, q.where);
    await expect(continueButton(page)).toBeFocused();
    await page.keyboard.press(q.key);
    // "Do you have any of these symptoms?" follows the service on a 1.1 API.
    if (q.heading === HEADINGS.service) await ifAskedAnswerByKeyboard(page, HEADINGS.service);
  }

  // Choose a time: day buttons with Enter and Space, arrow keys through the times.
  await expectPage(page, HEADINGS.time);
  await expect(timeRadios(page).first()).toBeVisible();
  await settled(page);
  const nextDay = page.getByRole('button', { name: 'Next day', exact: true });
  const previousDay = page.getByRole('button', { name: 'Previous day', exact: true });
  await tab(page, { where: 'time question' });
  // "Previous day" stays a focus stop on the first day (aria-disabled, announced as
  // unavailable) so that focus never falls to the page when it becomes unavailable.
  await expect(previousDay, 'the first stop after the h1 is "Previous day"').toBeFocused();
  await expect(previousDay, 'unavailable on the first day').toBeDisabled();
  await press(page, 'Enter', 'Previous day on the first day');
  await expect(previousDay, 'pressing it on the first day does nothing and keeps focus').toBeFocused();
  await tab(page, { where: 'time question' });
  await expect(nextDay).toBeFocused();
  const firstDay = (await dayHeading(page).textContent())!;
  await press(page, 'Enter', 'Next day');
  await expect(dayHeading(page)).not.toHaveText(firstDay);
  await expect(nextDay, 'focus stays on "Next day" after Enter').toBeFocused();
  await tabTo(page, previousDay, { shift: true, where: 'time question' });
  await page.keyboard.press('Space');
  await expect(dayHeading(page)).toHaveText(firstDay);
  await expect(previousDay, 'focus stays on "Previous day" as it becomes unavailable').toBeFocused();
  let index = await safeIndex(page, demo);
  if (index < 0) {
    // Every time on the first day starts too soon: take the next day's.
    await tabTo(page, nextDay, { where: 'time question' });
    await page.keyboard.press('Enter');
    await expect(dayHeading(page)).not.toHaveText(firstDay);
    index = await safeIndex(page, demo);
  }
  expect(index, 'a time at least 15 minutes away').toBeGreaterThanOrEqual(0);
  await tabTo(page, timeRadios(page).first(), { where: 'time question' });
  await expect(page.locator('input[name=slot]:checked'), 'no time chosen yet').toHaveCount(0);
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown', 'times');
  if (index === 0) await press(page, 'Space', 'times');
  const chosen = timeRadios(page).nth(index);
  await expect(chosen, 'the arrow keys reach and check the chosen time').toBeFocused();
  await expect(chosen).toBeChecked();
  const count = await timeRadios(page).count();
  if (count > index + 1) {
    // Down and up again, across the morning/afternoon groups when it is the last morning time.
    await press(page, 'ArrowDown', 'times');
    await expect(timeRadios(page).nth(index + 1)).toBeChecked();
    await expect(timeRadios(page).nth(index + 1)).toBeFocused();
    await press(page, 'ArrowUp', 'times');
    await expect(chosen).toBeChecked();
  }
  const chosenName = (await chosen.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim()));
  const [, date, time] = /^(\w+day \d{1,2} \w+ \d{4}), ([^,]+),/.exec(chosenName) ?? [];
  expect(date, `a full name on the chosen time: ${chosenName}`).toBeTruthy();
  await expectTabCycle(page, 'time question');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  // "Who is this appointment for?" on a 1.1 API.
  await ifAskedAnswerByKeyboard(page, HEADINGS.time);

  // Your details: type each field, Space ticks a box.
  await expectPage(page, HEADINGS.details);
  const f = detailsFields(page);
  // Each text box is the next Tab stop, in the order it shows.
  const typed = ['first', 'last', 'day', 'month', 'year', 'nhs'] as const;
  for (const field of typed) {
    await tabOnceTo(page, f[field], 'details');
    await typeInto(page, f[field], PATIENT[field]);
  }
  await tabOnceTo(page, f.noNhs, 'details');
  // Space ticks and unticks a checkbox.
  await press(page, 'Space', 'NHS number not known');
  await expect(f.noNhs).toBeChecked();
  await press(page, 'Space', 'NHS number not known');
  await expect(f.noNhs).not.toBeChecked();
  for (const field of ['phone', 'email'] as const) {
    await tabOnceTo(page, f[field], 'details');
    await typeInto(page, f[field], PATIENT[field]);
  }
  await tabOnceTo(page, f.bySms, 'details');
  await press(page, 'Space', 'reminders');
  await expect(f.bySms).toBeChecked();
  await tabOnceTo(page, f.byEmail, 'details');
  await expect(f.byEmail).not.toBeChecked();
  await expectTabCycle(page, 'details question');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  // "Do you need any support at your appointment?" on a 1.1 API.
  await ifAskedAnswerByKeyboard(page, HEADINGS.details);

  // Check your answers: what was typed arrived; Tab through every "Change" to the button.
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
  await expect(summaryValue(page, 'Date of birth')).toHaveText('28 February 1958');
  await expect(summaryValue(page, 'Mobile phone')).toHaveText(PATIENT.phone);
  await expect(summaryValue(page, 'Email')).toHaveText(PATIENT.email);
  await expect(summaryValue(page, 'Reminders')).toHaveText('By text message');
  await expect(summaryValue(page, 'Date and time')).toContainText(`${date} at ${time}`);
  await expectTabCycle(page, 'check answers');
  const stops = await tabTo(page, page.getByRole('button', { name: 'Book appointment', exact: true }), { where: 'check answers' });
  expect(stops.filter((s) => /"Change /.test(s.desc)).length, 'the "Change" links are Tab stops').toBeGreaterThanOrEqual(8);
  await page.keyboard.press('Enter');

  // Appointment booked: focus on the h1, a reference, and still no trap.
  await expectPage(page, HEADINGS.confirmation);
  await expect(page.getByText(REFERENCE)).toBeVisible();
  expect(await demo.patientBookings()).toHaveLength(1);
  await expectTabCycle(page, 'confirmation');
});

test('keyboard only: find the seeded booking and cancel it (PHY-4B7K2M, born 28 2 1958)', async ({ page, demo }) => {
  await openFind(page);
  await tab(page, { where: 'find' });
  await expect(page.getByRole('link', { name: 'Skip to main content' }), 'first Tab: the skip link').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(h1(page)).toBeFocused();
  await expect(h1(page)).toHaveText(MANAGE_HEADINGS.find);

  const reference = page.getByLabel('Booking reference', { exact: true });
  const dob = dobGroup(page);
  await tabOnceTo(page, reference, 'find');
  await typeInto(page, reference, SEEDED.reference);
  await tabOnceTo(page, dob.getByLabel('Day', { exact: true }), 'find');
  await typeInto(page, dob.getByLabel('Day', { exact: true }), SEEDED.day);
  await tabOnceTo(page, dob.getByLabel('Month', { exact: true }), 'find');
  await typeInto(page, dob.getByLabel('Month', { exact: true }), SEEDED.month);
  await tabOnceTo(page, dob.getByLabel('Year', { exact: true }), 'find');
  await typeInto(page, dob.getByLabel('Year', { exact: true }), SEEDED.year);
  await tabOnceTo(page, page.getByRole('button', { name: 'Find appointment', exact: true }), 'find');
  await page.keyboard.press('Enter');

  await expectPage(page, MANAGE_HEADINGS.booking);
  await expect(page.getByText(`Reference ${SEEDED.reference}`, { exact: true })).toBeVisible();
  await expectTabCycle(page, 'your appointment');
  await tabTo(page, page.getByRole('link', { name: 'Cancel appointment', exact: true }), { where: 'your appointment' });
  await page.keyboard.press('Enter');

  await expectPage(page, MANAGE_HEADINGS.cancel);
  // The optional reason: into the group, Space chooses the first.
  await tabTo(page, radioGroup(page).first(), { where: 'cancel' });
  await press(page, 'Space', 'reason');
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
  await expectTabCycle(page, 'cancel');
  await expect(page.getByRole('button', { name: 'Yes, cancel appointment', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  await expectPage(page, MANAGE_HEADINGS.cancelled);
  await expect(page.getByText(SEEDED.reference, { exact: true })).toBeVisible();
  await expectTabCycle(page, 'cancelled');
  const booking = (await demo.bookings()).find((b) => b.reference === SEEDED.reference);
  expect(booking?.status).toBe('cancelled');
});

test('the skip link is the first Tab stop on every page and Enter moves focus to the main heading', async ({ page }) => {
  const pages: { url: string; heading: string | RegExp }[] = [
    { url: '/', heading: HEADINGS.start },
    { url: '/time?service=physio-msk&band=band-6&locality=hinchingbrooke', heading: HEADINGS.time },
    { url: '/manage', heading: MANAGE_HEADINGS.find },
    { url: '/accessibility-statement', heading: ACCESSIBILITY_HEADING },
    { url: '/nope', heading: HEADINGS.notFound },
  ];
  // A 1.1 API asks about urgent symptoms before the times: answer it once in this tab
  // ("None of these"), so the address of the times opens the times.
  await page.goto(pages[1].url);
  await passScreening(page, null, HEADINGS.time);
  await expect(h1(page)).toHaveText(HEADINGS.time);
  for (const { url, heading } of pages) {
    await page.goto(url);
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeAttached();
    await expect(h1(page)).toHaveText(heading);
    await settled(page);
    await expect(skip, `skip link off screen until focused (${url})`).not.toBeInViewport();
    await tab(page, { where: url });
    await expect(skip, `first Tab on ${url}`).toBeFocused();
    await expect(skip, `skip link shows when focused (${url})`).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(h1(page), `Enter on the skip link focuses the h1 (${url})`).toBeFocused();
    expect(new URL(page.url()).hash, 'no #fragment written into the address').toBe('');
    // The next Tab carries on after the heading (into main, or the footer when main has no
    // controls), not back at the top.
    await tab(page, { where: `${url} after the skip link` });
    const after = await page.evaluate(() => {
      const h = document.querySelector('main h1')!;
      const a = document.activeElement!;
      return !!(h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(after, `Tab after the skip link goes on from the h1 (${url})`).toBe(true);
  }
});

test('day buttons keep focus on the page when the first day is reached again', async ({ page }) => {
  await page.goto('/time?service=physio-msk&band=band-6&locality=hinchingbrooke');
  // (Past the urgent-symptoms question, "None of these", when a 1.1 API asks it.)
  await passScreening(page, null, HEADINGS.time);
  await expect(timeRadios(page).first()).toBeVisible();
  const nextDay = page.getByRole('button', { name: 'Next day', exact: true });
  const previousDay = page.getByRole('button', { name: 'Previous day', exact: true });
  await h1(page).focus();
  await tabTo(page, nextDay);
  await page.keyboard.press('Enter');
  await expect(previousDay).toBeEnabled();
  await tabTo(page, previousDay, { shift: true });
  await page.keyboard.press('Enter');
  await expect(previousDay).toBeDisabled();
  const f = await focused(page);
  expect(f.lost, `focus after "Previous day" reached the first day: ${f.desc}`).toBe(false);
});

// ---------------------------------------------------------------------------------------------
// Focus and titles after each step change: the manage pages and the accessibility statement

test('manage pages and the accessibility statement: focus on the h1 (or the error summary) after each step change, a title of their own, "Error: " with errors', async ({ page, demo }) => {
  const titles = new Map<string, string>();
  const expectStep = async (heading: string, key: string) => {
    await expectPage(page, heading, { title: false });
    await expect(h1(page), `focus on the h1 of "${heading}"`).toBeFocused();
    await expect(page).toHaveTitle(`${heading}${TITLE_SUFFIX}`);
    titles.set(key, await page.title());
  };
  const expectErrorStep = async (heading: string) => {
    await expect(errorSummary(page), `focus on the error summary of "${heading}"`).toBeFocused();
    await expect(page).toHaveTitle(`Error: ${heading}${TITLE_SUFFIX}`);
    await expect(h1(page)).toHaveText(heading);
  };

  // Find your appointment: errors before sending, then "not found", then found.
  await openFind(page);
  await expect(page).toHaveTitle(`${MANAGE_HEADINGS.find}${TITLE_SUFFIX}`);
  titles.set('find', await page.title());
  const findButton = page.getByRole('button', { name: 'Find appointment', exact: true });
  await findButton.click();
  await expectErrorStep(MANAGE_HEADINGS.find);
  // Focus goes back to the summary on a second try with other errors.
  await page.getByLabel('Booking reference', { exact: true }).focus();
  await page.keyboard.type(SEEDED.reference);
  const dob = dobGroup(page);
  for (const [label, value] of [
    ['Day', '1'],
    ['Month', '1'],
    ['Year', '1958'],
  ]) {
    await dob.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(value);
  }
  await findButton.click();
  await expect(errorSummary(page)).toContainText('We could not find a booking');
  await expectErrorStep(MANAGE_HEADINGS.find);
  for (const [label, value] of [
    ['Day', SEEDED.day],
    ['Month', SEEDED.month],
  ]) {
    await dob.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }
  await findButton.click();
  await expectStep(MANAGE_HEADINGS.booking, 'booking');
  await expect(page).not.toHaveTitle(/^Error: /);

  // Cancel, then "No, keep my appointment".
  await page.getByRole('link', { name: 'Cancel appointment', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.cancel, 'cancel');
  await page.getByRole('link', { name: 'No, keep my appointment', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.booking, 'booking');

  // Choose a new time: an error, then a time, then check, then Back, then confirm.
  await page.getByRole('link', { name: 'Change the time', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.newTime, 'new time');
  await expect(timeRadios(page).first()).toBeVisible();
  await continueButton(page).click();
  await expectErrorStep(MANAGE_HEADINGS.newTime);
  await pickTime(page, demo);
  await expect(page, 'the error title goes once the error is fixed').toHaveTitle(`${MANAGE_HEADINGS.newTime}${TITLE_SUFFIX}`);
  await continueButton(page).click();
  await expectStep(MANAGE_HEADINGS.checkNewTime, 'check new time');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.newTime, 'new time');
  await expect(timeRadios(page).first()).toBeVisible();
  await pickTime(page, demo);
  await continueButton(page).click();
  await expectStep(MANAGE_HEADINGS.checkNewTime, 'check new time');
  await page.getByRole('button', { name: 'Confirm new time', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.changed, 'changed');

  // The footer's ways out: find again, and the accessibility statement.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.find, 'find');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement', exact: true }).click();
  await expectPage(page, ACCESSIBILITY_HEADING, { title: false });
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle(`Accessibility statement${TITLE_SUFFIX}`);
  titles.set('accessibility', await page.title());

  // Cancel (fresh data: the move may have put the booking inside its 24-hour window) to see
  // "Appointment cancelled".
  await demo.reset();
  await openFind(page);
  await typeSeededLookup(page);
  await findButton.click();
  await expectStep(MANAGE_HEADINGS.booking, 'booking');
  await page.getByRole('link', { name: 'Cancel appointment', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.cancel, 'cancel');
  await page.getByRole('button', { name: 'Yes, cancel appointment', exact: true }).click();
  await expectStep(MANAGE_HEADINGS.cancelled, 'cancelled');

  // Every page its own title.
  const all = [...titles.values()];
  expect(all).toHaveLength(8);
  expect(new Set(all).size, all.join('\n')).toBe(all.length);
});

test('moving a booking: Back from "Check your new time" shows the time chosen before, still chosen (WCAG 3.3.7)', async ({ page, demo }) => {
  await openFind(page);
  await typeSeededLookup(page);
  await page.getByRole('button', { name: 'Find appointment', exact: true }).click();
  await expectPage(page, MANAGE_HEADINGS.booking);
  await page.getByRole('link', { name: 'Change the time', exact: true }).click();
  await expectPage(page, MANAGE_HEADINGS.newTime);
  const picked = await pickTime(page, demo);
  await continueButton(page).click();
  await expectPage(page, MANAGE_HEADINGS.checkNewTime);
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expectPage(page, MANAGE_HEADINGS.newTime);
  await expect(timeRadios(page).first()).toBeVisible();
  await expect(page.locator(`input[type=radio][value="${picked.slotId}"]`), 'the time chosen before is still chosen').toBeChecked();
});

// ---------------------------------------------------------------------------------------------
// The 1.1 questions with the keyboard alone

test('keyboard only (1.1): urgent symptoms, someone else, about you, their details and the support asked for, with the interpreter picked from the combobox', async ({ page, demo, request }) => {
  await requireFeatures(request, ...NEW_FEATURES);
  /** The errors show: focus on the summary, the title starts "Error: ", the h1 stays. */
  const expectErrorStep = async (heading: string, messages: string[]) => {
    await expect(errorSummary(page), `focus on the error summary of "${heading}"`).toBeFocused();
    await expect(page).toHaveTitle(`Error: ${heading}${TITLE_SUFFIX}`);
    await expect(h1(page)).toHaveText(heading);
    await expect(errorSummary(page).getByRole('link')).toHaveText(messages);
  };
  const continueWithKeyboard = async (where: string) => {
    await tabTo(page, continueButton(page), { where });
    await page.keyboard.press('Enter');
  };

  await openStart(page);
  await tabTo(page, page.getByRole('button', { name: 'Start now' }), { where: 'start page' });
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.service);
  await chooseRadioByKeyboard(page, SERVICE, 'service question');
  await continueWithKeyboard('service question');

  // Do you have any of these symptoms? Nothing ticked is an error; the error's link leads to
  // the first box; Space ticks; "None of these" unticks the symptom ticked before it.
  await expectPage(page, HEADINGS.symptoms);
  await continueWithKeyboard('symptoms question');
  await expectErrorStep(HEADINGS.symptoms, ['Select any symptoms you have, or select ‘None of these’']);
  await tabOnceTo(page, errorSummary(page).getByRole('link').first(), 'symptoms error summary');
  await page.keyboard.press('Enter');
  await expect(symptom(page, SYMPTOMS.bladder), 'the error link puts focus on the first box').toBeFocused();
  await press(page, 'Space', 'first symptom');
  await expect(symptom(page, SYMPTOMS.bladder)).toBeChecked();
  await tabOnceTo(page, symptom(page, SYMPTOMS.saddle), 'symptoms');
  await tabOnceTo(page, symptom(page, SYMPTOMS.legs), 'symptoms');
  await tabOnceTo(page, noneOfThese(page), 'symptoms ("or" is not a stop)');
  await press(page, 'Space', 'None of these');
  await expect(noneOfThese(page)).toBeChecked();
  await expect(symptom(page, SYMPTOMS.bladder), '"None of these" unticks the symptom').not.toBeChecked();
  await expectTabCycle(page, 'symptoms question');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');

  for (const q of [
    { heading: HEADINGS.clinician, choice: BAND_6, where: 'clinician question' },
    { heading: HEADINGS.location, choice: PLACE, where: 'location question' },
  ]) {
    await expectPage(page, q.heading);
    await chooseRadioByKeyboard(page, q.choice, q.where);
    await continueWithKeyboard(q.where);
  }

  // A time, with the arrow keys.
  await expectPage(page, HEADINGS.time);
  await expect(timeRadios(page).first()).toBeVisible();
  await settled(page);
  let index = await safeIndex(page, demo);
  if (index < 0) {
    const firstDay = (await dayHeading(page).textContent())!;
    await tabTo(page, page.getByRole('button', { name: 'Next day', exact: true }), { where: 'time question' });
    await page.keyboard.press('Enter');
    await expect(dayHeading(page)).not.toHaveText(firstDay);
    index = await safeIndex(page, demo);
  }
  expect(index, 'a time at least 15 minutes away').toBeGreaterThanOrEqual(0);
  await tabTo(page, timeRadios(page).first(), { where: 'time question' });
  for (let i = 0; i < index; i++) await press(page, 'ArrowDown', 'times');
  if (index === 0) await press(page, 'Space', 'times');
  await expect(timeRadios(page).nth(index)).toBeChecked();
  await continueWithKeyboard('time question');

  // Who is this appointment for? Nothing chosen is an error; then "Someone else".
  await expectPage(page, HEADINGS.whoFor);
  await continueWithKeyboard('who-for question');
  await expectErrorStep(HEADINGS.whoFor, ['Select who the appointment is for']);
  await h1(page).focus();
  await chooseRadioByKeyboard(page, 'Someone else', 'who-for question');
  await expectTabCycle(page, 'who-for question');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');

  // About you: the errors, then each box typed in turn.
  await expectPage(page, HEADINGS.aboutYou);
  await continueWithKeyboard('about you');
  await expectErrorStep(HEADINGS.aboutYou, [
    'Enter your full name',
    'Enter how you know the person you are booking for, for example daughter or carer',
    'Enter a phone number we can call you on',
  ]);
  const b = bookerFields(page);
  await tabTo(page, b.name, { where: 'about you' });
  await typeInto(page, b.name, BOOKER.name);
  await tabOnceTo(page, b.relationship, 'about you');
  await typeInto(page, b.relationship, BOOKER.relationship);
  await tabOnceTo(page, b.phone, 'about you');
  await typeInto(page, b.phone, BOOKER.phone);
  await tabOnceTo(page, continueButton(page), 'about you');
  await page.keyboard.press('Enter');

  // Their details: each box is the next Tab stop, in the order it shows.
  await expectPage(page, HEADINGS.theirDetails);
  const t = theirDetailsFields(page);
  for (const field of ['first', 'last', 'day', 'month', 'year', 'nhs'] as const) {
    await tabOnceTo(page, t[field], 'their details');
    await typeInto(page, t[field], PATIENT[field]);
  }
  await tabOnceTo(page, t.noNhs, 'their details');
  for (const field of ['phone', 'email'] as const) {
    await tabOnceTo(page, t[field], 'their details');
    await typeInto(page, t[field], PATIENT[field]);
  }
  await tabOnceTo(page, t.bySms, 'their details');
  await press(page, 'Space', 'their reminders');
  await expect(t.bySms).toBeChecked();
  await continueWithKeyboard('their details');

  // Do they need any support? Nothing chosen is an error; then "Yes".
  await expectPage(page, HEADINGS.supportThem);
  await continueWithKeyboard('support question');
  await expectErrorStep(HEADINGS.supportThem, ['Select yes if they need any support']);
  await h1(page).focus();
  await chooseRadioByKeyboard(page, 'Yes', 'support question');
  await continueWithKeyboard('support question');

  // What support do they need? The interpreter from the suggestions (type, arrow, Enter — the
  // Enter picks, it does not send the form), a format and an access need with Space, and text.
  await expectPage(page, HEADINGS.supportNeededThem);
  const f = needsFields(page, 'them');
  await tabOnceTo(page, f.interpreter, 'support needed: the first stop after the h1');
  await expect(f.interpreter).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('Pol');
  await expect(f.interpreter).toHaveAttribute('aria-expanded', 'true');
  await expect(f.suggestions.getByRole('option')).toHaveText(['Polish']);
  await expect(page.getByRole('status').filter({ hasText: /suggestions? available/ })).toBeAttached();
  await press(page, 'ArrowDown', 'interpreter suggestions');
  await expect(f.interpreter, 'focus stays in the box while a suggestion is active').toBeFocused();
  await expect(f.suggestions.getByRole('option', { name: 'Polish' })).toHaveAttribute('aria-selected', 'true');
  await expect(f.interpreter).toHaveAttribute('aria-activedescendant', (await f.suggestions.getByRole('option', { name: 'Polish' }).getAttribute('id'))!);
  await press(page, 'Enter', 'interpreter suggestion');
  await expect(f.interpreter).toHaveValue('Polish');
  await expect(f.interpreter).toHaveAttribute('aria-expanded', 'false');
  await expect(f.suggestions).toBeHidden();
  await expect(h1(page), 'Enter on a suggestion does not send the form').toHaveText(HEADINGS.supportNeededThem);
  await expect(errorSummary(page)).toHaveCount(0);
  await expect(f.interpreter).toBeFocused();
  const largePrint = f.letters.getByRole('checkbox', { name: 'Large print', exact: true });
  await tabOnceTo(page, largePrint, 'support needed: the first format after the interpreter');
  await press(page, 'Space', 'Large print');
  await expect(largePrint).toBeChecked();
  const stepFree = f.access.getByRole('checkbox', { name: 'Step-free access', exact: true });
  await tabTo(page, stepFree, { where: 'support needed' });
  await press(page, 'Space', 'Step-free access');
  await expect(stepFree).toBeChecked();
  await tabTo(page, f.other, { where: 'support needed' });
  await typeInto(page, f.other, 'A ramp at the side door, please.');
  await expectTabCycle(page, 'support needed');
  await expect(continueButton(page)).toBeFocused();
  await page.keyboard.press('Enter');

  // Check answers, then book with Enter.
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Urgent symptoms')).toHaveText('None of these');
  await expect(summaryValue(page, 'Who it is for')).toHaveText('Someone else');
  await expect(rowLines(page, 'Booked by')).toHaveText([`${BOOKER.name} (${BOOKER.relationship})`, BOOKER.phone]);
  await expect(rowLines(page, 'Support')).toHaveText(['Interpreter: Polish', 'Large print', 'Step-free access', 'A ramp at the side door, please.']);
  await expectTabCycle(page, 'check answers');
  const stops = await tabTo(page, page.getByRole('button', { name: 'Book appointment', exact: true }), { where: 'check answers' });
  expect(stops.filter((s) => /"Change /.test(s.desc)).length, 'the "Change" links are Tab stops').toBeGreaterThanOrEqual(11);
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.confirmation);
  await expect(page.getByText(REFERENCE)).toBeVisible();
  await expect(page.getByText(`This appointment is for ${PATIENT.first} ${PATIENT.last}. It was booked by ${BOOKER.name}.`)).toBeVisible();
  expect(await demo.patientBookings()).toHaveLength(1);
});

test('keyboard only (1.1): "Get help now" after a symptom — focus on its h1, the 999 link a Tab stop, Back with the keyboard', async ({ page, demo, request }) => {
  await requireFeatures(request, ...NEW_FEATURES);
  await openStart(page);
  await tabTo(page, page.getByRole('button', { name: 'Start now' }), { where: 'start page' });
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.service);
  await chooseRadioByKeyboard(page, SERVICE, 'service question');
  await tabTo(page, continueButton(page), { where: 'service question' });
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.symptoms);
  await tabTo(page, symptom(page, SYMPTOMS.legs), { where: 'symptoms question' });
  await press(page, 'Space', 'a symptom');
  await tabTo(page, continueButton(page), { where: 'symptoms question' });
  await page.keyboard.press('Enter');

  await expectPage(page, HEADINGS.urgent);
  const call = page.getByRole('link', { name: 'Call 999', exact: true });
  await tabOnceTo(page, call, 'get help now: the first stop after the h1');
  await expect(call).toHaveAttribute('href', 'tel:999');
  await expectTabCycle(page, 'get help now');
  const back = page.getByRole('link', { name: 'Back', exact: true });
  await tabTo(page, back, { shift: true, where: 'get help now' });
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.symptoms);
  expect(await demo.patientBookings()).toEqual([]);
});
