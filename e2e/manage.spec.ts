// Change or cancel an appointment: find it by reference and date of birth, cancel it, move it,
// the states the API can answer with, the ways in, and axe on every page and state.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  HEADINGS,
  PLACE,
  REFERENCE,
  TIME_NAME,
  continueButton,
  dobGroup,
  expect,
  expectErrors,
  expectNoAxeViolations,
  expectPage,
  h1,
  openStart,
  pickTime,
  summaryValue,
  test,
  timeRadios,
  walkTo,
  type Demo,
} from './helpers';
import {
  CANCELLED,
  CHANGEABLE,
  MANAGE,
  NOT_FOUND,
  PHONE,
  TOO_LATE,
  apiBooking,
  dateTime,
  expectNoSecretsInUrls,
  findBooking,
  findButton,
  icsUtc,
  openBooking,
  openFind,
  referenceField,
  slotIsFree,
  statusTag,
  watchUrls,
} from './helpers-manage';

const changeTime = (page: Page) => page.getByRole('link', { name: 'Change the time', exact: true });
const cancelLink = (page: Page) => page.getByRole('link', { name: 'Cancel appointment', exact: true });
const yesCancel = (page: Page) => page.getByRole('button', { name: 'Yes, cancel appointment', exact: true });
const confirmNewTime = (page: Page) => page.getByRole('button', { name: 'Confirm new time', exact: true });
/** A slot the API lists as free in the next 31 days (fails when it is not). */
async function freeSlot(demo: Demo, id: string) {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const free = await demo.slots({
    service: 'physio-msk',
    band: 'band-6',
    locality: 'hinchingbrooke',
    from: iso(new Date()),
    to: iso(new Date(Date.now() + 31 * 864e5)),
  });
  const slot = free.find((s) => s.id === id);
  expect(slot, `${id} is free per the API`).toBeTruthy();
  return slot!;
}

const TOO_LATE_TEXT = 'It is too late to change or cancel this appointment online.';

/** From "Your appointment" to "Check your new time" with the first safe time on show. */
async function chooseNewTime(page: Page, demo: Demo): Promise<{ slotId: string; name: string }> {
  await changeTime(page).click();
  await expectPage(page, MANAGE.newTime);
  await expect(page.getByText(PLACE, { exact: true }).first()).toBeVisible();
  const picked = await pickTime(page, demo);
  expect(picked.name).toMatch(TIME_NAME);
  await continueButton(page).click();
  await expectPage(page, MANAGE.checkNewTime);
  return picked;
}

// ---------------------------------------------------------------------------------------------
// Find

test('find: a reference typed loosely (" phy 4b7k2m ") finds the booking', async ({ page, request }) => {
  const urls = watchUrls(page);
  const held = await apiBooking(request, CHANGEABLE);
  await openFind(page);
  await expect(page.getByText('For example, PHY-7K3Q9D', { exact: true })).toBeVisible();
  await findBooking(page, ' phy 4b7k2m ', CHANGEABLE.dob);

  await expectPage(page, MANAGE.booking);
  expect(new URL(page.url()).pathname).toBe('/manage/appointment');
  await expect(page.getByText(`Reference ${CHANGEABLE.reference}`, { exact: true })).toBeVisible();
  await expect(statusTag(page)).toHaveText('Booked');
  await expect(summaryValue(page, 'Date and time')).toContainText(dateTime(held.slot.start));
  await expect(summaryValue(page, 'Appointment')).toContainText('Physiotherapy (muscles, bones and joints)');
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  await expect(changeTime(page)).toBeVisible();
  await expect(cancelLink(page)).toBeVisible();
  await expect(page.getByText(`You can change or cancel online until ${dateTime(held.cancel_before!)}.`)).toBeVisible();
  await expectNoSecretsInUrls(page, urls, CHANGEABLE);
});

test('find: a wrong date of birth and a wrong reference get the same message, which never says which was wrong', async ({ page }) => {
  const urls = watchUrls(page);
  await openFind(page);
  const texts: string[] = [];

  // Right reference, wrong date of birth.
  await findBooking(page, CHANGEABLE.reference, { day: '1', month: '3', year: '1958' });
  const summary = await expectErrors(page, [NOT_FOUND]);
  await expect(page).toHaveTitle(/^Error: Find your appointment – /);
  texts.push((await summary.textContent())!.trim());
  expect(texts[0]).not.toMatch(/date of birth is wrong|reference is wrong|does not match/i);

  // The link in the summary moves to the reference field.
  await summary.getByRole('link', { name: NOT_FOUND }).click();
  await expect(referenceField(page)).toBeFocused();

  // Wrong reference, right date of birth: the same words, the summary focused again.
  await findBooking(page, 'PHY-4B7K2N', CHANGEABLE.dob);
  await expect(findButton(page)).toBeEnabled();
  const again = await expectErrors(page, [NOT_FOUND]);
  texts.push((await again.textContent())!.trim());
  expect(texts[1]).toBe(texts[0]);
  await expect(h1(page)).toHaveText(MANAGE.find);
  await expectNoSecretsInUrls(page, urls, CHANGEABLE);
});

test('find: empty and malformed answers are explained before anything is sent', async ({ page }) => {
  const lookups: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/bookings/')) lookups.push(r.url());
  });
  await openFind(page);
  await findButton(page).click();
  const summary = page.locator('.nhsb-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link').first()).toHaveText('Enter your booking reference');
  await expect(page).toHaveTitle(/^Error: /);

  await findBooking(page, '<script>', CHANGEABLE.dob);
  await expect(summary.getByRole('link').first()).toHaveText(/like PHY-7K3Q9D/);
  expect(lookups, 'nothing looked up while the answers are invalid').toEqual([]);
});

test('find: the booking service is busy (429 with Retry-After) says when to try again', async ({ page, demo }) => {
  await openFind(page);
  await demo.failNext({ method: 'GET', path: '/api/bookings/*', status: 429, retry_after: 7 });
  await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
  const problem = page.getByRole('alert').filter({ hasText: 'The booking service is busy' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('Try again in 7 seconds.');
  await expect(problem).toContainText(PHONE);
  await expect(page.getByRole('main')).not.toContainText(NOT_FOUND);
  // Like every other page showing a problem (check answers, places, cancel, new time).
  await expect.soft(page, 'the tab title says there is an error').toHaveTitle(/^Error: /);
  // The answers are kept: pressing the button again finds the booking.
  await expect(referenceField(page)).toHaveValue(CHANGEABLE.reference);
  await findButton(page).click();
  await expectPage(page, MANAGE.booking);
});

test('find: after 10 failed look-ups the real rate limit (429) shows "Try again in N seconds"', async ({ page, request }) => {
  await openFind(page);
  for (let i = 0; i < 10; i++) {
    const res = await request.get(`/api/bookings/PHY-AAAAA${i + 2}?date_of_birth=1958-02-28`);
    expect(res.status()).toBe(404);
  }
  await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
  const problem = page.getByRole('alert').filter({ hasText: 'The booking service is busy' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(/Try again in (\d+ seconds|1 minute)\./);
  await expect(page.getByRole('main')).not.toContainText(NOT_FOUND);
});

// ---------------------------------------------------------------------------------------------
// Cancel

test('cancel: a changeable booking is cancelled, shows as Cancelled when found again, and its time is free', async ({ page, demo, request }) => {
  const urls = watchUrls(page);
  const held = await apiBooking(request, CHANGEABLE);
  await openBooking(page, CHANGEABLE);
  await cancelLink(page).click();

  await expectPage(page, MANAGE.cancel);
  await expect(summaryValue(page, 'Date and time')).toContainText(dateTime(held.slot.start));
  const reasons = page.getByRole('group', { name: 'Why are you cancelling? (optional)' });
  await expect(reasons.getByRole('radio')).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'No, keep my appointment', exact: true })).toBeVisible();
  await reasons.getByRole('radio', { name: 'I feel better', exact: true }).check();
  await yesCancel(page).click();

  await expectPage(page, MANAGE.cancelled);
  await expect(page.getByText(CHANGEABLE.reference, { exact: true })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/manage/cancelled');
  const after = (await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference)!;
  expect(after.status).toBe('cancelled');
  expect(await slotIsFree(demo, held.slot), 'the cancelled time is offered again').toBe(true);

  // Found again: Cancelled, with a way to book a new appointment and no change or cancel.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment' }).click();
  await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
  await expectPage(page, MANAGE.booking);
  await expect(statusTag(page)).toHaveText('Cancelled');
  await expect(page.getByText('This appointment has been cancelled.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Book a new appointment', exact: true })).toBeVisible();
  await expect(changeTime(page)).toHaveCount(0);
  await expect(cancelLink(page)).toHaveCount(0);
  await expectNoSecretsInUrls(page, urls, CHANGEABLE);
});

test('cancel: "No, keep my appointment" goes back and nothing changes', async ({ page, demo }) => {
  await openBooking(page, CHANGEABLE);
  await cancelLink(page).click();
  await expectPage(page, MANAGE.cancel);
  await page.getByRole('link', { name: 'No, keep my appointment', exact: true }).click();
  await expectPage(page, MANAGE.booking);
  await expect(statusTag(page)).toHaveText('Booked');
  expect((await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference)!.status).toBe('booked');
});

test('cancel window closed (PHY-9TQ4XW): the booking page says too late, offers no cancel, and the API refuses a cancel sent from the cancel page', async ({ page, demo, request }) => {
  const urls = watchUrls(page);
  const held = await apiBooking(request, TOO_LATE);
  await openBooking(page, TOO_LATE);
  await expect(statusTag(page)).toHaveText('Booked');
  await expect(page.getByText(TOO_LATE_TEXT)).toBeVisible();
  await expect(page.getByRole('main')).toContainText(PHONE);
  await expect(page.getByRole('main').getByRole('link', { name: PHONE })).toHaveAttribute('href', 'tel:01480123456');
  await expect(cancelLink(page), 'no "Cancel appointment" once too late').toHaveCount(0);
  await expect(changeTime(page), 'no "Change the time" once too late').toHaveCount(0);

  // The UI offers no cancel; the cancel page can still be opened by its address (the booking
  // is kept in this tab). Cancelling there meets the API's 409 booking_window_closed.
  await page.goto('/manage/cancel');
  await expectPage(page, MANAGE.cancel, { focus: false });
  await yesCancel(page).click();
  const problem = page.getByRole('alert').filter({ hasText: 'It is too late to cancel online' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(
    `Appointments can only be cancelled online until ${dateTime(held.cancel_before!)}.`,
  );
  await expect(problem).toContainText(PHONE);
  await expect(page).toHaveTitle(/^Error: /);
  expect((await demo.bookings()).find((b) => b.reference === TOO_LATE.reference)!.status).toBe('booked');
  await expectNoSecretsInUrls(page, urls, TOO_LATE);
});

test('cancel window closes while the patient is on the cancel page (409 booking_window_closed): too late, with the phone number and the time in words', async ({ page, demo, request }) => {
  const held = await apiBooking(request, CHANGEABLE);
  await openBooking(page, CHANGEABLE);
  await cancelLink(page).click();
  await expectPage(page, MANAGE.cancel);
  await demo.failNext({
    method: 'POST',
    path: `/api/bookings/${CHANGEABLE.reference}/cancel`,
    status: 409,
    code: 'booking_window_closed',
  });
  await yesCancel(page).click();
  const problem = page.getByRole('alert').filter({ hasText: 'It is too late to cancel online' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(
    `Appointments can only be cancelled online until ${dateTime(held.cancel_before!)}. To cancel, call ${PHONE}`,
  );
  await expect(page).toHaveTitle(/^Error: /);
  await expect(h1(page)).toBeFocused();
  expect((await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference)!.status).toBe('booked');
});

test('moving a booking past its cancel window (PHY-9TQ4XW) from the new-time page is refused: too late, appointment unchanged', async ({ page, demo }) => {
  const before = (await demo.bookings()).find((b) => b.reference === TOO_LATE.reference)!;
  await openBooking(page, TOO_LATE);
  await page.goto('/manage/new-time');
  await expectPage(page, MANAGE.newTime, { focus: false });
  await pickTime(page, demo);
  await continueButton(page).click();
  await expectPage(page, MANAGE.checkNewTime, { focus: false });
  await confirmNewTime(page).click();
  await expectPage(page, 'It is too late to change this appointment online', { title: false });
  await expect(page.getByRole('main')).toContainText(PHONE);
  await expect(page.getByRole('main')).toContainText('Your appointment has not changed.');
  const after = (await demo.bookings()).find((b) => b.reference === TOO_LATE.reference)!;
  expect(after.slot_id).toBe(before.slot_id);
  expect(after.status).toBe('booked');
});

test('an already cancelled booking (PHY-CX3N8R) shows Cancelled and offers "Book a new appointment"', async ({ page }) => {
  const urls = watchUrls(page);
  await openBooking(page, CANCELLED);
  await expect(statusTag(page)).toHaveText('Cancelled');
  await expect(page.getByText('This appointment has been cancelled.')).toBeVisible();
  await expect(changeTime(page)).toHaveCount(0);
  await expect(cancelLink(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Book a new appointment', exact: true }).click();
  await expectPage(page, HEADINGS.start);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expectNoSecretsInUrls(page, urls, CANCELLED);
});

// ---------------------------------------------------------------------------------------------
// Move to another time

test('reschedule: the new time is shown with the same reference, the calendar file has the new start, the API holds the new slot and frees the old', async ({ page, demo, request }) => {
  const urls = watchUrls(page);
  const held = await apiBooking(request, CHANGEABLE);
  const reschedules: { key: string | undefined; body: string | null }[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/reschedule')) {
      reschedules.push({ key: r.headers()['idempotency-key'], body: r.postData() });
    }
  });
  await openBooking(page, CHANGEABLE);
  const picked = await chooseNewTime(page, demo);
  expect(picked.slotId).not.toBe(held.slot.id);
  const newSlot = await freeSlot(demo, picked.slotId);

  await expect(summaryValue(page, 'Current time')).toHaveText(dateTime(held.slot.start));
  await expect(summaryValue(page, 'New time')).toContainText(dateTime(newSlot.start));
  await expect(summaryValue(page, 'Location')).toHaveText(PLACE);
  await confirmNewTime(page).click();

  await expectPage(page, MANAGE.changed);
  await expect(page.getByText('Your booking reference is still')).toBeVisible();
  await expect(page.getByText(CHANGEABLE.reference, { exact: true })).toBeVisible();
  await expect(summaryValue(page, 'Date and time')).toContainText(dateTime(newSlot.start));
  await expect(page.getByRole('main')).not.toContainText(dateTime(held.slot.start));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Add to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`appointment-${CHANGEABLE.reference}.ics`);
  const ics = (await readFile((await download.path())!, 'utf8')).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain(`\r\nDTSTART:${icsUtc(newSlot.start)}\r\n`);
  expect(ics).toContain(`\r\nDTEND:${icsUtc(newSlot.end)}\r\n`);
  expect(ics).not.toContain(`DTSTART:${icsUtc(held.slot.start)}`);

  const moved = (await demo.bookings()).filter((b) => b.reference === CHANGEABLE.reference);
  expect(moved).toHaveLength(1);
  expect(moved[0].slot_id).toBe(newSlot.id);
  expect(moved[0].status).toBe('booked');
  expect(await slotIsFree(demo, held.slot), 'the old time is free again').toBe(true);
  expect(await slotIsFree(demo, newSlot), 'the new time is no longer offered').toBe(false);
  expect(reschedules).toHaveLength(1);
  expect(reschedules[0].key).toBeTruthy();
  expect(JSON.parse(reschedules[0].body!)).toMatchObject({ slot_id: newSlot.id, date_of_birth: CHANGEABLE.dob.iso });
  await expectNoSecretsInUrls(page, urls, CHANGEABLE);
});

test('reschedule: the booking\'s own time is never offered as a new time', async ({ page, request }) => {
  const held = await apiBooking(request, CHANGEABLE);
  await openBooking(page, CHANGEABLE);
  await changeTime(page).click();
  await expectPage(page, MANAGE.newTime);
  // Jump to the booking's own day with "Or choose a day".
  const day = page.getByLabel('Or choose a day');
  const d = new Date(`${held.slot.start.slice(0, 10)}T12:00:00Z`);
  const short = `${d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${d.getUTCDate()} ${d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })}`;
  const option = day.locator('option').filter({ hasText: new RegExp(`^${short} – `) });
  await expect(option).toHaveCount(1);
  await day.selectOption({ value: (await option.getAttribute('value'))! });
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^\\w+day ${d.getUTCDate()} `) })).toBeVisible();
  await expect(timeRadios(page).first()).toBeVisible();
  const values = await timeRadios(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).not.toContain(held.slot.id);
});

test('reschedule: someone else takes the new time first (409) — the original appointment is kept, nearest times are offered, and one of them can be confirmed', async ({ page, demo, request }) => {
  const held = await apiBooking(request, CHANGEABLE);
  await openBooking(page, CHANGEABLE);
  const picked = await chooseNewTime(page, demo);
  await demo.takeSlot(picked.slotId);
  await confirmNewTime(page).click();

  await expectPage(page, MANAGE.taken);
  await expect(page.getByText(`Your original appointment on ${dateTime(held.slot.start)} is kept.`, { exact: false })).toBeVisible();
  const nearest = page.getByRole('group', { name: `Nearest times at ${PLACE}` });
  await expect(nearest.getByRole('radio')).not.toHaveCount(0);
  const offered = await nearest.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(offered).not.toContain(picked.slotId);
  expect(offered).not.toContain(held.slot.id);

  // The API still holds the original booking at the original time.
  let mine = (await demo.bookings()).filter((b) => b.reference === CHANGEABLE.reference);
  expect(mine).toHaveLength(1);
  expect(mine[0].slot_id).toBe(held.slot.id);
  expect(mine[0].status).toBe('booked');
  const theirs = (await demo.bookings()).filter((b) => b.origin === 'someone-else');
  expect(theirs.map((b) => b.slot_id)).toEqual([picked.slotId]);

  // Choose one of the nearest times and confirm it.
  const choice = nearest.getByRole('radio').first();
  await choice.check();
  const chosen = (await choice.getAttribute('value'))!;
  await continueButton(page).click();
  await expectPage(page, MANAGE.checkNewTime);
  await confirmNewTime(page).click();
  await expectPage(page, MANAGE.changed);
  await expect(page.getByText(CHANGEABLE.reference, { exact: true })).toBeVisible();
  mine = (await demo.bookings()).filter((b) => b.reference === CHANGEABLE.reference);
  expect(mine).toHaveLength(1);
  expect(mine[0].slot_id).toBe(chosen);
});

test('reschedule: the service is busy (503), "Try again" moves the booking once with the same Idempotency-Key', async ({ page, demo }) => {
  const keys: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/reschedule')) keys.push(r.headers()['idempotency-key']);
  });
  await openBooking(page, CHANGEABLE);
  const picked = await chooseNewTime(page, demo);
  await demo.failNext({ method: 'POST', path: '/api/bookings/*', status: 503, retry_after: 3 });
  await confirmNewTime(page).click();
  await expectPage(page, 'The booking service is busy', { title: false });
  await expect(page.getByRole('main')).toContainText('Try again in 3 seconds.');
  await expect(page.getByRole('main')).toContainText(PHONE);
  expect((await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference)!.slot_id).not.toBe(picked.slotId);
  await page.getByRole('button', { name: 'Try again', exact: true }).click();
  await expectPage(page, MANAGE.changed);
  expect((await demo.bookings()).find((b) => b.reference === CHANGEABLE.reference)!.slot_id).toBe(picked.slotId);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);
});

// ---------------------------------------------------------------------------------------------
// Ways in

test('ways in: the start page, the footer and the confirmation page all reach "Find your appointment"', async ({ page, demo }) => {
  const expectFind = async (from: string) => {
    await expectPage(page, MANAGE.find);
    expect(new URL(page.url()).pathname, `from ${from}`).toBe('/manage');
    await expect(referenceField(page)).toBeVisible();
    await expect(dobGroup(page)).toBeVisible();
  };
  // The confirmation page first (the booking is then finished, so Start now starts afresh).
  const walked = await walkTo(page, demo, 'confirmation');
  await page.getByRole('link', { name: 'Change or cancel this appointment', exact: true }).click();
  await expectFind('confirmation page');
  // ...and the booking just made can be found there.
  expect(walked.reference).toMatch(REFERENCE);
  await findBooking(page, walked.reference!, { day: '28', month: '2', year: '1958' });
  await expectPage(page, MANAGE.booking);
  await expect(page.getByText(`Reference ${walked.reference}`, { exact: true })).toBeVisible();

  await openStart(page);
  await page.getByRole('link', { name: 'Change or cancel an appointment you have already booked', exact: true }).click();
  await expectFind('start page');

  await openStart(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment', exact: true }).click();
  await expectFind('footer on the start page');

  // The footer on a question page too.
  await walkTo(page, demo, 'clinician');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Change or cancel an appointment', exact: true }).click();
  await expectFind('footer on a question page');
});

// ---------------------------------------------------------------------------------------------
// Accessibility: every manage page and state, at a phone width and a desktop width

type State = { name: string; reach: (page: Page, demo: Demo) => Promise<unknown> };

const states: State[] = [
  { name: 'find', reach: (page) => openFind(page) },
  {
    name: 'find with errors (nothing entered)',
    reach: async (page) => {
      await openFind(page);
      await findButton(page).click();
      await expect(page.locator('.nhsb-error-summary')).toBeFocused();
    },
  },
  {
    name: 'find, not found',
    reach: async (page) => {
      await openFind(page);
      await findBooking(page, 'PHY-4B7K2N', CHANGEABLE.dob);
      await expectErrors(page, [NOT_FOUND]);
    },
  },
  {
    name: 'find, service busy (429)',
    reach: async (page, demo) => {
      await openFind(page);
      await demo.failNext({ method: 'GET', path: '/api/bookings/*', status: 429, retry_after: 7 });
      await findBooking(page, CHANGEABLE.reference, CHANGEABLE.dob);
      await expect(page.getByRole('alert').filter({ hasText: 'The booking service is busy' })).toBeVisible();
    },
  },
  { name: 'your appointment (booked)', reach: (page) => openBooking(page, CHANGEABLE) },
  { name: 'your appointment (cancelled)', reach: (page) => openBooking(page, CANCELLED) },
  {
    name: 'your appointment (too late)',
    reach: async (page) => {
      await openBooking(page, TOO_LATE);
      await expect(page.getByText(TOO_LATE_TEXT)).toBeVisible();
    },
  },
  {
    name: 'cancel',
    reach: async (page) => {
      await openBooking(page, CHANGEABLE);
      await cancelLink(page).click();
      await expectPage(page, MANAGE.cancel, { focus: false });
    },
  },
  {
    name: 'cancel, too late (409)',
    reach: async (page) => {
      await openBooking(page, TOO_LATE);
      await page.goto('/manage/cancel');
      await expectPage(page, MANAGE.cancel, { focus: false });
      await yesCancel(page).click();
      await expect(page.getByRole('alert').filter({ hasText: 'It is too late to cancel online' })).toBeVisible();
    },
  },
  {
    name: 'cancelled',
    reach: async (page) => {
      await openBooking(page, CHANGEABLE);
      await cancelLink(page).click();
      await yesCancel(page).click();
      await expectPage(page, MANAGE.cancelled, { focus: false });
    },
  },
  {
    name: 'choose a new time',
    reach: async (page) => {
      await openBooking(page, CHANGEABLE);
      await changeTime(page).click();
      await expectPage(page, MANAGE.newTime, { focus: false });
      await expect(timeRadios(page).first()).toBeVisible();
    },
  },
  {
    name: 'choose a new time with errors',
    reach: async (page) => {
      await openBooking(page, CHANGEABLE);
      await changeTime(page).click();
      await expect(timeRadios(page).first()).toBeVisible();
      await continueButton(page).click();
      await expect(page.locator('.nhsb-error-summary')).toBeFocused();
    },
  },
  {
    name: 'check your new time',
    reach: async (page, demo) => {
      await openBooking(page, CHANGEABLE);
      await chooseNewTime(page, demo);
    },
  },
  {
    name: 'new time taken (409)',
    reach: async (page, demo) => {
      await openBooking(page, CHANGEABLE);
      const picked = await chooseNewTime(page, demo);
      await demo.takeSlot(picked.slotId);
      await confirmNewTime(page).click();
      await expectPage(page, MANAGE.taken, { focus: false });
    },
  },
  {
    name: 'new time, service busy (503)',
    reach: async (page, demo) => {
      await openBooking(page, CHANGEABLE);
      await chooseNewTime(page, demo);
      await demo.failNext({ method: 'POST', path: '/api/bookings/*', status: 503, retry_after: 3 });
      await confirmNewTime(page).click();
      await expectPage(page, 'The booking service is busy', { focus: false, title: false });
    },
  },
  {
    name: 'appointment changed',
    reach: async (page, demo) => {
      await openBooking(page, CHANGEABLE);
      await chooseNewTime(page, demo);
      await confirmNewTime(page).click();
      await expectPage(page, MANAGE.changed, { focus: false });
    },
  },
];

for (const state of states) {
  test(`axe: ${state.name} at 320px and 1280px`, async ({ page, demo }) => {
    await state.reach(page, demo);
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await expectNoAxeViolations(page, `${state.name} at ${width}px`);
    }
  });
}
