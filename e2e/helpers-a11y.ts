// Shared pieces for the keyboard and visual accessibility specs (keyboard.spec.ts,
// visual-a11y.spec.ts): what has focus and whether it shows, walking with the Tab key, and the
// in-page measurements behind WCAG 2.5.8 (target size), 1.4.10 (reflow), 1.4.12 (text
// spacing), 1.4.4 (resize text) and 1.3.1 (structure). The pages and states they run on are the
// state gallery's (helpers-gallery.ts). Builds on helpers.ts and helpers-manage.ts.
import type { Locator, Page } from '@playwright/test';
import { expect } from './helpers';
import { CHANGEABLE, MANAGE, openBooking, openFind } from './helpers-manage';

// ---------------------------------------------------------------------------------------------
// The manage journey (from helpers-manage.ts, in the shape these specs use)

export const SEEDED = {
  reference: CHANGEABLE.reference,
  day: CHANGEABLE.dob.day,
  month: CHANGEABLE.dob.month,
  year: CHANGEABLE.dob.year,
} as const;

export const MANAGE_HEADINGS = MANAGE;

export const ACCESSIBILITY_HEADING = 'Accessibility statement for Book a physiotherapy appointment';

export { openFind };

/** Finds the seeded, changeable booking and waits for "Your appointment". */
export const openSeededBooking = (page: Page): Promise<void> => openBooking(page, CHANGEABLE);

// ---------------------------------------------------------------------------------------------
// Every page and state a patient can meet: the state gallery's list (gallery/states.json, read by
// helpers-gallery.ts), which a11y.spec.ts and visual-a11y.spec.ts iterate. No list here.

// ---------------------------------------------------------------------------------------------
// Focus: what has it, and whether a sighted keyboard user can see where it is

export type Focused = {
  /** A readable description: tag, id, class and text. */
  desc: string;
  /** Stable identity for this page load (radios of one group share one). */
  key: string;
  tag: string;
  /** Whether focus is on <body> (nothing focused) or a detached element. */
  lost: boolean;
  /** In the Tab order (tabindex >= 0); a heading focused by the app (tabindex -1) is not. */
  tabbable: boolean;
  /** Whether a focus indicator shows, and why (or why not). */
  indicator: { ok: boolean; why: string };
};

/**
 * Reads the focused element in the page. A focus indicator counts as visible when the
 * focused element (for a radio or checkbox: its label's ::before box, which the CSS draws
 * over the hidden native control) has an outline that is not none/transparent/zero, or its
 * box-shadow, background, border or text colour differs from the same element unfocused. The
 * unfocused look is read from a shallow copy placed next to it for the moment of the
 * measurement (no id, no name, so no radio group or label is disturbed).
 */
export async function focused(page: Page, opts: { forced?: boolean } = {}): Promise<Focused> {
  return page.evaluate((forced) => {
    const w = window as unknown as { __a11yIds?: WeakMap<Element, number>; __a11yNext?: number };
    w.__a11yIds ??= new WeakMap();
    w.__a11yNext ??= 1;
    const el = document.activeElement;
    const describe = (e: Element) => {
      const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const value = e instanceof HTMLInputElement ? ` value="${e.value}"` : '';
      return `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).replace(/\s+/g, '.')}` : ''}${value}> "${text}"`;
    };
    if (!el || el === document.body || el === document.documentElement || !el.isConnected) {
      return {
        desc: el ? describe(el) : 'null',
        key: 'body',
        tag: el?.tagName ?? '',
        lost: true,
        tabbable: false,
        indicator: { ok: false, why: 'focus is on <body>: nothing visibly focused' },
      };
    }
    let id = w.__a11yIds.get(el);
    if (!id) {
      id = w.__a11yNext++;
      w.__a11yIds.set(el, id);
    }
    const isBox = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
    const key = el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : `el:${id}`;

    const visibleOutline = (s: CSSStyleDeclaration) =>
      s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor);
    // In forced colours, box-shadow is dropped and colours are the system's: only an outline
    // or a border change is a focus indicator there.
    const props = (
      forced
        ? ['borderTopColor', 'borderTopWidth', 'borderBottomColor', 'borderBottomWidth']
        : ['boxShadow', 'backgroundColor', 'borderTopColor', 'borderTopWidth', 'borderBottomColor', 'borderBottomWidth', 'color']
    ) as ('boxShadow' | 'backgroundColor' | 'borderTopColor' | 'borderTopWidth' | 'borderBottomColor' | 'borderBottomWidth' | 'color')[];
    const snapshot = (s: CSSStyleDeclaration) => Object.fromEntries(props.map((p) => [p, s[p]]));

    // The element (or the label drawing the box) focused, and a copy of it unfocused.
    const shown = isBox ? (el as HTMLInputElement).labels?.[0] : (el as HTMLElement);
    if (!shown) {
      return { desc: describe(el), key, tag: el.tagName, lost: false, tabbable: true, indicator: { ok: false, why: 'radio/checkbox without a label' } };
    }
    const pseudo = isBox ? '::before' : null;
    const now = getComputedStyle(shown, pseudo);
    const nowSnap = snapshot(now);
    const outline = visibleOutline(now);
    const copy = shown.cloneNode(false) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('name');
    copy.removeAttribute('for');
    copy.setAttribute('aria-hidden', 'true');
    copy.tabIndex = -1;
    if (copy instanceof HTMLInputElement && (copy.type === 'radio' || copy.type === 'checkbox')) copy.checked = false;
    copy.textContent = shown instanceof HTMLInputElement || shown instanceof HTMLSelectElement ? '' : 'x';
    shown.after(copy);
    const before = snapshot(getComputedStyle(copy, pseudo));
    copy.remove();
    const changed = props.filter((p) => nowSnap[p] !== before[p] && !(p === 'boxShadow' && nowSnap[p] === 'none'));
    const ok = outline || changed.length > 0;
    const why = outline
      ? `outline ${now.outlineStyle} ${now.outlineWidth} ${now.outlineColor}`
      : changed.length
        ? changed.map((p) => `${p}: ${before[p]} → ${nowSnap[p]}`).join('; ')
        : `no outline (${now.outlineStyle} ${now.outlineWidth} ${now.outlineColor}) and nothing changes on focus`;
    const tabbable = (el as HTMLElement).tabIndex >= 0;
    return { desc: describe(el), key, tag: el.tagName, lost: false, tabbable, indicator: { ok, why: `${isBox ? 'label::before: ' : ''}${why}` } };
  }, !!opts.forced);
}

/** Presses Tab (or Shift+Tab) and checks the new focus stop shows a visible focus indicator. */
export async function tab(page: Page, opts: { shift?: boolean; where?: string; forced?: boolean } = {}): Promise<Focused> {
  await page.keyboard.press(opts.shift ? 'Shift+Tab' : 'Tab');
  const f = await focused(page, { forced: opts.forced });
  if (!f.lost) {
    expect.soft(f.indicator.ok, `visible focus indicator on ${f.desc}${opts.where ? ` (${opts.where})` : ''}: ${f.indicator.why}`).toBe(true);
  }
  return f;
}

/**
 * Presses Tab (Shift+Tab with `shift`) until `target` has focus, checking a visible focus
 * indicator at every stop on the way. Fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  opts: { shift?: boolean; max?: number; where?: string } = {},
): Promise<Focused[]> {
  const stops: Focused[] = [];
  const max = opts.max ?? 40;
  for (let i = 0; i < max; i++) {
    stops.push(await tab(page, opts));
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return stops;
  }
  throw new Error(
    `${opts.shift ? 'Shift+Tab' : 'Tab'} did not reach ${target} in ${max} presses${opts.where ? ` (${opts.where})` : ''}; stops:\n  ${stops.map((s) => s.desc).join('\n  ')}`,
  );
}

/** Asserts `target` has focus (a focus stop reached with the keyboard). */
export async function expectFocus(target: Locator, message: string): Promise<void> {
  await expect(target, message).toBeFocused();
}

/**
 * No keyboard trap (WCAG 2.1.2) and a visible indicator on every stop (2.4.7): from where
 * focus is now, Tab goes round the whole page — through the footer's links, out of the page
 * (focus on <body>, as when it moves to the browser's own controls) and in again from the
 * skip link — back to the first stop; Shift+Tab then goes round the other way through the
 * same stops in reverse order. Focus ends on the first stop after where it started.
 */
export async function expectTabCycle(
  page: Page,
  where: string,
  opts: { max?: number; forced?: boolean } = {},
): Promise<Focused[]> {
  const max = opts.max ?? 80;
  const lap: Focused[] = [await tab(page, { where, forced: opts.forced })];
  expect(lap[0].lost, `Tab from the start finds a stop on ${where}`).toBe(false);
  for (let i = 0; ; i++) {
    expect(i, `Tab comes back round to ${lap[0].desc} within ${max} presses on ${where}; stops:\n  ${lap.map((f) => f.desc).join('\n  ')}`).toBeLessThan(max);
    const f = await tab(page, { where, forced: opts.forced });
    if (f.key === lap[0].key) break;
    if (f.key === lap[lap.length - 1].key) {
      throw new Error(`keyboard trap on ${where}: Tab stayed on ${f.desc}`);
    }
    lap.push(f);
  }
  const names = lap.map((f) => f.desc);
  for (const link of ['Change or cancel an appointment', 'Accessibility statement']) {
    expect(
      names.some((n) => n.includes(`nhsb-footer__link> "${link}"`)),
      `Tab reaches the footer link "${link}" on ${where}; stops:\n  ${names.join('\n  ')}`,
    ).toBe(true);
  }
  expect(names.some((n) => n.includes('nhsb-skip-link')), `Tab comes round to the skip link on ${where}`).toBe(true);
  // And back: the same stops in reverse order, ending where the lap began. (Going forwards,
  // focus leaves the page onto <body> between the last link and the skip link; going
  // backwards Chromium goes straight from the skip link to the last link, so <body> is left
  // out of the comparison.)
  const forward = lap.map((f) => f.key).filter((k) => k !== 'body');
  const back: string[] = [];
  for (let i = 0; i < lap.length + 1 && back[back.length - 1] !== lap[0].key; i++) {
    const f = await tab(page, { shift: true, where: `${where}, Shift+Tab`, forced: opts.forced });
    if (!f.lost) back.push(f.key);
  }
  const expected = [...forward.slice(1).reverse(), forward[0]];
  expect(back, `Shift+Tab retraces Tab on ${where}`).toEqual(expected);
  return lap;
}

// ---------------------------------------------------------------------------------------------
// Measurements in the page

/**
 * Target size. Every visible interactive element (links, buttons, inputs, selects; a radio or
 * checkbox measured as its input and label together, since the label is part of the target)
 * must be at least 44 by 44 CSS px, except a text link inside a sentence: an inline `a` whose
 * paragraph (or list item) has words of its own outside the link (WCAG 2.5.8's inline
 * exception: its size is set by the line of text). A link alone in its paragraph, the
 * footer's links, Back, the skip link (measured while focused) and "Change" are not inline
 * exceptions. Returns the failures and the exempted links.
 */
export async function measureTargets(page: Page): Promise<{ failures: string[]; exempt: string[] }> {
  return page.evaluate(() => {
    const failures: string[] = [];
    const exempt: string[] = [];
    const name = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) || e.getAttribute('aria-label') || e.id || e.tagName;
    const blockOf = (e: Element): Element => {
      let p = e.parentElement;
      while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
      return p ?? document.body;
    };
    const inSentence = (a: HTMLElement) => {
      if (getComputedStyle(a).display !== 'inline') return false;
      const block = blockOf(a);
      const own = (block.textContent ?? '').replace(a.textContent ?? '', '');
      return /[A-Za-z]{2,}/.test(own);
    };
    const candidates = document.querySelectorAll<HTMLElement>(
      '.nhsb a[href], .nhsb button, .nhsb input:not([type=hidden]), .nhsb select, .nhsb textarea, .nhsb [role=button], .nhsb [tabindex]:not([tabindex="-1"])',
    );
    const seen = new Set<Element>();
    for (const el of candidates) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (el.classList.contains('nhsb-skip-link')) continue; // off screen until focused: measured on its own
      if (el.closest('.nhsb-visually-hidden')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility !== 'visible') continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      let label = name(el);
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        const l = el.labels?.[0];
        if (l) {
          const lr = l.getBoundingClientRect();
          const left = Math.min(r.left, lr.left);
          const top = Math.min(r.top, lr.top);
          const right = Math.max(r.right, lr.right);
          const bottom = Math.max(r.bottom, lr.bottom);
          r = new DOMRect(left, top, right - left, bottom - top);
          label = `${el.type} "${name(l)}"`;
        }
      } else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
        label = `${el.tagName.toLowerCase()}#${el.id}`;
      } else {
        label = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(/\s+/)[0]}` : ''} "${label}"`;
      }
      // Header, footer, Back, "Change" and error-summary links are never inline exceptions.
      const neverInline = !!el.closest('header, footer, .nhsb-summary-list, .nhsb-error-summary') || el.matches('.nhsb-back-link');
      if (el instanceof HTMLAnchorElement && !neverInline && inSentence(el)) {
        exempt.push(`${label} (inline in "${(blockOf(el).textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70)}…")`);
        continue;
      }
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
        failures.push(`${label}: ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
      }
    }
    return { failures, exempt };
  });
}

/** The skip link's size while it has focus (it is off screen otherwise). */
export async function measureSkipLink(page: Page): Promise<{ width: number; height: number; inView: boolean }> {
  const skip = page.locator('.nhsb-skip-link');
  await skip.focus();
  const size = await skip.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { width: r.width, height: r.height, inView: r.left >= 0 && r.top >= 0 && r.right <= innerWidth };
  });
  await skip.evaluate((e) => (e as HTMLElement).blur());
  return size;
}

/** Horizontal scrolling of the document (scrollWidth beyond the viewport), in px. */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const widest: string[] = [];
    if (overflow > 0) {
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.right > width + 1 && !e.closest('.nhsb-visually-hidden') && !e.classList.contains('nhsb-skip-link')) {
          widest.push(`<${e.tagName.toLowerCase()}.${String(e.className).split(/\s+/)[0]}> right=${r.right.toFixed(0)}`);
        }
      }
    }
    return { overflow, widest: widest.slice(0, 10) };
  });
}

/** Elements that clip their content (overflow not visible) and have more content than room. */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('.nhsb *')) {
      if (e.closest('.nhsb-visually-hidden')) continue;
      const s = getComputedStyle(e);
      if (s.display === 'none') continue;
      const clipsX = s.overflowX !== 'visible';
      const clipsY = s.overflowY !== 'visible';
      const isField = e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement;
      if (!clipsX && !clipsY && !isField) continue;
      const overX = e.scrollWidth > e.clientWidth + 1;
      const overY = e.scrollHeight > e.clientHeight + 1;
      // A text box scrolls its own long value sideways by design: only boxes that clip count.
      if (clipsX && !isField && overX) {
        out.push(`<${e.tagName.toLowerCase()}#${e.id}.${String(e.className).split(/\s+/)[0]}> scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
      }
      // A text area scrolls its own long value up and down by design (it keeps its rows and
      // shows a scroll bar): it counts only when it is too short for one line of its text.
      if (e instanceof HTMLTextAreaElement) {
        const line = s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.15 : parseFloat(s.lineHeight);
        const inner = e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
        if (inner + 1 < line) out.push(`<textarea#${e.id}> ${inner.toFixed(1)} px of room for ${line.toFixed(1)} px lines`);
        continue;
      }
      if ((clipsY || isField) && overY) {
        out.push(`<${e.tagName.toLowerCase()}#${e.id}.${String(e.className).split(/\s+/)[0]}> scrollHeight ${e.scrollHeight} > clientHeight ${e.clientHeight}`);
      }
    }
    return out;
  });
}

/**
 * Controls whose text does not fit inside them: buttons (and button-styled links) whose text
 * runs outside their box, and text boxes/selects too short for one line of their own text.
 */
export async function uncontainedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('.nhsb button, .nhsb .nhsb-button, .nhsb [role=button]')) {
      if (getComputedStyle(e).display === 'none' || e.closest('.nhsb-visually-hidden')) continue;
      const box = e.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(e);
      const text = range.getBoundingClientRect();
      if (text.width === 0) continue;
      if (text.left < box.left - 1 || text.right > box.right + 1 || text.top < box.top - 1 || text.bottom > box.bottom + 1) {
        out.push(
          `button "${(e.textContent ?? '').trim()}": text ${text.width.toFixed(0)}×${text.height.toFixed(0)} at (${text.left.toFixed(0)},${text.top.toFixed(0)}) outside box ${box.width.toFixed(0)}×${box.height.toFixed(0)} at (${box.left.toFixed(0)},${box.top.toFixed(0)})`,
        );
      }
    }
    for (const e of document.querySelectorAll<HTMLElement>('.nhsb input:not([type=radio]):not([type=checkbox]):not([type=hidden]), .nhsb select')) {
      if (getComputedStyle(e).display === 'none') continue;
      const s = getComputedStyle(e);
      const fontSize = parseFloat(s.fontSize);
      const line = s.lineHeight === 'normal' ? fontSize * 1.15 : parseFloat(s.lineHeight);
      const inner = e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
      if (Math.max(fontSize * 1.1, Math.min(line, fontSize * 1.2)) > inner + 1) {
        out.push(`<${e.tagName.toLowerCase()}#${e.id}>: ${fontSize.toFixed(1)} px text in ${inner.toFixed(1)} px of room (height ${e.clientHeight})`);
      }
    }
    return out;
  });
}

/** WCAG 1.4.12's text-spacing bookmarklet, as a style sheet. */
export const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** Structure problems (1.3.1, 2.4.1, 2.4.6, 1.3.5, 3.3.2): an empty list when all is well. */
export async function structureProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const lang = document.documentElement.getAttribute('lang');
    if (!lang || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) problems.push(`html[lang] is "${lang}"`);
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (want exactly one)`);
    // Heading levels never go down by more than one step (h1 → h3 skips h2).
    const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role=heading]')];
    let last = 0;
    for (const h of headings) {
      const level = h.getAttribute('aria-level') ? Number(h.getAttribute('aria-level')) : Number(h.tagName.slice(1));
      if (last && level > last + 1) problems.push(`heading "${h.textContent?.trim()}" is h${level} after h${last}`);
      last = level;
    }
    // Landmarks: one banner, one main, one contentinfo.
    const count = (selector: string) =>
      [...document.querySelectorAll(selector)].filter((e) => !e.closest('main, article, aside, nav, section') || e.matches('main')).length;
    for (const [what, selector] of [
      ['header (banner)', 'header, [role=banner]'],
      ['main', 'main, [role=main]'],
      ['footer (contentinfo)', 'footer, [role=contentinfo]'],
    ]) {
      const n = count(selector);
      if (n !== 1) problems.push(`${n} ${what} landmarks (want exactly one)`);
    }
    // The skip link is the first thing in the tab order.
    const tabbable = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'),
    ].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility === 'visible');
    const first = tabbable[0];
    if (!first || !first.classList.contains('nhsb-skip-link') || first.getAttribute('href') !== '#nhsb-main' || !document.getElementById('nhsb-main')) {
      problems.push(`the first focusable element is ${first ? `${first.tagName} "${first.textContent?.trim()}"` : 'none'}, not the skip link to #nhsb-main`);
    }
    // Every input and select has a label with words.
    for (const e of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type=hidden]), select, textarea')) {
      const labelled =
        [...(e.labels ?? [])].some((l) => (l.textContent ?? '').trim().length > 0) ||
        !!e.getAttribute('aria-label')?.trim() ||
        (e.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent?.trim());
      if (!labelled) problems.push(`<${e.tagName.toLowerCase()}#${e.id} name=${e.getAttribute('name')}> has no label`);
    }
    // aria-describedby / aria-labelledby / aria-controls point at elements that exist.
    for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
      for (const e of document.querySelectorAll(`[${attr}]`)) {
        for (const id of (e.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) problems.push(`<${e.tagName.toLowerCase()}#${e.id}> ${attr}="${id}" but no element has that id`);
        }
      }
    }
    // Personal fields say what they are (1.3.5).
    const tokens: Record<string, string> = {
      'given-name': 'given-name',
      'family-name': 'family-name',
      'dob-day': 'bday-day',
      'dob-month': 'bday-month',
      'dob-year': 'bday-year',
      phone: 'tel',
      email: 'email',
    };
    for (const [id, token] of Object.entries(tokens)) {
      const e = document.getElementById(id);
      if (e && e.getAttribute('autocomplete') !== token) {
        problems.push(`#${id} has autocomplete="${e.getAttribute('autocomplete')}" (want "${token}")`);
      }
    }
    return problems;
  });
}

/** Ids of the personal fields present on the page (to prove the autocomplete check ran). */
export async function personalFieldIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ['given-name', 'family-name', 'dob-day', 'dob-month', 'dob-year', 'phone', 'email'].filter((id) => document.getElementById(id)),
  );
}

/**
 * In forced colours (Windows High Contrast): the drawn radio circles and checkbox squares keep
 * a visible border, a chosen radio or ticked box shows its mark, and buttons keep a border
 * (their background colour is replaced, so the border is their only edge).
 */
export async function forcedColoursProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const edge = (s: CSSStyleDeclaration) => s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) >= 1 && !transparent(s.borderTopColor);
    for (const input of document.querySelectorAll<HTMLInputElement>('.nhsb input[type=radio], .nhsb input[type=checkbox]')) {
      const label = input.labels?.[0];
      if (!label) {
        out.push(`${input.type}#${input.id} has no label to draw it`);
        continue;
      }
      const box = getComputedStyle(label, '::before');
      if (!edge(box)) out.push(`${input.type} "${label.textContent?.trim()}": drawn box has no visible border (${box.borderTopStyle} ${box.borderTopWidth} ${box.borderTopColor})`);
      if (input.checked) {
        const mark = getComputedStyle(label, '::after');
        const colours = [mark.backgroundColor, mark.borderTopColor, mark.borderLeftColor, mark.borderBottomColor];
        if (mark.opacity === '0' || colours.every(transparent)) out.push(`${input.type} "${label.textContent?.trim()}": checked mark invisible`);
      }
    }
    for (const b of document.querySelectorAll<HTMLElement>('.nhsb button, .nhsb .nhsb-button')) {
      const s = getComputedStyle(b);
      if (s.display === 'none') continue;
      if (!edge(s)) out.push(`button "${b.textContent?.trim()}": no visible border (${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor})`);
    }
    return out;
  });
}

/** Elements (and ::before/::after boxes) that animate or transition. */
export async function movingThings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const moving = (s: CSSStyleDeclaration) => {
      const secs = (v: string) => v.split(',').some((t) => parseFloat(t) > 0);
      const animates = s.animationName !== 'none' && secs(s.animationDuration) && s.animationPlayState !== 'paused';
      const transitions = s.transitionProperty !== 'none' && (secs(s.transitionDuration) || false);
      return animates ? `animation ${s.animationName} ${s.animationDuration}` : transitions ? `transition ${s.transitionProperty} ${s.transitionDuration}` : '';
    };
    for (const e of document.querySelectorAll('body, body *')) {
      for (const pseudo of [null, '::before', '::after']) {
        const what = moving(getComputedStyle(e, pseudo));
        if (what) out.push(`<${e.tagName.toLowerCase()}.${String(e.className).split(/\s+/)[0]}>${pseudo ?? ''}: ${what}`);
      }
    }
    return out;
  });
}
