// The state gallery's list (gallery/states.json): every page and state of the app, each opened
// by its gallery link (/gallery/open/{id}) in a fresh copy of the demo, where the demo's driver
// (gallery/driver.js) walks the app there. The accessibility suites iterate this one list, as the
// gallery does, so a state added to one is in the other (gallery.spec.ts, a11y.spec.ts,
// visual-a11y.spec.ts; how to add one: gallery/README.md).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './helpers';

export type Focus = 'h1' | 'error_summary' | 'page_top' | { label: string } | { text: string };

export type GalleryState = {
  id: string;
  area: string;
  /** The link's text: what it opens. */
  name: string;
  /** The page's one h1 in that state. */
  h1: string;
  /** What a tester should hear or see. */
  hear: string;
  features?: string[];
  viewport_note?: string;
  /** The state is a loading message. */
  loading?: boolean;
  expect?: { focus?: Focus; errors?: number };
};

export type Gallery = {
  areas: { name: string; about: string }[];
  walks: Record<string, unknown[]>;
  states: GalleryState[];
};

export const GALLERY_FILE = path.resolve(__dirname, '..', 'gallery', 'states.json');

export const GALLERY: Gallery = JSON.parse(fs.readFileSync(GALLERY_FILE, 'utf8'));

export const GALLERY_STATES: GalleryState[] = GALLERY.states;

/** The `<html data-gallery-state>` the driver sets: "running", "ready" or "failed: …". */
export const driverState = (page: Page): Promise<string | null> => page.locator('html').getAttribute('data-gallery-state');

/**
 * Opens `state` from its gallery link (a fresh copy of the demo) and waits until the driver has
 * reached it (it checks the state's h1 and that nothing is loading before it says "ready").
 */
export async function openState(page: Page, state: GalleryState): Promise<void> {
  await page.goto(`/gallery/open/${state.id}`);
  await expect
    .poll(() => driverState(page), { message: `the driver walks to "${state.name}"`, timeout: 25_000 })
    .toMatch(/^(ready|failed)/);
  expect(await driverState(page), `the driver reached "${state.name}"`).toBe('ready');
}
