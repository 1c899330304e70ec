// Issue #19, the state gallery (demo only): /gallery lists every page and state of the app, each a
// link that opens it in a fresh copy of the demo. Here: the gallery page itself (every state in
// gallery/states.json, a heading per area, links that say what they open, axe clean at 320 and
// 1280 px); every link opens its state (its one h1, and where focus is and how many problems the
// error summary lists, as the gallery tells testers); copies do not share the tab's storage; the
// server's list is the file's; and the built app (dist/) has no trace of any of it. a11y.spec.ts
// runs axe on every state from the same list.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { SERVICE, apiFeatures, expect, expectNoAxeViolations, expectNoHorizontalScroll, h1, test } from './helpers';
import { GALLERY, GALLERY_FILE, GALLERY_STATES, openState, type Focus } from './helpers-gallery';
import { requireFeatures } from './helpers-inclusive';

const DIST = path.resolve(__dirname, '..', process.env.E2E_DIST || 'dist');

/** Focus is where the gallery says a tester finds it. */
async function expectFocus(page: Page, focus: Focus, label: string): Promise<void> {
  if (focus === 'h1') {
    await expect(h1(page), `${label}: focus on the h1`).toBeFocused();
  } else if (focus === 'error_summary') {
    await expect(page.locator('.nhsb-error-summary'), `${label}: focus on the error summary`).toBeFocused();
  } else if (focus === 'page_top') {
    // A page load: nothing focused yet, so the first Tab reaches the skip link.
    await expect.poll(() => page.evaluate(() => document.activeElement === document.body), { message: `${label}: focus at the top of the page` }).toBe(true);
  } else if ('label' in focus) {
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const a = document.activeElement as HTMLInputElement | null;
            return (a?.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
          }),
        { message: `${label}: focus in the field labelled "${focus.label}"` },
      )
      .toBe(focus.label);
  } else {
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim()), { message: `${label}: focus on "${focus.text}"` })
      .toMatch(new RegExp(`^${focus.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
}

test.describe('the gallery page', () => {
  test('lists every state in gallery/states.json under a heading per area, each link saying what it opens and what a tester should hear', async ({ page, request }) => {
    const features = await apiFeatures(request);
    const available = (s: (typeof GALLERY_STATES)[number]) => (s.features ?? []).every((f) => features.includes(f));
    await page.goto('/gallery');
    await expect(h1(page)).toHaveText('State gallery: every page and state of the booking app');
    await expect(page).toHaveTitle(/^State gallery/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(GALLERY.areas.map((a) => a.name));
    const main = page.getByRole('main');
    for (const area of GALLERY.areas) {
      const section = page.getByRole('region', { name: area.name });
      const states = GALLERY_STATES.filter((s) => s.area === area.name);
      await expect(section.getByRole('listitem'), `${area.name}: one item per state`).toHaveCount(states.length);
      for (const state of states) {
        const link = section.getByRole('link', { name: state.name, exact: true });
        const item = section.getByRole('listitem').filter({ hasText: state.hear });
        if (available(state)) {
          await expect(link).toHaveAttribute('href', `/gallery/open/${state.id}`);
        } else {
          // A state this API cannot show (a 1.0 API): named, with why, and no link.
          await expect(link).toHaveCount(0);
          await expect(item).toContainText('Not available here');
        }
        await expect(item).toContainText(`What you should hear or see: ${state.hear}`);
        await expect(item).toContainText(`Its heading: “${state.h1}”`);
      }
    }
    await expect(main.getByRole('link', { name: /./ })).toHaveCount(GALLERY_STATES.filter(available).length + GALLERY.areas.length);
  });

  test('is accessible: axe at 320 and 1280 px, no sideways scrolling at 320 px', async ({ page }) => {
    await page.goto('/gallery');
    await expectNoHorizontalScroll(page, 'the gallery page');
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoAxeViolations(page, `the gallery page at ${width}px`);
    }
  });

  test("the demo API's list is this file's list (the binary was built from it)", async ({ request }) => {
    const res = await request.get('/gallery/states.json');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(fs.readFileSync(GALLERY_FILE, 'utf8')));
  });
});

test('a copy of the demo starts afresh: what the app kept in this tab for an earlier copy is gone', async ({ page }) => {
  const details = GALLERY_STATES.find((s) => s.id === 'details')!;
  const service = GALLERY_STATES.find((s) => s.id === 'service')!;
  await openState(page, details);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('nhs-booking:'))), 'the app keeps its draft in the tab').not.toEqual([]);
  await openState(page, service);
  await expect(page.getByRole('radio', { name: SERVICE, exact: true }), 'no answer carried over').not.toBeChecked();
  // Reloading a state that was reached does not walk there again.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-gallery-state', 'ready');
  await expect(h1(page)).toHaveText(service.h1);
});

test('the built app (dist/) has no trace of the gallery', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(DIST);
  expect(files.length, `files in ${DIST}`).toBeGreaterThan(3);
  for (const file of files) {
    let bytes = fs.readFileSync(file);
    if (file.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
    else if (file.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
    const text = bytes.toString('latin1');
    for (const trace of [/gallery/i, /driver\.js/i, /__s\//, /data-gallery/i]) {
      expect(trace.test(text), `${path.relative(DIST, file)} contains ${trace}`).toBe(false);
    }
  }
});

test.describe('every link opens its state', () => {
  for (const state of GALLERY_STATES) {
    test(`${state.area}: ${state.name} [${state.id}]`, async ({ page, request }) => {
      if (state.features?.length) await requireFeatures(request, ...state.features);
      await openState(page, state);
      await expect(h1(page), 'exactly one h1').toHaveCount(1);
      await expect(h1(page)).toHaveText(state.h1);
      if (state.expect?.focus) await expectFocus(page, state.expect.focus, state.id);
      if (state.expect?.errors !== undefined) {
        await expect(page.locator('.nhsb-error-summary').getByRole('link'), `${state.id}: the problems listed`).toHaveCount(state.expect.errors);
      }
      if (state.expect?.focus === 'error_summary') await expect(page).toHaveTitle(/^Error: /);
    });
  }
});
