import {
  HEADINGS,
  PATIENT,
  TITLE_SUFFIX,
  answerNewQuestions,
  continueButton,
  detailsFields,
  dobGroup,
  errorSummary,
  expect,
  expectErrorSummary,
  expectErrors,
  expectPage,
  fillDetails,
  test,
  timeRadios,
  walkTo,
  type Patient,
  type Step,
} from './helpers';
import type { Locator, Page } from '@playwright/test';

const questions: { step: Step; heading: string; message: string }[] = [
  { step: 'service', heading: HEADINGS.service, message: 'Select what you need an appointment for' },
  { step: 'clinician', heading: HEADINGS.clinician, message: 'Select who you need to see' },
  { step: 'location', heading: HEADINGS.location, message: 'Select where you would like your appointment' },
  { step: 'time', heading: HEADINGS.time, message: 'Select a time' },
];

for (const q of questions) {
  test(`${q.heading} – Continue with nothing chosen shows "${q.message}"`, async ({ page, demo }) => {
    await walkTo(page, demo, q.step);
    await continueButton(page).click();

    const summary = await expectErrors(page, [q.message]);
    await expect(page).toHaveTitle(`Error: ${q.heading}${TITLE_SUFFIX}`);
    // The same message by the question, with a hidden "Error:" for screen readers.
    await expect(page.getByText(`Error: ${q.message}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    // The link takes the patient to the first option.
    await summary.getByRole('link', { name: q.message }).click();
    const first = q.step === 'time' ? timeRadios(page).first() : page.getByRole('radio').first();
    await expect(first).toBeFocused();
    // The hash of the page is not changed by the link.
    expect(new URL(page.url()).hash).toBe('');
  });
}

async function detailsWith(page: Page, patient: Partial<Patient>) {
  await fillDetails(page, patient);
  await continueButton(page).click();
}

/** Everything the patient typed is still there. */
async function expectKept(page: Page, patient: Partial<Patient>) {
  const p = { ...PATIENT, ...patient };
  const f = detailsFields(page);
  await expect(f.first).toHaveValue(p.first);
  await expect(f.last).toHaveValue(p.last);
  await expect(f.day).toHaveValue(p.day);
  await expect(f.month).toHaveValue(p.month);
  await expect(f.year).toHaveValue(p.year);
  await expect(f.nhs).toHaveValue(p.nhs);
  if (p.noNhs) await expect(f.noNhs).toBeChecked();
  else await expect(f.noNhs).not.toBeChecked();
  await expect(f.phone).toHaveValue(p.phone);
  await expect(f.email).toHaveValue(p.email);
  if (p.bySms) await expect(f.bySms).toBeChecked();
  else await expect(f.bySms).not.toBeChecked();
  if (p.byEmail) await expect(f.byEmail).toBeChecked();
  else await expect(f.byEmail).not.toBeChecked();
}

test.describe('Your details', () => {
  test.beforeEach(async ({ page, demo }) => {
    await walkTo(page, demo, 'details');
  });

  test('Continue with nothing typed names each missing answer and links to its box', async ({ page }) => {
    await continueButton(page).click();
    const summary = await expectErrorSummary(page);
    await expect(page).toHaveTitle(`Error: ${HEADINGS.details}${TITLE_SUFFIX}`);
    const f = detailsFields(page);
    for (const [message, field] of [
      ['Enter your first name', f.first],
      ['Enter your last name', f.last],
      ['Enter your date of birth', f.day],
      ['Enter your NHS number, or select ‘I do not know my NHS number’', f.nhs],
    ] as const) {
      const link = summary.getByRole('link', { name: message, exact: true });
      await expect(link).toBeVisible();
      await expect(page.getByText(`Error: ${message}`, { exact: true })).toBeVisible();
      await link.click();
      await expect(field, `"${message}" focuses its box`).toBeFocused();
    }
    // Each box with an error says so to screen readers.
    await expect(f.first).toHaveAccessibleDescription(/Enter your first name/);
    await expect(f.last).toHaveAccessibleDescription(/Enter your last name/);
    await expect(dobGroup(page)).toHaveAccessibleDescription(/Enter your date of birth/);
  });

  const cases: { name: string; patient: Partial<Patient>; message: string | RegExp; focus: (p: Page) => Locator }[] = [
    {
      name: 'an impossible date of birth (31/2/1990)',
      patient: { day: '31', month: '2', year: '1990' },
      message: 'Date of birth must be a real date',
      focus: (p) => detailsFields(p).day,
    },
    {
      name: 'a date of birth in the future',
      patient: { day: '1', month: '1', year: String(new Date().getFullYear() + 1) },
      message: 'Enter a date of birth in the past',
      focus: (p) => detailsFields(p).day,
    },
    {
      name: 'a 9-digit NHS number',
      patient: { nhs: '943 476 591' },
      message: 'NHS number must be 10 digits',
      focus: (p) => detailsFields(p).nhs,
    },
    {
      name: 'an NHS number that fails its check digit',
      patient: { nhs: '943 476 5918' },
      message: /^Enter a valid NHS number/,
      focus: (p) => detailsFields(p).nhs,
    },
    {
      name: '"I do not know my NHS number" ticked without a mobile number',
      patient: { nhs: '', noNhs: true, phone: '' },
      message: /^Enter a UK mobile phone number/,
      focus: (p) => detailsFields(p).phone,
    },
  ];

  for (const c of cases) {
    test(`${c.name} is explained and nothing typed is lost`, async ({ page }) => {
      await detailsWith(page, c.patient);
      const summary = await expectErrors(page, [c.message]);
      await expect(page).toHaveTitle(`Error: ${HEADINGS.details}${TITLE_SUFFIX}`);
      await expectKept(page, c.patient);
      await summary.getByRole('link').first().click();
      await expect(c.focus(page)).toBeFocused();
      // Correcting the answer lets the patient on (past "Do you need any support…?" with
      // "No" when a 1.1 API asks it).
      await detailsWith(page, {});
      await answerNewQuestions(page, HEADINGS.details);
      await expectPage(page, HEADINGS.check);
      await expect(errorSummary(page)).toHaveCount(0);
    });
  }
});
