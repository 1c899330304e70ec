// Right-to-left and long-word readiness (issue #17): the pseudo-locale build (`make
// build-pseudo`: every message of ours accented and 40 % longer, in brackets) walked at 320 px.
// On every step, and on the error states with the longest messages, nothing scrolls sideways,
// nothing sticks out of the page and no box clips its text.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers';

const port = Number(process.env.E2E_PSEUDO_PORT || Number(process.env.E2E_PORT || 8091) + 1);
test.use({ baseURL: `http://127.0.0.1:${port}` });

/** Nothing wider than the window, nothing clipped. */
async function expectFits(page: Page, where: string): Promise<void> {
  // Our words are pseudo-translated (a heading from the API, like the symptoms question, is not).
  await expect(page.locator('main')).toContainText(/\[[^\]]*[áéíóú]/);
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
    for (const el of document.querySelectorAll<HTMLElement>('#nhs-booking *')) {
      if (el.closest('.nhsb-visually-hidden, .nhsb-skip-link, [hidden]')) continue;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (cs.display === 'none' || r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.right > width + 1 || r.left < -1) out.push(`${name} sticks out (${Math.round(r.left)}–${Math.round(r.right)} px)`);
      const clips = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${name} clips its text`);
    }
    return out.slice(0, 10);
  });
  expect(problems, `at 320 px on ${where}`).toEqual([]);
}

const submit = (page: Page) => page.locator('main button[type="submit"], main button.nhsb-button:not(.nhsb-button--secondary)').first();

test('pseudo-locale at 320 px: a whole booking, its error states, and finding a booking fit without clipping', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await expect(page.locator('main a.nhsb-button')).toBeVisible();
  await expectFits(page, 'the start page');
  await page.locator('main a.nhsb-button').click();

  const seen: string[] = [];
  for (let i = 0; i < 14; i++) {
    await expect(page.locator('main')).toContainText(/\[[^\]]*[áéíóú]/);
    const path = new URL(page.url()).pathname.replace(/^\//, '');
    seen.push(path);
    await expectFits(page, path);
    if (path === 'confirmation') break;
    const main = page.locator('main');
    switch (path) {
      case 'symptoms':
        await main.locator('input[value="none"]').check();
        break;
      case 'time':
        await main.locator('input[name="slot"]').first().check();
        break;
      case 'support':
        await main.locator('input[type="radio"]').last().check();
        break;
      case 'your-details':
        // Every error message at once first: the longest words on one page.
        await submit(page).click();
        await expect(page.locator('.nhsb-error-summary')).toBeVisible();
        await expectFits(page, 'details with every error');
        await page.locator('#given-name').fill('Siân');
        await page.locator('#family-name').fill('Llywelyn-Pritchard');
        await page.locator('#dob-day').fill('28');
        await page.locator('#dob-month').fill('2');
        await page.locator('#dob-year').fill('1958');
        await page.locator('#nhs-number').fill('9434765919');
        await page.locator('#phone').fill('07700 900123');
        break;
      case 'check-your-answers':
        break;
      default:
        if (await main.locator('input[type="radio"]').count()) await main.locator('input[type="radio"]').first().check();
    }
    const before = page.url();
    await submit(page).click();
    await expect(page).not.toHaveURL(before);
  }
  expect(seen, 'the walk reached the confirmation').toContain('confirmation');
  expect(seen).toEqual(expect.arrayContaining(['service', 'clinician', 'location', 'time', 'your-details', 'check-your-answers']));

  await page.goto('/manage');
  await expectFits(page, 'find your appointment');
  await submit(page).click();
  await expect(page.locator('.nhsb-error-summary')).toBeVisible();
  await expectFits(page, 'find your appointment with errors');
  await page.goto('/accessibility-statement');
  await expectFits(page, 'the accessibility statement');
  await page.goto('/no-such-page');
  await expectFits(page, 'page not found');
});
