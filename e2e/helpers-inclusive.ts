// Shared pieces for the "Safe and inclusive booking" journeys (contract 1.1: screening, needs,
// booked_by): the words the patient meets, the answers and the values the API is sent, and
// walking to each new page the way a patient would. Builds on helpers.ts and helpers-manage.ts.
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  HEADINGS,
  PATIENT,
  PLACE,
  REFERENCE,
  SERVICE,
  apiFeatures,
  bookButton,
  chooseBand,
  chooseLocality,
  continueButton,
  expect,
  expectPage,
  fillDetails,
  openStart,
  pickTime,
  startNow,
  summaryValue,
  test,
  timeRadios,
  type Demo,
  type Patient,
} from './helpers';

// ---------------------------------------------------------------------------------------------
// What the 1.1 demo API says (demo-api/src/screening.rs, seed.rs)

export const SYMPTOMS = {
  bladder: 'New problems controlling your bladder or bowels',
  saddle: 'Numbness around your genitals or bottom',
  legs: 'Numbness, pins and needles or weakness in both legs',
} as const;
export const SYMPTOM_IDS = ['cauda-equina', 'saddle', 'both-legs'] as const;
export const SYMPTOMS_HINT = 'Select all that apply.';
export const URGENT_TEXT = 'Call 999 or go to A&E now. Do not book a physiotherapy appointment.';
export const NOT_SENT = 'You have not booked an appointment. Nothing you told us has been sent.';
export const HINCHINGBROOKE_ACCESS = 'Step-free access from the main entrance. Blue badge parking.';

/** The features this app's 1.1 questions need. */
export const NEW_FEATURES = ['screening', 'needs', 'booked_by'] as const;

/** Skips the test unless the API under test offers `features` (a 1.0 API offers none). */
export async function requireFeatures(request: APIRequestContext, ...features: string[]): Promise<void> {
  const offered = await apiFeatures(request);
  const missing = features.filter((f) => !offered.includes(f));
  test.skip(missing.length > 0, `the API does not offer ${missing.join(', ')} (DEMO_API_VERSION=${process.env.DEMO_API_VERSION ?? '1.1'})`);
}

// ---------------------------------------------------------------------------------------------
// The answers, as the patient sees them and as the API gets them

/** "Letters and information": label → API value. */
export const COMMUNICATION: [label: string, value: string][] = [
  ['Large print', 'large_print'],
  ['Easy read', 'easy_read'],
  ['Braille', 'braille'],
  ['Audio', 'audio'],
  ['Contact by email only', 'email_only'],
  ['Text relay (for example, Relay UK)', 'text_relay'],
  ['Deafblind manual alphabet', 'deafblind_manual'],
];

/** "At your (their) appointment": label → API value. */
export const ACCESS: [label: string, value: string][] = [
  ['Step-free access', 'step_free'],
  ['A hearing loop', 'hearing_loop'],
  ['A longer appointment', 'longer_appointment'],
  ['A chaperone', 'chaperone'],
  ['Someone to come along (a friend, family member or carer)', 'companion'],
  ['A quiet place to wait', 'quiet_wait'],
];

export const valueOf = (table: [string, string][], label: string): string => {
  const row = table.find(([l]) => l === label);
  if (!row) throw new Error(`no option "${label}"`);
  return row[1];
};

export type Booker = { name: string; relationship: string; phone: string };
export const BOOKER: Booker = { name: 'Ana Lima', relationship: 'daughter', phone: '07700 900456' };

/** What support is asked for, by the labels the patient picks. */
export type Needs = { interpreter?: string; communication?: string[]; access?: string[]; other?: string };

/** The `needs` a booking should send for `n` (labels → values, empty lists and nulls). */
export function needsBody(n: Needs): { interpreter: string | null; communication: string[]; access: string[]; other: string | null } {
  return {
    interpreter: n.interpreter ?? null,
    communication: (n.communication ?? []).map((l) => valueOf(COMMUNICATION, l)),
    access: (n.access ?? []).map((l) => valueOf(ACCESS, l)),
    other: n.other ?? null,
  };
}

/** The lines of the "Support" row for `n` (check answers, confirmation, "Your appointment"). */
export function supportLines(n: Needs | 'none'): string[] {
  if (n === 'none') return ['No support needed'];
  return [
    ...(n.interpreter ? [`Interpreter: ${n.interpreter}`] : []),
    ...(n.communication ?? []),
    ...(n.access ?? []),
    ...(n.other ? [n.other] : []),
  ];
}

export const ERRORS = {
  symptoms: 'Select any symptoms you have, or select ‘None of these’',
  whoFor: 'Select who the appointment is for',
  bookerName: 'Enter your full name',
  bookerRelationship: 'Enter how you know the person you are booking for, for example daughter or carer',
  bookerPhone: 'Enter a phone number we can call you on',
  bookerPhoneFormat: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
  support: 'Select yes if you need any support',
  supportThem: 'Select yes if they need any support',
  supportNeeded: 'Select or enter the support you need, or go back and say you do not need support',
  otherTooLong: 'Anything else must be 500 characters or fewer',
} as const;

// ---------------------------------------------------------------------------------------------
// Locators

export const noneOfThese = (page: Page) => page.getByRole('checkbox', { name: 'None of these', exact: true });
export const symptom = (page: Page, text: string) => page.getByRole('checkbox', { name: text, exact: true });
export const backLink = (page: Page) => page.getByRole('link', { name: 'Back', exact: true });
export const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });

export function bookerFields(page: Page) {
  return {
    name: page.getByLabel('Your full name', { exact: true }),
    relationship: page.getByLabel('Your relationship to them', { exact: true }),
    phone: page.getByLabel('Your phone number', { exact: true }),
  };
}

export async function fillBooker(page: Page, b: Booker = BOOKER): Promise<void> {
  const f = bookerFields(page);
  await f.name.fill(b.name);
  await f.relationship.fill(b.relationship);
  await f.phone.fill(b.phone);
}

/** "Their details": the same boxes as "Your details", in the third person. */
export function theirDetailsFields(page: Page) {
  const dob = page.getByRole('group', { name: 'Their date of birth' });
  const reminders = page.getByRole('group', { name: 'How would they like to be reminded? (optional)' });
  return {
    first: page.getByLabel('First name', { exact: true }),
    last: page.getByLabel('Last name', { exact: true }),
    dob,
    day: dob.getByLabel('Day', { exact: true }),
    month: dob.getByLabel('Month', { exact: true }),
    year: dob.getByLabel('Year', { exact: true }),
    nhs: page.getByLabel('Their NHS number', { exact: true }),
    noNhs: page.getByRole('checkbox', { name: 'I do not know their NHS number' }),
    phone: page.getByLabel('Their mobile phone number', { exact: true }),
    email: page.getByLabel('Their email address (optional)', { exact: true }),
    reminders,
    bySms: reminders.getByRole('checkbox', { name: 'By text message' }),
    byEmail: reminders.getByRole('checkbox', { name: 'By email' }),
  };
}

export async function fillTheirDetails(page: Page, patient: Partial<Patient> = {}): Promise<void> {
  await fillDetails(page, patient, theirDetailsFields(page));
}

export function needsFields(page: Page, who: 'me' | 'them' = 'me') {
  return {
    interpreter: page.getByRole('combobox', { name: 'Interpreter (optional)' }),
    suggestions: page.getByRole('listbox'),
    letters: page.getByRole('group', { name: 'Letters and information' }),
    access: page.getByRole('group', { name: who === 'me' ? 'At your appointment' : 'At their appointment' }),
    other: page.getByRole('textbox', { name: 'Anything else (optional)' }),
  };
}

/** The GOV.UK character count message under "Anything else" (shown, hidden from the tree). */
export const countMessage = (page: Page) => page.getByText(/^You have \d+ characters? (remaining|too many)$/).first();

/** Types `typed` into the interpreter combobox and picks `option` with the arrow keys and Enter. */
export async function pickLanguageByKeyboard(page: Page, typed: string, option: string): Promise<void> {
  const f = needsFields(page);
  await f.interpreter.focus();
  await page.keyboard.type(typed);
  await expect(f.suggestions).toBeVisible();
  await expect(f.interpreter).toHaveAttribute('aria-expanded', 'true');
  const wanted = f.suggestions.getByRole('option', { name: option, exact: true });
  await expect(wanted).toBeVisible();
  const count = await f.suggestions.getByRole('option').count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await wanted.getAttribute('aria-selected')) === 'true') break;
  }
  await expect(wanted, `"${option}" is the active suggestion`).toHaveAttribute('aria-selected', 'true');
  await expect(f.interpreter).toHaveAttribute('aria-activedescendant', (await wanted.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(f.interpreter).toHaveValue(option);
  await expect(f.interpreter).toHaveAttribute('aria-expanded', 'false');
}

/** Fills "What support do you need?" (the interpreter is typed, then the list is closed). */
export async function fillNeeds(page: Page, n: Needs, who: 'me' | 'them' = 'me'): Promise<void> {
  const f = needsFields(page, who);
  if (n.interpreter) {
    await f.interpreter.focus();
    await page.keyboard.type(n.interpreter);
    await page.keyboard.press('Escape');
    await expect(f.interpreter).toHaveValue(n.interpreter);
  }
  for (const label of n.communication ?? []) await f.letters.getByRole('checkbox', { name: label, exact: true }).check();
  for (const label of n.access ?? []) await f.access.getByRole('checkbox', { name: label, exact: true }).check();
  if (n.other !== undefined) await f.other.fill(n.other);
}

/** The lines of one summary-list row ("Support", "Booked by", …). */
export const rowLines = (page: Page, key: string): Locator => summaryValue(page, key).locator('.nhsb-summary-list__line');

// ---------------------------------------------------------------------------------------------
// Every request the page sends

export type Sent = { method: string; url: string; body: string | null };

export function recordRequests(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (r) => sent.push({ method: r.method(), url: r.url(), body: r.postData() }));
  return sent;
}

/** A count of the journey's steps (`POST /api/events`, issue 18): anonymous, and checked by `expectOnlyCounts`. */
export const isCount = (s: Sent) => s.method === 'POST' && new URL(s.url).pathname === '/api/events';

/** Every count holds only the fields a count may have (no answer, no symptom, nothing typed). */
export function expectOnlyCounts(sent: Sent[], typed: string[] = []): void {
  for (const s of sent.filter(isCount)) {
    const body = JSON.parse(s.body ?? '{}');
    for (const key of Object.keys(body)) {
      expect(['event', 'step', 'source', 'elapsed_s', 'device', 'mode', 'kind'], `a count's field "${key}"`).toContain(key);
    }
    for (const text of typed) expect(s.body ?? '', 'a count holds nothing typed').not.toContain(text);
  }
}

export const bookingPosts = (sent: Sent[]) =>
  sent.filter((s) => s.method === 'POST' && new URL(s.url).pathname === '/api/bookings');

// ---------------------------------------------------------------------------------------------
// Walking a 1.1 journey

export type InclusiveStop =
  | 'symptoms'
  | 'time'
  | 'who-for'
  | 'about-you'
  | 'details'
  | 'support'
  | 'support-needed'
  | 'check'
  | 'confirmation';

export type InclusiveOptions = {
  /** Book for someone else, told about the booker; otherwise "Me". */
  bookedBy?: Booker;
  patient?: Partial<Patient>;
  /** "No" (the default) or "Yes" with these needs. */
  needs?: Needs | 'none';
};

export type InclusiveWalked = { slotId?: string; timeName?: string; reference?: string };

const QUIET = { focus: false } as const;

/**
 * Walks a 1.1 journey from the start page to `stop` (physiotherapy, "None of these", band 6,
 * Hinchingbrooke, the first safe time, then the answers in `opts`) and waits until it shows.
 * Focus is left to the specs that test it.
 */
export async function walkInclusive(page: Page, demo: Demo, stop: InclusiveStop, opts: InclusiveOptions = {}): Promise<InclusiveWalked> {
  const them = !!opts.bookedBy;
  const walked: InclusiveWalked = {};
  await openStart(page);
  await startNow(page);
  await expectPage(page, HEADINGS.service, QUIET);
  await radio(page, SERVICE).check();
  await continueButton(page).click();
  await expectPage(page, HEADINGS.symptoms, QUIET);
  if (stop === 'symptoms') return walked;
  await noneOfThese(page).check();
  await continueButton(page).click();
  await chooseBand(page);
  await chooseLocality(page);
  await expectPage(page, HEADINGS.time, QUIET);
  await expect(timeRadios(page).first()).toBeVisible();
  if (stop === 'time') return walked;
  const picked = await pickTime(page, demo);
  walked.slotId = picked.slotId;
  walked.timeName = picked.name;
  await continueButton(page).click();
  await expectPage(page, HEADINGS.whoFor, QUIET);
  if (stop === 'who-for') return walked;
  await radio(page, them ? 'Someone else' : 'Me').check();
  await continueButton(page).click();
  if (them) {
    await expectPage(page, HEADINGS.aboutYou, QUIET);
    if (stop === 'about-you') return walked;
    await fillBooker(page, opts.bookedBy);
    await continueButton(page).click();
  } else if (stop === 'about-you') {
    throw new Error('"About you" is asked only when booking for someone else');
  }
  await expectPage(page, them ? HEADINGS.theirDetails : HEADINGS.details, QUIET);
  if (stop === 'details') return walked;
  if (them) await fillTheirDetails(page, opts.patient);
  else await fillDetails(page, opts.patient);
  await continueButton(page).click();
  await expectPage(page, them ? HEADINGS.supportThem : HEADINGS.support, QUIET);
  if (stop === 'support') return walked;
  const needs = opts.needs ?? (stop === 'support-needed' ? {} : 'none');
  await radio(page, needs === 'none' ? 'No' : 'Yes').check();
  await continueButton(page).click();
  if (needs !== 'none') {
    await expectPage(page, them ? HEADINGS.supportNeededThem : HEADINGS.supportNeeded, QUIET);
    if (stop === 'support-needed') return walked;
    await fillNeeds(page, needs, them ? 'them' : 'me');
    await continueButton(page).click();
  }
  await expectPage(page, HEADINGS.check, QUIET);
  await expect(summaryValue(page, 'Location')).toContainText(PLACE);
  if (stop === 'check') return walked;
  await bookButton(page).click();
  await expectPage(page, HEADINGS.confirmation, QUIET);
  walked.reference = (await page.getByText(REFERENCE).textContent())?.trim();
  return walked;
}
