// Shared pieces for the manage journey (find, cancel, move), SMS invites, fault runs and
// hostile data. Builds on helpers.ts (which stays untouched).
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { dobGroup, expect, expectPage, h1, type Demo } from './helpers';

// ---------------------------------------------------------------------------------------------
// Seeded bookings and invites (demo-api/README.md)

export type Dob = { day: string; month: string; year: string; iso: string };

export type Seeded = { reference: string; dob: Dob };

const dob = (iso: string): Dob => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year, iso };
};

/** Booked about 3 weeks ahead: can be cancelled and moved. */
export const CHANGEABLE: Seeded = { reference: 'PHY-4B7K2M', dob: dob('1958-02-28') };
/** Starts within 24 hours: past its cancel window. */
export const TOO_LATE: Seeded = { reference: 'PHY-9TQ4XW', dob: dob('1972-11-05') };
/** Already cancelled. */
export const CANCELLED: Seeded = { reference: 'PHY-CX3N8R', dob: dob('1990-06-15') };

export const PHONE = '01480 123456';

export const MANAGE = {
  find: 'Find your appointment',
  booking: 'Your appointment',
  cancel: 'Are you sure you want to cancel this appointment?',
  cancelled: 'Appointment cancelled',
  newTime: 'Choose a new time',
  checkNewTime: 'Check your new time',
  changed: 'Appointment changed',
  taken: 'That time has just been booked by someone else',
} as const;

export const NOT_FOUND =
  'We could not find a booking with those details. Check your booking reference and date of birth';

export const INVITE = {
  followUp: 'Q7P2MX',
  windowed: 'K9W3TB',
  expired: 'EXP1RD',
} as const;

export const EXPIRED_HEADING = 'This invitation link has expired or is not valid';

// ---------------------------------------------------------------------------------------------
// The API as an oracle (the booking as the API holds it)

export type ApiBooking = {
  reference: string;
  status: string;
  cancel_before: string | null;
  slot: { id: string; start: string; end: string; mode: string; band: string; locality: string };
  locality: { id: string; name: string };
  service: { id: string; name: string };
};

export async function apiBooking(request: APIRequestContext, s: Seeded): Promise<ApiBooking> {
  const res = await request.get(
    `/api/bookings/${encodeURIComponent(s.reference)}?date_of_birth=${s.dob.iso}`,
  );
  expect(res.status(), `GET /api/bookings/${s.reference}`).toBe(200);
  return res.json();
}

export async function apiInvite(
  request: APIRequestContext,
  code: string,
): Promise<{ code: string; service: string; band: string | null; locality: string | null; book_from: string; book_until: string }> {
  const res = await request.get(`/api/invites/${code}`);
  expect(res.status(), `GET /api/invites/${code}`).toBe(200);
  return res.json();
}

/** Whether a slot is free now, per the API (its day is searched). */
export async function slotIsFree(demo: Demo, slot: { id: string; start: string }): Promise<boolean> {
  const day = slot.start.slice(0, 10);
  const free = await demo.slots({ service: 'physio-msk', band: 'band-6', locality: 'hinchingbrooke', from: day, to: day });
  return free.some((s) => s.id === slot.id);
}

// ---------------------------------------------------------------------------------------------
// Words the app uses (domain/src/format.rs), computed from the API's RFC 3339 times. The wall
// clock is read from the string itself: it carries the clinic's offset.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function parts(iso: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { y, mo, d, h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), weekday: new Date(Date.UTC(y, mo - 1, d)).getUTCDay() };
}

/** "Monday 29 March 2027" */
export function longDate(iso: string): string {
  const p = parts(iso);
  return `${WEEKDAYS[p.weekday]} ${p.d} ${MONTHS[p.mo - 1]} ${p.y}`;
}

/** "28 February 1958" */
export function plainDate(iso: string): string {
  const p = parts(iso);
  return `${p.d} ${MONTHS[p.mo - 1]} ${p.y}`;
}

/** "9am", "9:15am", "midday", "12:30pm" */
export function clockTime(iso: string): string {
  const { h, mi } = parts(iso);
  if (h === 0 && mi === 0) return 'midnight';
  if (h === 12 && mi === 0) return 'midday';
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return mi === 0 ? `${h12}${suffix}` : `${h12}:${String(mi).padStart(2, '0')}${suffix}`;
}

/** "Monday 29 March 2027 at 9:15am" */
export function dateTime(iso: string): string {
  return `${longDate(iso)} at ${clockTime(iso)}`;
}

/** An instant as an iCalendar UTC date-time: 20270329T081500Z. */
export function icsUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** YYYY-MM-DD, `days` after `today` (a YYYY-MM-DD). */
export function addDays(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A time radio's accessible name ("Monday 29 March 2027, 9:15am, …") as YYYY-MM-DD. */
export function dateOfTimeName(name: string): string {
  const m = /^\w+day (\d{1,2}) (\w+) (\d{4}),/.exec(name);
  if (!m) throw new Error(`not a time name: ${name}`);
  const month = MONTHS.indexOf(m[2]) + 1;
  expect(month, `month in "${name}"`).toBeGreaterThan(0);
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The manage pages

export const referenceField = (page: Page) => page.getByLabel('Booking reference', { exact: true });
export const findButton = (page: Page) => page.getByRole('button', { name: 'Find appointment', exact: true });

/** Opens "Find your appointment" by its address and waits for the app. */
export async function openFind(page: Page): Promise<void> {
  await page.goto('/manage');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await expectPage(page, MANAGE.find, { focus: false });
}

/** Types a reference and date of birth and presses "Find appointment". */
export async function findBooking(page: Page, reference: string, d: Pick<Dob, 'day' | 'month' | 'year'>): Promise<void> {
  // The title may start "Error: " here (a second try): the specs check titles themselves.
  await expectPage(page, MANAGE.find, { focus: false, title: false });
  await referenceField(page).fill(reference);
  const group = dobGroup(page);
  await group.getByLabel('Day', { exact: true }).fill(d.day);
  await group.getByLabel('Month', { exact: true }).fill(d.month);
  await group.getByLabel('Year', { exact: true }).fill(d.year);
  await findButton(page).click();
}

/** Opens "Find your appointment", finds a seeded booking and waits for "Your appointment". */
export async function openBooking(page: Page, s: Seeded): Promise<void> {
  await openFind(page);
  await findBooking(page, s.reference, s.dob);
  await expectPage(page, MANAGE.booking, { focus: false });
  await expect(page.getByText(`Reference ${s.reference}`, { exact: true })).toBeVisible();
}

/** The status tag on "Your appointment" ("Booked", "Cancelled"). */
export const statusTag = (page: Page): Locator => page.locator('main .nhsb-tag[data-status]');

// ---------------------------------------------------------------------------------------------
// Personal details must never reach an address

/**
 * Records every address the tab shows (including history.pushState moves) and every request
 * outside the API (whose contract puts the reference in the path). Call before the first goto.
 */
export function watchUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/__demo/')) urls.push(request.url());
  });
  return urls;
}

/** The strings a reference and date of birth could leave in an address. */
export function secretsOf(s: Seeded): RegExp[] {
  const compact = s.reference.replace('-', '');
  const [y, m, d] = s.dob.iso.split('-');
  return [
    new RegExp(compact.slice(3), 'i'),
    new RegExp(s.reference, 'i'),
    // Not inside a hex slot id or a longer number.
    new RegExp(`(?<![0-9a-f])${y}(?![0-9a-f])`, 'i'),
    new RegExp(`(?<![0-9a-f])${d}(-|/|\\.|%2F)${m}(?![0-9a-f])`, 'i'),
    new RegExp(`(?<![0-9a-f])${m}(-|/|\\.|%2F)${d}(?![0-9a-f])`, 'i'),
    /date_of_birth|[?&]dob=|[?&]reference=/i,
  ];
}

export async function expectNoSecretsInUrls(page: Page, urls: string[], s: Seeded): Promise<void> {
  const all = [...urls, page.url()];
  for (const url of all) {
    for (const secret of secretsOf(s)) {
      expect(url, `address ${url} must not carry ${secret}`).not.toMatch(secret);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A clear end page: one h1, the phone number, a way on

export async function expectClearEnd(page: Page, label: string): Promise<string> {
  await expect(h1(page), `${label}: exactly one h1`).toHaveCount(1);
  const heading = ((await h1(page).textContent()) ?? '').trim();
  expect(heading.length, `${label}: the h1 has words`).toBeGreaterThan(0);
  await expect(page.getByRole('main'), `${label}: the phone number`).toContainText(PHONE);
  const wayOn = page
    .getByRole('main')
    .getByRole('button', { name: /^(Try again|Book appointment|Continue)$/ })
    .or(page.getByRole('main').getByRole('link', { name: /^(Back|See all available times|Book a new appointment|book a new appointment)$/ }));
  await expect(wayOn.first(), `${label}: a way on (Try again, Book appointment or a link)`).toBeVisible();
  return heading;
}
