import {
  BAND_6,
  HEADINGS,
  PATIENT,
  PLACE,
  REFERENCE,
  bookButton,
  chooseLocality,
  continueButton,
  expect,
  expectPage,
  h1,
  recordBookingPosts,
  slotFromUrl,
  summaryValue,
  test,
  timeRadios,
  tryAgainButton,
  walkTo,
} from './helpers';
import type { Page } from '@playwright/test';

const UNKNOWN_OUTCOME =
  'We do not know if your appointment was booked. Select ‘Book appointment’ again: you will not be booked twice.';

async function expectAnswersKept(page: Page) {
  await expect(summaryValue(page, 'Name')).toHaveText(`${PATIENT.first} ${PATIENT.last}`);
  await expect(summaryValue(page, 'NHS number')).toHaveText(PATIENT.nhs);
  await expect(summaryValue(page, 'Mobile phone')).toHaveText(PATIENT.phone);
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  await expect(summaryValue(page, 'Clinician')).toHaveText(BAND_6);
}

test('someone else books the time first (409): the patient picks a nearby time and books it', async ({ page, demo }) => {
  const posts = recordBookingPosts(page);
  await walkTo(page, demo, 'check');
  const taken = slotFromUrl(page);
  const takenWhen = (await summaryValue(page, 'Date and time').textContent())!.trim();
  await demo.takeSlot(taken);

  await bookButton(page).click();
  await expectPage(page, HEADINGS.taken);
  await expect(page.getByText(/^We have kept all your answers/)).toBeVisible();
  const nearest = page.getByRole('group', { name: `Nearest times at ${PLACE}` });
  await expect(nearest).toBeVisible();
  await expect(nearest.getByRole('radio')).not.toHaveCount(0);
  const choice = nearest.getByRole('radio').first();
  await choice.check();
  const chosen = await choice.getAttribute('value');
  await continueButton(page).click();

  await expectPage(page, HEADINGS.check);
  const again = slotFromUrl(page);
  expect(again).not.toBe(taken);
  expect(again).toBe(chosen);
  await expect(summaryValue(page, 'Date and time')).not.toContainText(takenWhen);
  await expectAnswersKept(page);

  await bookButton(page).click();
  await expectPage(page, HEADINGS.confirmation);
  await expect(page.getByText(REFERENCE)).toBeVisible();
  const mine = await demo.patientBookings();
  expect(mine).toHaveLength(1);
  expect(mine[0].slot_id).toBe(again);
  const theirs = (await demo.bookings()).filter((b) => b.origin === 'someone-else');
  expect(theirs.map((b) => b.slot_id)).toEqual([taken]);
  expect(posts).toHaveLength(2);
});

for (const status of [503, 429]) {
  test(`the booking service is busy (${status} with Retry-After: 5), then "Try again" books once`, async ({ page, demo }) => {
    const posts = recordBookingPosts(page);
    await walkTo(page, demo, 'check');
    await demo.failNext({ method: 'POST', path: '/api/bookings', status, retry_after: 5 });

    await bookButton(page).click();
    await expectPage(page, 'The booking service is busy', { title: false });
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByText(/Try again in 5 seconds\./)).toBeVisible();
    await expect(page.getByText(/Nothing you have entered has been lost/)).toBeVisible();
    expect(await demo.patientBookings()).toHaveLength(0);

    await tryAgainButton(page).click();
    await expectPage(page, HEADINGS.confirmation);
    await expect(page.getByText(REFERENCE)).toBeVisible();
    expect(await demo.patientBookings()).toHaveLength(1);
    expect(posts).toHaveLength(2);
    expect(posts[1].key).toBe(posts[0].key);
  });
}

test('the answer is lost after the booking was made: booking again gets the same booking', async ({ page, demo }) => {
  const posts = recordBookingPosts(page);
  await walkTo(page, demo, 'check');
  await demo.failNext({ method: 'POST', path: '/api/bookings', drop_after_commit: true });

  await bookButton(page).click();
  await expect(page.getByText(UNKNOWN_OUTCOME, { exact: true })).toBeVisible();
  await expect.soft(h1(page), 'exactly one h1 on the page').toHaveCount(1);
  await expect.soft(h1(page).first(), 'focus on the h1').toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  const made = await demo.patientBookings();
  expect(made, 'the first request did book').toHaveLength(1);

  await bookButton(page).click();
  await expectPage(page, HEADINGS.confirmation);
  const reference = (await page.getByText(REFERENCE).textContent())!.trim();
  const after = await demo.patientBookings();
  expect(after).toHaveLength(1);
  expect(after[0].reference).toBe(reference);
  expect(reference).toBe(made[0].reference);
  expect(posts).toHaveLength(2);
  expect(posts[0].key).toBeTruthy();
  expect(posts[1].key).toBe(posts[0].key);
  expect(posts[1].body).toBe(posts[0].body);
  expect(after[0].idempotency_key).toBe(posts[0].key);
});

test('no connection while loading times: "We could not connect", then "Try again" shows the times', async ({ page, demo }) => {
  await walkTo(page, demo, 'location');
  const slots = (url: URL) => url.pathname === '/api/slots';
  await page.route(slots, (route) => route.abort('internetdisconnected'));

  await chooseLocality(page);
  await expectPage(page, HEADINGS.time);
  await expect(page.getByText('We could not connect to the booking service', { exact: true })).toBeVisible();
  await expect(page.getByText(/Nothing you have entered has been lost/)).toBeVisible();
  await expect(page.getByRole('main')).toContainText('01480 123456');
  await expect(timeRadios(page)).toHaveCount(0);

  await page.unroute(slots);
  await tryAgainButton(page).click();
  await expect(timeRadios(page).first()).toBeVisible();
  await expect(page.getByText('We could not connect to the booking service')).toHaveCount(0);
});

test('a proxy answers the places request with an HTML 502: a clear page, never blank, and "Try again" works', async ({ page, demo }) => {
  await walkTo(page, demo, 'clinician');
  await page.getByRole('radio', { name: BAND_6, exact: true }).check();
  await demo.failNext({ method: 'GET', path: '/api/localities', status: 502, html: true });
  await continueButton(page).click();

  await expect(h1(page)).toHaveText(/booking service/);
  await expect.soft(h1(page), 'exactly one h1 on the page').toHaveCount(1);
  await expect.soft(h1(page), 'focus on the h1').toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('main')).toContainText(/Try again|try again/);
  await expect(page.getByRole('main')).toContainText('01480 123456');
  await expect(page.getByRole('main')).not.toContainText('Bad Gateway');
  await expect(page.getByRole('link', { name: 'Back', exact: true })).toBeVisible();

  await tryAgainButton(page).click();
  await expectPage(page, HEADINGS.location, { focus: false });
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeVisible();
});

test('a double click on "Book appointment" sends one booking request', async ({ page, demo }) => {
  const posts = recordBookingPosts(page);
  await walkTo(page, demo, 'check');
  // Slow answers, so the second click lands while the first request is on its way.
  await demo.faults({ latency_ms: 800 });
  await bookButton(page).dblclick();
  await expectPage(page, HEADINGS.confirmation);
  expect(posts).toHaveLength(1);
  expect(await demo.patientBookings()).toHaveLength(1);
});
