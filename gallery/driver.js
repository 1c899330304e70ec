// The state gallery's driver (demo only: demo-api serves it at /gallery/driver.js and adds it to
// the app's page in a gallery session, /__s/{sid}/…; the built app in dist/ knows nothing of it).
// It reads the session's state and steps (/gallery/session/{sid}) and walks the app there the
// way a patient would: it clicks buttons and links by their text, ticks radios and checkboxes
// and fills fields by their labels, and waits for each page by its heading. It shows nothing
// and never moves focus itself (a click made by script does not focus), so the state is
// exactly what a patient would have. When the state is reached it sets
// <html data-gallery-state="ready"> ("failed: …" if a step could not be done, with the reason
// in the console). The step language is described in gallery/README.md.
(() => {
  'use strict';

  const session = /^\/__s\/([A-Za-z0-9_-]+)\//.exec(location.pathname + '/');
  if (!session) return;
  const sid = session[1];
  const base = `/__s/${sid}`;
  const root = document.documentElement;
  // This tab's progress through this session's steps: the index of the next step (a page load
  // part-way, a `goto` step), or "done". Kept under a name of our own in sessionStorage.
  const OWN = 'nhs-booking-gallery:';
  const KEY = OWN + sid;
  const LIMIT_MS = 10_000;

  const progress = sessionStorage.getItem(KEY);
  if (progress === 'done') {
    // Reloaded after the state was reached: the app restores itself; nothing to do again.
    root.dataset.galleryState = 'ready';
    return;
  }
  if (progress === null) {
    // A fresh session: what the app kept in this tab for an earlier one must not leak in
    // (this runs before the app starts: this script comes before booking.js).
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const key = sessionStorage.key(i);
      if (key !== null && !key.startsWith(OWN)) sessionStorage.removeItem(key);
    }
  }
  root.dataset.galleryState = 'running';

  // ---- finding things the way a person does: by the words on them ---------------------------

  const words = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  /** Whether `text` is `wanted` ("Any time before*": starts with "Any time before"). */
  const is = (text, wanted) => (wanted.endsWith('*') ? text.startsWith(wanted.slice(0, -1)) : text === wanted);
  const shown = (el) => el.isConnected && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

  /** A button or link whose text (or aria-label) is `text`. */
  const clickable = (text) =>
    [...document.querySelectorAll('button, a[href], [role=button], input[type=submit], input[type=button]')].find(
      (el) => shown(el) && (is(words(el), text) || is(el.getAttribute('aria-label') || '', text) || (el instanceof HTMLInputElement && is(el.value, text))),
    );

  /** The fieldset whose legend is `name` (or the element labelled so with role=group). */
  const group = (name) =>
    [...document.querySelectorAll('fieldset')].find((f) => {
      const legend = f.querySelector('legend');
      return legend && words(legend) === name;
    }) || [...document.querySelectorAll('[role=group]')].find((g) => g.getAttribute('aria-label') === name);

  /** The field labelled `text` (inside `within` when given). */
  const field = (text, within = document) => {
    for (const label of within.querySelectorAll('label')) {
      if (!is(words(label), text)) continue;
      const control = label.control || (label.htmlFor ? document.getElementById(label.htmlFor) : null);
      if (control && shown(label)) return control;
    }
    return null;
  };

  const h1 = () => {
    const all = document.querySelectorAll('h1');
    return all.length === 1 ? words(all[0]) : null;
  };

  const loading = () => [...document.querySelectorAll('[role=status]')].some((s) => /^Loading\b/.test(words(s)));

  /** Resolves with `find()`'s first truthy answer, polling; rejects after LIMIT_MS. */
  const until = (find, what) =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const look = () => {
        let found;
        try {
          found = find();
        } catch (e) {
          return reject(e);
        }
        if (found) return resolve(found);
        if (Date.now() - started > LIMIT_MS) return reject(new Error(`${what} did not appear within ${LIMIT_MS / 1000} seconds`));
        setTimeout(look, 50);
      };
      look();
    });

  // Typing, as far as the app can tell: the value through the element's own setter, then the
  // events a keyboard would fire.
  const setValue = (el, value) => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const post = async (path, body) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };

  // The clinic's calendar day today, as the app writes days ("29 March 2027").
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  const TIME = /^\w+day (\d{1,2} \w+ \d{4}), /;

  // ---- the steps -------------------------------------------------------------------------------

  const actions = {
    async click(text) {
      const el = await until(() => {
        const found = clickable(text);
        return found && found.getAttribute('aria-disabled') !== 'true' && !found.disabled ? found : null;
      }, `a button or link "${text}"`);
      el.click();
    },

    async check(label) {
      await until(() => {
        const input = field(label);
        if (!input) return null;
        if (!input.checked) input.click();
        return input.isConnected && input.checked;
      }, `a radio or checkbox labelled "${label}"`);
    },

    async fill({ label, value, group: legend, repeat, focus }) {
      const text = repeat ? value.repeat(repeat) : value;
      const find = () => {
        const within = legend ? group(legend) : document;
        return within ? field(label, within) : null;
      };
      const what = `a field labelled "${label}"${legend ? ` in "${legend}"` : ''}`;
      if (focus) {
        // Focus that stays put: the app moves focus to a new page's heading once it has
        // rendered, so focus again until it is still there at the next look.
        await until(() => {
          const input = find();
          if (!input) return null;
          if (document.activeElement === input) return input;
          input.focus();
          return null;
        }, `${what}, focused`);
      }
      await until(() => {
        const input = find();
        if (!input) return null;
        if (input.value !== text) setValue(input, text);
        return input.isConnected && input.value === text;
      }, what);
    },

    async choose_first_time() {
      for (let day = 0; day < 10; day++) {
        const radios = await until(() => {
          const found = [...document.querySelectorAll('input[type=radio]')].filter((r) => r.labels && r.labels[0] && TIME.test(words(r.labels[0])));
          return found.length ? found : null;
        }, 'the times');
        // Not today's: a time today could start while a tester is looking at the state.
        const later = radios.find((r) => TIME.exec(words(r.labels[0]))[1] !== today);
        if (later) {
          if (!later.checked) later.click();
          return;
        }
        const first = radios[0];
        const was = words(first.labels[0]);
        await actions.click('Next day');
        await until(() => !first.isConnected || !first.labels[0] || words(first.labels[0]) !== was, 'the next day');
      }
      throw new Error('no time after today in the next 10 days on show');
    },

    async wait_h1(text) {
      await until(() => h1() === text, `the heading "${text}"`);
    },

    async wait_text(text) {
      await until(
        () => [...document.querySelectorAll('body *')].some((el) => shown(el) && words(el).includes(text) && ![...el.children].some((c) => words(c).includes(text))),
        `the words "${text}"`,
      );
    },

    async faults(body) {
      await post('/__demo/faults', body);
    },

    async take_slot(from) {
      let slot;
      if (from === 'from_url') slot = new URLSearchParams(location.search).get('slot');
      else if (from === 'chosen') slot = [...document.querySelectorAll('input[type=radio]')].find((r) => r.checked)?.value;
      else throw new Error(`take_slot: "${from}"`);
      if (!slot) throw new Error(`take_slot: no time ${from === 'chosen' ? 'chosen on the page' : 'in the address (slot=)'}`);
      await post(`/__demo/take-slot/${encodeURIComponent(slot)}`);
    },

    async control(name) {
      await post(`/__demo/${name}`);
    },

    async when_h1({ h1: text, or, steps }) {
      const heading = await until(() => (h1() === text || h1() === or ? h1() : null), `the heading "${text}" or "${or}"`);
      if (heading === text) await runSteps(steps);
    },

    async press(key) {
      const el = document.activeElement || document.body;
      for (const type of ['keydown', 'keyup']) {
        el.dispatchEvent(new KeyboardEvent(type, { key, code: key, bubbles: true, cancelable: true }));
      }
    },
  };

  const describe = (step) => JSON.stringify(step).slice(0, 120);

  /** Steps with no page load among them (those inside `when_h1`). */
  const runSteps = async (steps) => {
    for (const step of steps) {
      const [name, arg] = Object.entries(step)[0];
      if (!actions[name]) throw new Error(`unknown step "${name}"`);
      await actions[name](arg);
    }
  };

  const finish = async (state) => {
    await until(() => h1() === state.h1, `the state's heading "${state.h1}" (the heading is "${h1()}")`);
    if (!state.loading) await until(() => !loading(), 'the end of loading');
    sessionStorage.setItem(KEY, 'done');
    root.dataset.galleryState = 'ready';
  };

  const run = async () => {
    const res = await fetch(`/gallery/session/${sid}`, { cache: 'no-store' });
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).error || `session ${res.status}`);
    const state = await res.json();
    // The app is there when its skip link is (the static page before it has none).
    await until(() => [...document.querySelectorAll('a')].some((a) => words(a) === 'Skip to main content'), 'the app');
    let next = progress === null ? 0 : Number(progress);
    for (; next < state.steps.length; next++) {
      const step = state.steps[next];
      const [name, arg] = Object.entries(step)[0];
      if (name === 'goto') {
        sessionStorage.setItem(KEY, String(next + 1));
        location.assign(base + arg);
        return;
      }
      sessionStorage.setItem(KEY, String(next));
      const action = actions[name];
      try {
        if (!action) throw new Error(`unknown step "${name}"`);
        await action(arg);
      } catch (e) {
        throw new Error(`step ${next + 1} ${describe(step)}: ${e.message}`);
      }
    }
    await finish(state);
  };

  run().catch((e) => {
    sessionStorage.setItem(KEY, 'done');
    root.dataset.galleryState = `failed: ${e.message}`;
    console.error('gallery:', e.message);
  });
})();
