// Issue 16, the text message's link: a patient asked to be told of an earlier time (contract
// 1.1 slot_alerts); another patient cancels; the demo API holds the freed time and "sends" a
// text whose link (`/?offer=CODE`, read from the demo outbox) opens the held time. The patient
// confirms their date of birth and it is booked. A hold that has run out says so plainly.
import type { APIRequestContext, Page } from '@playwright/test';
import {
  HEADINGS,
  PLACE,
  REFERENCE,
  expect,
  expectErrors,
  expectNoAxeViolations,
  expectPage,
  h1,
  settled,
  summaryValue,
  test,
  type Demo,
} from './helpers';
import { expectTabCycle, tabTo } from './helpers-a11y';
import { requireFeatures } from './helpers-inclusive';
import { PHONE } from './helpers-manage';
import { bookThroughApi, freeUp, offerLink } from './helpers-held';

const HELD = 'An earlier time is held for you';
const GONE = 'This time is no longer held for you';
const DOB = { day: '15', month: '6', year: '1990', iso: '1990-06-15' };
const FILTER = { service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke' };


/** An alert for any earlier Band 6 time at the place, then a booking there cancelled: the
 * freed time is held for the alert. Returns the offer's link from the text message. */
async function heldTimeLink(request: APIRequestContext, demo: Demo, holdSeconds?: number): Promise<string> {
  const { today } = await demo.reset();
  if (holdSeconds) {
    const res = await request.post('/__demo/hold-seconds', { data: { seconds: holdSeconds } });
    expect(res.status(), await res.text()).toBe(200);
  }
  const before = new Date(Date.parse(today) + 40 * 864e5).toISOString().slice(0, 10);
  const alert = await request.post('/api/slot-alerts', {
    headers: { 'Idempotency-Key': `alert-${Date.now()}` },
    data: {
      ...FILTER,
      before,
      patient: { given_name: 'Amir', family_name: 'Khan', date_of_birth: DOB.iso, phone: '07700 900456' },
    },
  });
  expect(alert.status(), await alert.text()).toBe(201);
  // Someone books a time and cancels it again.
  const from = new Date(Date.parse(today) + 3 * 864e5).toISOString().slice(0, 10);
  const to = new Date(Date.parse(today) + 20 * 864e5).toISOString().slice(0, 10);
  const [slot] = await demo.slots({ ...FILTER, from, to });
  await freeUp(request, slot.id);
  return offerLink(request);
}

async function enterDob(page: Page, dob: { day: string; month: string; year: string }): Promise<void> {
  const group = page.getByRole('group', { name: 'Confirm your date of birth' });
  await group.getByLabel('Day').fill(dob.day);
  await group.getByLabel('Month').fill(dob.month);
  await group.getByLabel('Year').fill(dob.year);
}

test.beforeEach(async ({ request }) => {
  await requireFeatures(request, 'slot_alerts');
});

test('the text message link shows the held time and how long it is held; the date of birth books it', async ({ page, request, demo }) => {
  const link = await heldTimeLink(request, demo);
  const offer = await (await request.get(`/api/offers/${link.split('=')[1]}`)).json();
  await page.goto(link);
  // Opened from a text message: a page load (focus stays where the browser puts it).
  await expectPage(page, HELD, { focus: false });
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  await expect(summaryValue(page, 'Date and time')).toContainText(/\w+day \d{1,2} \w+ \d{4} at /);
  // Held for two hours (the demo's default), said in words, in a polite live region.
  const until = page.locator('[aria-live="polite"]').filter({ hasText: /^It is held for you until \d{1,2}(:\d{2})?[ap]m (today|tomorrow)\.$/ });
  await expect(until).toBeVisible();
  await expect(page.getByRole('main')).toContainText(PHONE);
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `held time at ${width}px`);
  }

  // Nothing typed: the error summary and the field say so.
  await page.getByRole('button', { name: 'Book this time' }).click();
  await expectErrors(page, [/date of birth/i]);
  // Someone else's date of birth: refused by the API, said next to the field.
  await enterDob(page, { day: '16', month: '6', year: '1990' });
  await page.getByRole('button', { name: 'Book this time' }).click();
  await expectErrors(page, ['This time is held for someone else. Check the date of birth.']);
  await expectNoAxeViolations(page, 'held time with an error');

  await enterDob(page, DOB);
  await page.getByRole('button', { name: 'Book this time' }).click();
  await expectPage(page, HEADINGS.confirmation);
  await expect(page.getByText(REFERENCE).first()).toBeVisible();
  const held = (await demo.bookings()).filter((b) => b.status === 'booked' && b.slot_id === offer.slot.id);
  expect(held, 'the held time booked once').toHaveLength(1);

  // The link again: the time is no longer held (it was used).
  await page.goto(link);
  await expectPage(page, GONE);
});

test('a hold that has run out, or a code that was never sent, says so with a way on', async ({ page, request, demo }) => {
  const link = await heldTimeLink(request, demo, 1);
  // The hold runs out a second after the text message.
  await page.waitForTimeout(1_500);
  await page.goto(link);
  await expectPage(page, GONE);
  await expect(page.getByRole('link', { name: 'Book an appointment online' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: PHONE })).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `no longer held at ${width}px`);
  }

  await page.goto('/?offer=OFZZZZZZ');
  await expectPage(page, GONE);
  await settled(page);
  await expect(h1(page)).toHaveCount(1);
});

test('a hold that runs out while the page is open offers the nearest free times, which continue the booking', async ({ page, request, demo }) => {
  const link = await heldTimeLink(request, demo, 4);
  const started = Date.now();
  await page.goto(link);
  await expectPage(page, HELD, { focus: false });
  // The hold runs out four seconds after the text message (a real-time wait: the demo's holds
  // are measured by its clock).
  await page.waitForTimeout(Math.max(0, 4_500 - (Date.now() - started)));
  await enterDob(page, DOB);
  await page.getByRole('button', { name: 'Book this time' }).click();
  await expectPage(page, GONE);
  await expect(page.getByText('Nothing has been booked.', { exact: false })).toBeVisible();
  const nearest = page.getByRole('group', { name: `Nearest times at ${PLACE}` });
  await expect(nearest.getByRole('radio').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'See all available times' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: PHONE })).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `nearest times after a hold ran out at ${width}px`);
  }
  expect((await demo.patientBookings()).filter((b) => b.status === 'booked'), 'nothing booked').toHaveLength(0);
  // One of them continues the booking at the same place: the safety question comes first.
  await nearest.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectPage(page, HEADINGS.symptoms);
});

test('a patient with a booking asks for an earlier time; the link moves their booking to it', async ({ page, request, demo }) => {
  const { today } = await demo.reset();
  const day = (n: number) => new Date(Date.parse(today) + n * 864e5).toISOString().slice(0, 10);
  const slots = await demo.slots({ ...FILTER, from: day(3), to: day(30) });
  const later = slots[slots.length - 1];
  const earlier = slots[0];
  const mine = await bookThroughApi(request, later.id, DOB.iso, 'Amir');
  const alert = await request.post('/api/slot-alerts', {
    headers: { 'Idempotency-Key': `move-${Date.now()}` },
    data: {
      ...FILTER,
      before: later.start.slice(0, 10),
      booking: mine,
      patient: { given_name: 'Amir', family_name: 'Patient', date_of_birth: DOB.iso, phone: '07700 900456' },
    },
  });
  expect(alert.status(), await alert.text()).toBe(201);
  await freeUp(request, earlier.id);
  const link = await offerLink(request);

  await page.goto(link);
  await expectPage(page, HELD, { focus: false });
  await expect(page.getByText(`Your appointment ${mine} moves to this time`, { exact: false })).toBeVisible();
  await enterDob(page, DOB);
  await page.getByRole('button', { name: 'Move my appointment to this time' }).click();
  await expectPage(page, 'Appointment changed');
  const moved = (await demo.bookings()).find((b) => b.reference === mine);
  expect(moved?.slot_id, 'the booking is at the held time').toBe(earlier.id);
  await expectNoAxeViolations(page, 'appointment moved to the held time');
});

test('keyboard only: the held time is booked with Tab, typing and Enter, focus visible at every stop and no trap', async ({ page, request, demo }) => {
  const link = await heldTimeLink(request, demo);
  await page.goto(link);
  await expectPage(page, HELD, { focus: false });
  await expectTabCycle(page, 'the held time');
  const group = page.getByRole('group', { name: 'Confirm your date of birth' });
  for (const [label, value] of [['Day', DOB.day], ['Month', DOB.month], ['Year', DOB.year]]) {
    const field = group.getByLabel(label, { exact: true });
    await tabTo(page, field, { where: `the held time, ${label}` });
    await page.keyboard.type(value);
    await expect(field).toHaveValue(value);
  }
  await tabTo(page, page.getByRole('button', { name: 'Book this time' }), { where: 'the held time, the button' });
  await page.keyboard.press('Enter');
  await expectPage(page, HEADINGS.confirmation);
});
