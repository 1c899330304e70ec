// SMS invites (`/?invite=CODE`): the start page says why the patient is here, the questions the
// invite answers are skipped, only times inside its window are offered, the booking says it
// came from the invite, and an expired link gets a clear page of its own.
import type { Page } from '@playwright/test';
import {
  BAND_7,
  HEADINGS,
  PLACE,
  REFERENCE,
  SERVICE,
  bookButton,
  continueOn,
  enterDetails,
  expect,
  expectNoAxeViolations,
  expectPage,
  h1,
  moveOverSymptoms,
  openStart,
  passScreening,
  pickTime,
  recordBookingPosts,
  startNow,
  summaryValue,
  test,
  timeRadios,
} from './helpers';
import { EXPIRED_HEADING, INVITE, PHONE, addDays, apiInvite, dateOfTimeName, plainDate } from './helpers-manage';

const backLink = (page: Page) => page.getByRole('link', { name: 'Back', exact: true });
const inviteNotice = (page: Page) => page.getByText(/^You have been invited to book a follow-up physiotherapy appointment/);

/** Every page address the tab shows. */
function pathsSeen(page: Page): string[] {
  const paths: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) paths.push(new URL(frame.url()).pathname);
  });
  return paths;
}

/** The dates in "Or choose a day" ("Tue 1 Dec – 19 times"), as YYYY-MM-DD, within 13 weeks of today. */
async function daysOffered(page: Page, today: string): Promise<string[]> {
  const labels = await page.getByLabel('Or choose a day').locator('option').allTextContents();
  return labels.map((label) => {
    const short = label.split(' – ')[0].trim();
    for (let i = 0; i <= 91; i++) {
      const iso = addDays(today, i);
      const d = new Date(`${iso}T12:00:00Z`);
      const candidate = `${d.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${d.getUTCDate()} ${d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' })}`;
      if (candidate === short) return iso;
    }
    throw new Error(`"${label}" is not a day in the next 13 weeks`);
  });
}

test('an invite (Q7P2MX) is explained on the start page; Start now skips the service and clinician; Back returns to the start page', async ({ page, request }) => {
  const invite = await apiInvite(request, INVITE.followUp);
  const paths = pathsSeen(page);
  await openStart(page, `?invite=${INVITE.followUp}`);
  await expect(inviteNotice(page)).toBeVisible();
  // (Who the appointment is with is checked in its own test below: it depends on load order.)
  await expect(inviteNotice(page)).toContainText(`. Book by ${plainDate(invite.book_until)}.`);
  await expect.soft(h1(page), 'exactly one h1 on the page').toHaveCount(1);

  await startNow(page);
  // Service and band come from the invite: the first question asked is the place (after the
  // service's urgent-symptoms question, answered "None of these", when a 1.1 API asks it).
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.location);
  await expect(page.getByRole('radio', { name: PLACE, exact: true })).toBeVisible();
  expect(paths.filter((p) => p === '/service' || p === '/clinician'), 'the skipped questions are never shown').toEqual([]);

  await moveOverSymptoms(page, () => backLink(page).click(), HEADINGS.start);
  await expectPage(page, HEADINGS.start);
  await expect(inviteNotice(page), 'the invite is still explained').toBeVisible();

  // The browser's Back does the same.
  await startNow(page);
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.location);
  await moveOverSymptoms(page, () => page.goBack(), HEADINGS.start);
  await expectPage(page, HEADINGS.start);
  expect(paths.filter((p) => p === '/service' || p === '/clinician')).toEqual([]);
});

test('the invite message names the clinician even when the invite arrives before the service list', async ({ page, request }) => {
  const invite = await apiInvite(request, INVITE.followUp);
  // Hold the service list back until the invite has been answered (a slow network or API can
  // answer in either order).
  let inviteAnswered!: () => void;
  const answered = new Promise<void>((resolve) => (inviteAnswered = resolve));
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/invites/')) inviteAnswered();
  });
  await page.route(
    (url) => url.pathname === '/api/services',
    async (route) => {
      await answered;
      await route.continue();
    },
  );
  await openStart(page, `?invite=${INVITE.followUp}`);
  await expect(inviteNotice(page)).toBeVisible();
  await expect(inviteNotice(page)).toHaveText(
    `You have been invited to book a follow-up physiotherapy appointment with a ${BAND_7.toLowerCase()}. Book by ${plainDate(invite.book_until)}.`,
  );
});

test('an invite that answers late still skips what it answers: a question answered before it arrives waits for it', async ({ page }) => {
  const paths = pathsSeen(page);
  // The invite is answered 2 s after it is asked (a slow API), after the patient has
  // pressed Start now (and answered the urgent-symptoms question, when a 1.1 API asks it).
  let asked!: () => void;
  const inviteAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route(
    (url) => url.pathname.startsWith('/api/invites/'),
    async (route) => {
      asked();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    },
  );
  await openStart(page, `?invite=${INVITE.followUp}`);
  await inviteAsked;
  await expect(inviteNotice(page), 'the invite has not answered yet').toHaveCount(0);
  await startNow(page);
  await passScreening(page, HEADINGS.start);
  // Service and band come from the invite: the place is the first question, as when it
  // answered first.
  await expectPage(page, HEADINGS.location);
  expect(paths.filter((p) => p === '/service' || p === '/clinician'), 'the questions the invite answers are never shown').toEqual([]);
});

test('an invite with a window (K9W3TB, today+7 to today+35): only times inside it are offered', async ({ page, demo, request }) => {
  const { today } = await demo.reset();
  const invite = await apiInvite(request, INVITE.windowed);
  expect(invite.book_from).toBe(addDays(today, 7));
  expect(invite.book_until).toBe(addDays(today, 35));
  // The oracle: there are free times before and after the window, so a picker that ignored it
  // would show them.
  const q = { service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke' };
  expect((await demo.slots({ ...q, from: today, to: addDays(today, 6) })).length).toBeGreaterThan(0);
  expect((await demo.slots({ ...q, from: addDays(today, 36), to: addDays(today, 45) })).length).toBeGreaterThan(0);

  await openStart(page, `?invite=${INVITE.windowed}`);
  await expect(inviteNotice(page)).toContainText(`Book by ${plainDate(invite.book_until)}.`);
  await startNow(page);
  // Service, band and place all come from the invite: straight to the times (after the
  // urgent-symptoms question when a 1.1 API asks it).
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.time);
  await expect(page.getByText(PLACE, { exact: true }).first()).toBeVisible();
  await expect(timeRadios(page).first()).toBeVisible();

  const days = await daysOffered(page, today);
  expect(days.length).toBeGreaterThan(0);
  expect(days[0] >= invite.book_from, `first day offered ${days[0]} is on or after ${invite.book_from}`).toBe(true);
  expect(days[days.length - 1] <= invite.book_until, `last day offered ${days[days.length - 1]} is on or before ${invite.book_until}`).toBe(true);

  // The times themselves (their accessible names) on the first and the last day.
  const names = async () => (await timeRadios(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))).map((n) => n.trim());
  for (const name of await names()) {
    expect(dateOfTimeName(name) >= invite.book_from, name).toBe(true);
  }
  await page.getByLabel('Or choose a day').selectOption({ index: days.length - 1 });
  await expect(timeRadios(page).first()).toBeVisible();
  for (const name of await names()) {
    const date = dateOfTimeName(name);
    expect(date <= invite.book_until && date >= invite.book_from, name).toBe(true);
  }
  await expect(page.getByRole('button', { name: 'Next day' }), 'nothing after the last day of the window').toBeDisabled();

  // Back from the first question asked goes to the start page (through the urgent-symptoms
  // question, when asked).
  await moveOverSymptoms(page, () => backLink(page).click(), HEADINGS.start);
  await expectPage(page, HEADINGS.start);
});

test('an invite booking (K9W3TB) goes through to confirmation and the booking request says source "sms-invite"', async ({ page, demo, request }) => {
  const invite = await apiInvite(request, INVITE.windowed);
  const posts = recordBookingPosts(page);
  await openStart(page, `?invite=${INVITE.windowed}`);
  await startNow(page);
  await passScreening(page, HEADINGS.start);
  await expectPage(page, HEADINGS.time);
  const picked = await pickTime(page, demo);
  const date = dateOfTimeName(picked.name);
  expect(date >= invite.book_from && date <= invite.book_until, picked.name).toBe(true);
  await continueOn(page, HEADINGS.time);
  await enterDetails(page);
  await expectPage(page, HEADINGS.check);
  await expect(summaryValue(page, 'Appointment')).toHaveText(SERVICE);
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  await expect(page.getByRole('link', { name: 'Change appointment', exact: true }), 'the invite fixed the service').toHaveCount(0);
  await bookButton(page).click();

  await expectPage(page, HEADINGS.confirmation);
  const reference = (await page.getByText(REFERENCE).textContent())!.trim();
  expect(posts).toHaveLength(1);
  const body = JSON.parse(posts[0].body!);
  expect(body.source).toBe('sms-invite');
  expect(body.channel).toBe('online');
  expect(body.slot_id).toBe(picked.slotId);
  const mine = await demo.patientBookings();
  expect(mine).toHaveLength(1);
  expect(mine[0].reference).toBe(reference);
  expect(mine[0].slot_id).toBe(picked.slotId);
  expect(mine[0].band).toBe('band-6');
});

test('an expired invite (EXP1RD) gets its own page: heading, the phone number and a link to book a new appointment', async ({ page }) => {
  await page.goto(`/?invite=${INVITE.expired}`);
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  // A page load (not a step change): focus stays at the top of the document.
  await expectPage(page, EXPIRED_HEADING, { title: false, focus: false });
  await expect(page).toHaveTitle(/^Error: This invitation link has expired/);
  await expect(page.getByRole('main').getByRole('link', { name: PHONE }).first()).toHaveAttribute('href', 'tel:01480123456');
  await expect(inviteNotice(page)).toHaveCount(0);
  await expect.soft(page.getByRole('button', { name: 'Start now' }), 'no "Start now" for a link that is not valid').toHaveCount(0);

  await page.getByRole('link', { name: 'book a new appointment', exact: true }).click();
  await expectPage(page, HEADINGS.start, { focus: false });
  await expect(page).not.toHaveURL(/invite=/);
  await expect(page.getByRole('heading', { name: EXPIRED_HEADING })).toHaveCount(0);
  await startNow(page);
  await expectPage(page, HEADINGS.service);
});

test('an expired invite on a deep link (/time?invite=EXP1RD) gets the same page', async ({ page }) => {
  await page.goto(`/time?invite=${INVITE.expired}`);
  await expectPage(page, EXPIRED_HEADING, { title: false, focus: false });
  await expect(page).toHaveTitle(/^Error: This invitation link has expired/);
  await expect(page.getByRole('main')).toContainText(PHONE);
  await expect(page.getByRole('link', { name: 'book a new appointment', exact: true })).toBeVisible();
});

test('axe: the invite start page and the expired invite page at 320px and 1280px', async ({ page }) => {
  await openStart(page, `?invite=${INVITE.followUp}`);
  await expect(inviteNotice(page)).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `invite start page at ${width}px`);
  }
  await page.goto(`/?invite=${INVITE.expired}`);
  await expect(page.getByRole('heading', { level: 1, name: EXPIRED_HEADING })).toBeVisible();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeViolations(page, `expired invite page at ${width}px`);
  }
});
