// Shared pieces for the browser journeys: the demo API's test controls, the patient's answers,
// and walking to a step the way a patient would (role and label locators, as a screen reader
// meets the page).
import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';

export { expect };

// ---------------------------------------------------------------------------------------------
// The demo API's test controls (/__demo/*)

export type DemoBooking = {
  reference: string;
  slot_id: string;
  status: string;
  service: string;
  band: string;
  idempotency_key: string | null;
  origin: 'seed' | 'patient' | 'someone-else';
};

export type FaultRule = {
  method?: 'GET' | 'POST';
  path?: string;
  status?: number;
  retry_after?: number;
  code?: string;
  html?: boolean;
  drop_after_commit?: boolean;
};

export type Faults = {
  latency_ms?: number;
  fail_rate?: number;
  html_errors?: boolean;
  force_409?: boolean;
  fail_next?: FaultRule[];
};

export type Slot = {
  id: string;
  start: string;
  end: string;
  locality: string;
  band: string;
  mode: string;
};

export class Demo {
  constructor(readonly request: APIRequestContext) {}

  /** Fresh data, no faults, no remembered idempotency keys. */
  async reset(): Promise<{ ok: boolean; today: string }> {
    const res = await this.request.post('/__demo/reset');
    expect(res.status(), 'POST /__demo/reset').toBe(200);
    return res.json();
  }

  async faults(faults: Faults): Promise<Faults> {
    const res = await this.request.post('/__demo/faults', { data: faults });
    expect(res.status(), `POST /__demo/faults ${JSON.stringify(faults)}`).toBe(200);
    return res.json();
  }

  /** Each rule answers the next matching request once. */
  async failNext(...rules: FaultRule[]): Promise<Faults> {
    return this.faults({ fail_next: rules });
  }

  async bookings(): Promise<DemoBooking[]> {
    const res = await this.request.get('/__demo/bookings');
    expect(res.status(), 'GET /__demo/bookings').toBe(200);
    return (await res.json()).bookings;
  }

  /** Bookings the patient made in this test (not the seeded ones, not "someone else"'s). */
  async patientBookings(): Promise<DemoBooking[]> {
    return (await this.bookings()).filter((b) => b.origin === 'patient');
  }

  /** Someone else books this slot, so the patient's confirm meets a real 409. */
  async takeSlot(slotId: string): Promise<void> {
    const res = await this.request.post(`/__demo/take-slot/${encodeURIComponent(slotId)}`);
    expect(res.status(), `POST /__demo/take-slot/${slotId}: ${await res.text()}`).toBe(201);
  }

  /** Open slots straight from the API (an oracle for the tests, never shown to the app). */
  async slots(q: { service: string; band: string; locality: string; from: string; to: string }): Promise<Slot[]> {
    const slots: Slot[] = [];
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ ...q, ...(cursor ? { cursor } : {}) });
      const res = await this.request.get(`/api/slots?${params}`);
      expect(res.status(), `GET /api/slots?${params}`).toBe(200);
      const page = await res.json();
      slots.push(...page.slots);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return slots;
  }
}

/** Every test starts from fresh demo data with no faults. */
export const test = base.extend<{ demo: Demo }>({
  demo: [
    async ({ request }, use) => {
      const demo = new Demo(request);
      await demo.reset();
      await use(demo);
    },
    { auto: true },
  ],
});

// ---------------------------------------------------------------------------------------------
// What the patient meets

export const SERVICE = 'Physiotherapy (muscles, bones and joints)';
export const BAND_6 = 'Physiotherapist (Band 6)';
export const BAND_7 = 'Senior physiotherapist (Band 7)';
export const PLACE = 'Hinchingbrooke Hospital';

export const TITLE_SUFFIX = ' – Book a physiotherapy appointment – NHS';
/** The start page's title: the service's name once (the static shell's title too). */
export const START_TITLE = 'Book a physiotherapy appointment – NHS';

export const HEADINGS = {
  start: 'Book a physiotherapy appointment',
  service: 'What do you need an appointment for?',
  clinician: 'Who do you need to see?',
  location: 'Where would you like your appointment?',
  time: 'Choose a time',
  details: 'Your details',
  check: 'Check your answers before booking',
  confirmation: 'Appointment booked',
  taken: 'That time has just been booked by someone else',
  notFound: 'Page not found',
  // Contract 1.1 (features screening, needs, booked_by): asked only when the API offers them.
  symptoms: 'Do you have any of these symptoms?',
  urgent: 'Get help now',
  whoFor: 'Who is this appointment for?',
  aboutYou: 'About you',
  theirDetails: 'Their details',
  support: 'Do you need any support at your appointment?',
  supportThem: 'Do they need any support at their appointment?',
  supportNeeded: 'What support do you need?',
  supportNeededThem: 'What support do they need?',
} as const;

/**
 * A time's radio reads in full: "Monday 29 March 2027, 9:15am, In person, Hinchingbrooke
 * Hospital 45 minutes" (12:00 reads "midday").
 */
export const TIME_NAME = /^\w+day \d{1,2} \w+ \d{4}, (\d{1,2}(:\d{2})?[ap]m|midday|midnight)\b/;

/** A new booking reference: service letters, a hyphen, six characters without I, L, O, 0 or 1. */
export const REFERENCE = /^PHY-[A-HJKMNP-Z2-9]{6}$/;

export type Patient = {
  first: string;
  last: string;
  day: string;
  month: string;
  year: string;
  nhs: string;
  noNhs: boolean;
  phone: string;
  email: string;
  bySms: boolean;
  byEmail: boolean;
};

export const PATIENT: Patient = {
  first: 'Siân',
  last: "O'Neill",
  day: '28',
  month: '2',
  year: '1958',
  nhs: '943 476 5919',
  noNhs: false,
  phone: '07700 900123',
  email: 'sian.oneill@example.com',
  bySms: true,
  byEmail: false,
};

/** The strings that must never reach a URL or localStorage. */
export function personalStrings(p: Patient = PATIENT): string[] {
  return [
    p.first,
    encodeURIComponent(p.first),
    p.last,
    encodeURIComponent(p.last),
    p.nhs.replace(/\s/g, ''),
    encodeURIComponent(p.nhs),
    p.phone.replace(/\s/g, ''),
    encodeURIComponent(p.phone),
    `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`,
    p.email,
    encodeURIComponent(p.email),
  ];
}

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
export const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });
export const bookButton = (page: Page) => page.getByRole('button', { name: 'Book appointment', exact: true });
export const tryAgainButton = (page: Page) => page.getByRole('button', { name: 'Try again', exact: true });
export const timeRadios = (page: Page) => page.getByRole('radio', { name: TIME_NAME });
export const dayHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^\w+day \d{1,2} \w+$/ });

/** The error summary ("There is a problem"). It has no role of its own (it holds an alert). */
export const errorSummary = (page: Page) => page.locator('.nhsb-error-summary');

/** One row of a check-answers summary list (a `dl` row has no role). */
export const summaryRow = (page: Page, key: string) =>
  page.locator('.nhsb-summary-list__row').filter({ has: page.getByRole('term').getByText(key, { exact: true }) });
export const summaryValue = (page: Page, key: string) => summaryRow(page, key).getByRole('definition').first();

/**
 * The page now shows `heading` as its one h1 (and, unless `focus: false`, focus is on it, as
 * after a step change), with the matching tab title.
 */
export async function expectPage(
  page: Page,
  heading: string | RegExp,
  opts: { focus?: boolean; title?: string | false; error?: boolean } = {},
): Promise<void> {
  const wanted = page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' });
  await expect(wanted, `h1 "${heading}"`).toBeVisible();
  // Soft: a focus or heading bug is reported, and the rest of the test still runs.
  await expect.soft(h1(page), 'exactly one h1 on the page').toHaveCount(1);
  if (opts.focus !== false) {
    await expect.soft(wanted, `focus on the h1 "${heading}"`).toBeFocused();
  }
  const title = opts.title === undefined ? (typeof heading === 'string' ? heading : undefined) : opts.title;
  if (title) {
    const full = title === HEADINGS.start ? START_TITLE : `${title}${TITLE_SUFFIX}`;
    await expect(page).toHaveTitle(`${opts.error ? 'Error: ' : ''}${full}`);
  }
}

/** The error summary shows, has focus, and the tab title starts "Error: ". */
export async function expectErrorSummary(page: Page): Promise<Locator> {
  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary, 'focus on the error summary').toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  return summary;
}

/** Errors shown: the summary has focus, lists exactly `messages` as links, title "Error: …". */
export async function expectErrors(page: Page, messages: (string | RegExp)[]): Promise<Locator> {
  const summary = await expectErrorSummary(page);
  await expect(summary.getByRole('link')).toHaveText(messages);
  return summary;
}

/** Nothing is loading any more. */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
}

/**
 * While walking to a later step the helpers check each page is shown (its one h1 and its
 * title) but leave focus to the specs that test it (journey.spec.ts checks focus at every
 * step), so one focus bug does not hide every other result.
 */
const WALK = { focus: false } as const;

/** Opens the start page (optionally with a query) and waits for the app to take over. */
export async function openStart(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  // The static shell has the same h1 but no skip link and no "Start now": wait for the app.
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect(page).toHaveTitle(START_TITLE);
}

export async function startNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start now' }).click();
}

// ---------------------------------------------------------------------------------------------
// The questions a 1.1 API adds (urgent symptoms, who the appointment is for, support). A 1.0
// API offers none of them: the helpers answer them only when their page shows, so one walk
// works against both ("None of these", "Me", "No": the answers that change nothing else).

/** "Do you have any of these symptoms?": "None of these", Continue. */
export async function answerNoSymptoms(page: Page): Promise<void> {
  await expectPage(page, HEADINGS.symptoms, WALK);
  await page.getByRole('checkbox', { name: 'None of these', exact: true }).check();
  await continueButton(page).click();
}

/** "Who is this appointment for?": "Me", Continue. */
export async function answerForMe(page: Page): Promise<void> {
  await expectPage(page, HEADINGS.whoFor, WALK);
  await page.getByRole('radio', { name: 'Me', exact: true }).check();
  await continueButton(page).click();
}

/** "Do you (they) need any support at your (their) appointment?": "No", Continue. */
export async function answerNoSupport(page: Page): Promise<void> {
  await expectPage(page, /^Do (you|they) need any support at (your|their) appointment\?$/, { ...WALK, title: false });
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await continueButton(page).click();
}

/** The plain answers to the 1.1 questions, by the heading of their page. */
export const PLAIN_ANSWERS: Record<string, (page: Page) => Promise<void>> = {
  [HEADINGS.symptoms]: answerNoSymptoms,
  [HEADINGS.whoFor]: answerForMe,
  [HEADINGS.support]: answerNoSupport,
  [HEADINGS.supportThem]: answerNoSupport,
};

/**
 * After leaving the page headed `from` (null: a page just opened by its address): waits for the
 * next page and, while it is one of the 1.1 questions in `answers` ("None of these", "Me", "No"
 * unless told otherwise), answers it and goes on. Returns the heading of the page it stops at.
 * With `next`, waits until either `next` or one of those questions shows. Against a 1.0 API it
 * only waits for the next page.
 */
export async function answerNewQuestions(
  page: Page,
  from: string | null,
  answers: Record<string, (page: Page) => Promise<void>> = PLAIN_ANSWERS,
  next?: string,
): Promise<string> {
  let left = from;
  if (left === null) {
    // The static shell shows an h1 of its own: wait for the app to take over.
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  }
  for (let i = 0; i < 6; i++) {
    if (left !== null) await expect(h1(page), `a new page after "${left}"`).not.toHaveText(left);
    await expect(h1(page)).toBeVisible();
    if (next !== undefined) await expect(h1(page)).toHaveText(oneOf(next, ...Object.keys(answers)));
    await settled(page);
    const heading = ((await h1(page).textContent()) ?? '').trim();
    const answer = answers[heading];
    if (!answer) return heading;
    await answer(page);
    left = heading;
  }
  throw new Error('answerNewQuestions: more than 6 questions in a row');
}

/**
 * When the urgent-symptoms question shows (a 1.1 API, reached by a deep link or an invite),
 * answers "None of these"; against a 1.0 API it only waits for the page after `from` (null: the
 * page opened by its address), or until `next` shows when given.
 */
export async function passScreening(page: Page, from: string | null = null, next?: string): Promise<string> {
  return answerNewQuestions(page, from, { [HEADINGS.symptoms]: answerNoSymptoms }, next);
}

/** Presses Continue, then answers any 1.1 question that follows (see answerNewQuestions). */
export async function continueOn(page: Page, from: string): Promise<string> {
  await continueButton(page).click();
  return answerNewQuestions(page, from);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching exactly one of `headings`. */
export const oneOf = (...headings: string[]): RegExp => new RegExp(`^(${headings.map(escapeRegExp).join('|')})$`);

/**
 * Back or Forward (`move`) towards `next` across the urgent-symptoms question: against a 1.1
 * API the move lands there first, with "None of these" still chosen, and `move` again goes on
 * to `next`; against a 1.0 API the move lands on `next` straight away. Leaves `next` showing.
 */
export async function moveOverSymptoms(page: Page, move: () => Promise<unknown>, next: string): Promise<void> {
  await move();
  await expect(h1(page)).toHaveText(oneOf(next, HEADINGS.symptoms));
  if (((await h1(page).textContent()) ?? '').trim() === HEADINGS.symptoms) {
    await expectPage(page, HEADINGS.symptoms, WALK);
    await expect(page.getByRole('checkbox', { name: 'None of these', exact: true }), 'the answer given is kept').toBeChecked();
    await move();
  }
}

/** The 1.1 features the demo API offers (`features` in GET /api/services; none on a 1.0 API). */
export async function apiFeatures(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/services');
  expect(res.status(), 'GET /api/services').toBe(200);
  return (await res.json()).features ?? [];
}

export async function chooseService(page: Page, name = SERVICE): Promise<void> {
  await expectPage(page, HEADINGS.service, WALK);
  await page.getByRole('radio', { name, exact: true }).check();
  await continueButton(page).click();
  await passScreening(page, HEADINGS.service);
}

export async function chooseBand(page: Page, name = BAND_6): Promise<void> {
  await expectPage(page, HEADINGS.clinician, WALK);
  await page.getByRole('radio', { name, exact: true }).check();
  await continueButton(page).click();
}

export async function chooseLocality(page: Page, name = PLACE): Promise<void> {
  await expectPage(page, HEADINGS.location, WALK);
  await page.getByRole('radio', { name, exact: true }).check();
  await continueButton(page).click();
}

/**
 * Picks the first time on show that starts at least 15 minutes from now (so it cannot start
 * while the test runs), without pressing Continue. Returns its slot id and its full name.
 */
export async function pickTime(page: Page, demo: Demo): Promise<{ slotId: string; name: string }> {
  const radios = timeRadios(page);
  await expect(radios.first()).toBeVisible();
  const url = new URL(page.url());
  const q = url.searchParams;
  const today = new Date();
  const to = new Date(today.getTime() + 31 * 24 * 3600 * 1000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const soon = Date.now() + 15 * 60 * 1000;
  const safe = new Set(
    (
      await demo.slots({
        service: q.get('service') ?? 'physio-msk',
        band: q.get('band') ?? 'band-6',
        locality: q.get('locality') ?? 'hinchingbrooke',
        from: iso(today),
        to: iso(to),
      })
    )
      .filter((s) => Date.parse(s.start) >= soon)
      .map((s) => s.id),
  );
  const values: string[] = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const index = values.findIndex((v) => safe.has(v));
  let radio: Locator;
  if (index >= 0) {
    radio = radios.nth(index);
  } else {
    // Every time on this day is about to start: take the next day's first.
    await page.getByRole('button', { name: 'Next day' }).click();
    radio = timeRadios(page).first();
  }
  await radio.check();
  const slotId = await radio.getAttribute('value');
  const name = await radio.evaluate((e) => ((e as HTMLInputElement).labels?.[0]?.textContent ?? '').trim());
  return { slotId: slotId ?? '', name };
}

/** Picks a time and continues (past "Who is this appointment for?" with "Me", when asked). */
export async function chooseTime(page: Page, demo: Demo): Promise<{ slotId: string; name: string }> {
  await expectPage(page, HEADINGS.time, WALK);
  const picked = await pickTime(page, demo);
  await continueButton(page).click();
  await answerNewQuestions(page, HEADINGS.time, { [HEADINGS.whoFor]: answerForMe });
  return picked;
}

export const dobGroup = (page: Page) => page.getByRole('group', { name: 'Date of birth' });
export const remindersGroup = (page: Page) =>
  page.getByRole('group', { name: 'How would you like to be reminded? (optional)' });

export function detailsFields(page: Page) {
  return {
    first: page.getByLabel('First name', { exact: true }),
    last: page.getByLabel('Last name', { exact: true }),
    day: dobGroup(page).getByLabel('Day', { exact: true }),
    month: dobGroup(page).getByLabel('Month', { exact: true }),
    year: dobGroup(page).getByLabel('Year', { exact: true }),
    nhs: page.getByLabel('NHS number', { exact: true }),
    noNhs: page.getByRole('checkbox', { name: 'I do not know my NHS number' }),
    phone: page.getByLabel('Mobile phone number', { exact: true }),
    email: page.getByLabel('Email address (optional)', { exact: true }),
    bySms: remindersGroup(page).getByRole('checkbox', { name: 'By text message' }),
    byEmail: remindersGroup(page).getByRole('checkbox', { name: 'By email' }),
  };
}

/** Types the patient's details (every field is cleared first), without pressing Continue.
 *  `fields` are the page's boxes: "Your details" unless given ("Their details"). */
export async function fillDetails(
  page: Page,
  patient: Partial<Patient> = {},
  fields: ReturnType<typeof detailsFields> = detailsFields(page),
): Promise<void> {
  const p = { ...PATIENT, ...patient };
  const f = fields;
  await f.first.fill(p.first);
  await f.last.fill(p.last);
  await f.day.fill(p.day);
  await f.month.fill(p.month);
  await f.year.fill(p.year);
  await f.nhs.fill(p.nhs);
  await f.noNhs.setChecked(p.noNhs);
  await f.phone.fill(p.phone);
  await f.email.fill(p.email);
  await f.bySms.setChecked(p.bySms);
  await f.byEmail.setChecked(p.byEmail);
}

/** Types the details and continues (past the support question with "No", when asked). */
export async function enterDetails(page: Page, patient: Partial<Patient> = {}): Promise<void> {
  await expectPage(page, HEADINGS.details, WALK);
  await fillDetails(page, patient);
  await continueButton(page).click();
  await answerNewQuestions(page, HEADINGS.details, { [HEADINGS.support]: answerNoSupport });
}

export type Step = 'service' | 'clinician' | 'location' | 'time' | 'details' | 'check' | 'confirmation';

export type Walked = { slotId?: string; timeName?: string; reference?: string };

/**
 * Walks from the start page to `step` with valid answers (physiotherapy, band 6,
 * Hinchingbrooke, the first safe time, PATIENT), and waits until that step shows. Against a
 * 1.1 API it answers the questions that API adds on the way ("None of these" symptoms, the
 * appointment is for "Me", "No" support needed), so the steps are the 1.0 ones either way.
 */
export async function walkTo(page: Page, demo: Demo, step: Step): Promise<Walked> {
  const order: Step[] = ['service', 'clinician', 'location', 'time', 'details', 'check', 'confirmation'];
  const until = order.indexOf(step);
  const walked: Walked = {};
  await openStart(page);
  await startNow(page);
  if (until === 0) return (await expectPage(page, HEADINGS.service, WALK), walked);
  await chooseService(page);
  if (until === 1) return (await expectPage(page, HEADINGS.clinician, WALK), walked);
  await chooseBand(page);
  if (until === 2) return (await expectPage(page, HEADINGS.location, WALK), walked);
  await chooseLocality(page);
  if (until === 3) {
    await expectPage(page, HEADINGS.time, WALK);
    await expect(timeRadios(page).first()).toBeVisible();
    return walked;
  }
  const picked = await chooseTime(page, demo);
  walked.slotId = picked.slotId;
  walked.timeName = picked.name;
  if (until === 4) return (await expectPage(page, HEADINGS.details, WALK), walked);
  await enterDetails(page);
  await expectPage(page, HEADINGS.check, WALK);
  if (until === 5) return walked;
  await bookButton(page).click();
  await expectPage(page, HEADINGS.confirmation, WALK);
  walked.reference = (await page.getByText(REFERENCE).textContent())?.trim();
  return walked;
}

/** The slot id the check-answers URL carries (`slot=`). */
export function slotFromUrl(page: Page): string {
  const slot = new URL(page.url()).searchParams.get('slot');
  expect(slot, `slot= in ${page.url()}`).toBeTruthy();
  return slot!;
}

/** Records every POST /api/bookings the page sends, with its Idempotency-Key. */
export function recordBookingPosts(page: Page): { key: string | undefined; body: string | null }[] {
  const posts: { key: string | undefined; body: string | null }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/bookings') {
      posts.push({ key: request.headers()['idempotency-key'], body: request.postData() });
    }
  });
  return posts;
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe and reports every violation (rule, help, targets) in the failure message. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]`,
        ...v.nodes.map(
          (n) => `    ${n.target.join(' ')}  — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
        ),
      ].join('\n'),
    )
    .join('\n');
  expect.soft(report, `axe violations on ${label}`).toBe('');
}

/** No horizontal scrolling at 320 CSS pixels (WCAG 1.4.10 Reflow). */
export async function expectNoHorizontalScroll(page: Page, label: string, width = 320): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: 640 });
  await expect
    .soft
    .poll(
      () => page.evaluate(() => document.documentElement.scrollWidth),
      { message: `horizontal scrolling at ${width}px on ${label} (document scrollWidth)` },
    )
    .toBeLessThanOrEqual(width);
  if (size) await page.setViewportSize(size);
}
