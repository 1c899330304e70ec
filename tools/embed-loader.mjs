// Trunk post_build hook: writes booking.js, the one external script a host page needs, and
// makes the standalone index.html use it instead of Trunk's inline module script, so both
// pass a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'; style-src 'self').
//
// booking.js holds the wasm-bindgen glue, adds the hashed stylesheet (with its SRI hash)
// unless the page already links it, and after the first paint starts the app with the hashed
// .wasm, every URL resolved relative to booking.js itself (import.meta.url), so the app can
// live on any origin or path. It defines one global, window.NHSBooking = { version }.
// It is minified (esbuild): the first load's script, 66 KB → 31 KB raw, 11.1 → 7.9 KB brotli.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('embed-loader: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass a folder)');
  process.exit(1);
}
const files = fs.readdirSync(dir);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) {
    console.error(`embed-loader: expected one ${what} in ${dir}, found ${JSON.stringify(found)}`);
    process.exit(1);
  }
  return found[0];
};
const js = one(/^nhs-booking-[0-9a-f]+\.js$/, 'nhs-booking-<hash>.js');
const wasm = one(/^nhs-booking-[0-9a-f]+_bg\.wasm$/, 'nhs-booking-<hash>_bg.wasm');
const css = one(/^app-[0-9a-f]+\.css$/, 'app-<hash>.css');
const sri = (f) => 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, f))).digest('base64');
const cargo = fs.readFileSync(path.join(process.cwd(), 'Cargo.toml'), 'utf8');
const version = (cargo.match(/^version\s*=\s*"([^"]+)"/m) || [])[1] || '0.0.0';

// The wasm-bindgen glue goes inside booking.js: one request fewer, and nothing for the page to
// preload. Its exports stay (harmless in a module script); the loader calls its init directly.
const glue = fs.readFileSync(path.join(dir, js), 'utf8');
if (!/export \{ initSync, __wbg_init as default \};/.test(glue)) {
  console.error(`embed-loader: ${js} does not end as expected (wasm-bindgen changed?)`);
  process.exit(1);
}
// The chunk loader (tools/build-wasm.mjs) goes in too. The glue imports it (the main module
// calls it to load a chunk) and it imports the glue's initSync: in one file, both are plain
// names. The glue reads its imports only when the app starts, after both are defined.
const splitFile = 'nhs-booking-split.js';
let split = fs.readFileSync(path.join(dir, splitFile), 'utf8');
const importsGlue = /^import \{ initSync \} from "\.\/nhs-booking\.js";\n/m;
if (!importsGlue.test(split)) {
  console.error(`embed-loader: ${splitFile} does not import initSync as expected (wasm-split-cli changed?)`);
  process.exit(1);
}
split = split.replace(importsGlue, '');
const loads = [...split.matchAll(/^export const (__wasm_split_load_\w+) = /gm)].map((m) => m[1]);
split = split.replace(/^export const /gm, 'const ');
const splitImports = /^import \* as (import\d+) from "\.\/__wasm_split\.js"\n/gm;
const names = [...glue.matchAll(splitImports)].map((m) => m[1]);
if (names.length === 0 || loads.length === 0) {
  console.error(`embed-loader: ${js} does not import the chunk loader, or it loads nothing`);
  process.exit(1);
}
// Each chunk's files (its module and the shared code it loads with it), so that booking.js
// can fetch a chunk beside the main module when the page opens at one of its steps.
const chunkFile = Object.fromEntries(
  [...split.matchAll(/^const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/gm)].map((m) => [m[1], m[2]]),
);
const chunkFiles = Object.fromEntries(
  [...split.matchAll(/^const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?^, \[([^\]]*)\]\)\);/gm)].map((m) => [
    m[1],
    [m[2], ...m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile[d] ?? fail(`no file for ${d}`))],
  ]),
);
function fail(message) {
  console.error(`embed-loader: ${message} (wasm-split-cli changed?)`);
  process.exit(1);
}
for (const name of ['journey', 'manage']) {
  if (!chunkFiles[name]) fail(`no files found for the ${name} chunk in ${splitFile}`);
}
let merged = glue.replace(splitImports, '');
if (/^import /m.test(merged)) {
  console.error(`embed-loader: ${js} imports other files (snippets); copy them or stop merging`);
  process.exit(1);
}
merged += `\n// ---- the chunk loader (wasm-split-cli) ----\n${split}\nconst __wasm_split_exports = { ${loads.join(', ')} };\n`;
merged += names.map((n) => `const ${n} = __wasm_split_exports;\n`).join('');

// The static shell's words: index.html marks each with data-nhsb-words="area.key". Each must
// be the catalogue's English (target/catalogue.json, written by build-wasm.mjs), so the shell
// says what the start page says; their Welsh goes into booking.js, which shows the shell in
// Welsh before the app loads when that is the patient's language.
const shellFail = (message) => {
  console.error(`embed-loader: ${message}`);
  process.exit(1);
};
const catalogue = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'target', 'catalogue.json'), 'utf8'));
const message = (id) => catalogue.find((m) => `${m.area}.${m.key}` === id) ?? shellFail(`index.html names ${id}, which is not in the catalogue`);
const plain = (s) => s.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const shellHtml = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const shellWords = {};
for (const [, , id, inner] of shellHtml.matchAll(/<(\w+)\b[^>]*\bdata-nhsb-words="?([\w.]+)"?[^>]*>(.*?)<\/\1>/gs)) {
  const { en, cy } = message(id);
  const [before, after] = en.split('{phone}');
  const ok = after === undefined ? plain(inner) === en : plain(inner).startsWith(before.trim()) && plain(inner).endsWith(after);
  if (!ok) shellFail(`index.html's ${id} says "${plain(inner)}", the catalogue "${en}"`);
  shellWords[id] = cy;
}
if (!shellWords['titles.start'] || !shellWords['layout.call']) shellFail('index.html marks no service name or phone sentence (data-nhsb-words)');
for (const id of ['titles.start_page', 'layout.opening_hours']) shellWords[id] = message(id).cy;
const shellTitle = message('titles.start_page').en.replace('{service}', message('titles.start').en);
if (plain(shellHtml.match(/<title>(.*?)<\/title>/s)?.[1] ?? '') !== shellTitle) shellFail(`index.html's <title> is not "${shellTitle}"`);
const defaultHours = message('layout.opening_hours').en;
// Its own file, fetched only for a Welsh patient: an English one downloads no Welsh word.
const shellCy = JSON.stringify(shellWords);
const shellCyFile = `nhs-booking-shell-cy-${crypto.createHash('sha256').update(shellCy).digest('hex').slice(0, 16)}.json`;
fs.writeFileSync(path.join(dir, shellCyFile), shellCy);

const loader = `// NHS booking loader ${version}. Generated by tools/embed-loader.mjs; do not edit.
// Serve with Cache-Control: no-cache; the hashed files it names may be cached for ever.
// The wasm-bindgen glue (${js}) and the chunk loader are included below.
${merged}
// ---- the loader -------------------------------------------------------------------------------
{
  const here = import.meta.url;
  const cssUrl = new URL('./${css}', here).href;
  const wasmUrl = new URL('./${wasm}', here);

  const stylesheet = () => {
    // The standalone page carries the stylesheet inline (its first paint needs no request);
    // if a policy without its hash blocked it, the file below is added instead.
    const inline = document.querySelector('style[data-nhsb-css]');
    if (inline && inline.sheet && inline.sheet.cssRules.length > 0) return Promise.resolve();
    const linked = [...document.querySelectorAll('link[rel~="stylesheet"]')].find((l) => l.href === cssUrl);
    if (linked) {
      return linked.sheet ? Promise.resolve() : new Promise((done) => {
        linked.addEventListener('load', done, { once: true });
        linked.addEventListener('error', done, { once: true });
      });
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = cssUrl;
    link.integrity = '${sri(css)}';
    link.crossOrigin = 'anonymous';
    const ready = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    document.head.append(link);
    return ready;
  };

  const mount = document.getElementById('nhs-booking');
  // A setting of the host page's (src/config.rs): data-NAME on the mount element, or a meta tag.
  const setting = (name) => {
    const v = mount?.getAttribute('data-' + name) ?? document.querySelector("meta[name='nhs-booking:" + name + "']")?.getAttribute('content');
    return v?.trim() || undefined;
  };

  // The static shell in Welsh when that is the patient's language, chosen as the app chooses it
  // (src/lang.rs): the URL's ?lang=, else this tab's earlier choice, else data-lang. Its words
  // are the catalogue's (tools/embed-loader.mjs checks the English ones in index.html), in a
  // file of their own fetched only then. Unless the app has drawn its page first.
  const shellInWelsh = async () => {
    const parse = (tag) => (/^(cy|en)([-_]|$)/i.test((tag ?? '').trim()) ? tag.trim().slice(0, 2).toLowerCase() : undefined);
    let lang = location.search.replace(/^[?]/, '').split('&').filter((p) => p.startsWith('lang=')).map((p) => parse(decodeURIComponent(p.slice(5)))).find(Boolean);
    try {
      lang ??= parse(sessionStorage.getItem('nhs-booking-lang'));
    } catch {}
    lang ??= parse(setting('lang'));
    if (lang !== 'cy' || !mount) return;
    const shellWords = await fetch(new URL('./${shellCyFile}', here)).then((r) => r.json());
    if (!mount.querySelector('[data-nhsb-words]')) return;
    const hours = setting('opening-hours');
    const hoursCy = setting('opening-hours-cy') ?? (hours === undefined || hours === ${JSON.stringify(defaultHours)} ? shellWords['layout.opening_hours'] : hours);
    for (const el of mount.querySelectorAll('[data-nhsb-words]')) {
      const cy = shellWords[el.getAttribute('data-nhsb-words')];
      if (cy === undefined) continue;
      if (el.querySelector('a') && el.firstChild && el.lastChild) {
        // "call {phone}.": the words around the phone link, and the opening hours after it.
        const [before, after] = cy.split('{phone}');
        el.firstChild.textContent = before;
        el.lastChild.textContent = ' (' + hoursCy + ')' + after;
      } else {
        el.textContent = cy;
      }
    }
    mount.setAttribute('lang', 'cy');
    if (setting('page-lang') === 'true') {
      document.documentElement.setAttribute('lang', 'cy');
      document.title = shellWords['titles.start_page'].replace('{service}', shellWords['titles.start']);
    }
    // The language link: this page in English (as the app's header link).
    const link = mount.querySelector('.nhsb-header__language');
    if (link) {
      const query = location.search.replace(/^[?]/, '').split('&').filter((p) => p && !p.startsWith('lang='));
      link.href = location.pathname + '?' + [...query, 'lang=en'].join('&') + location.hash;
      link.textContent = 'English';
      link.setAttribute('lang', 'en');
      link.setAttribute('hreflang', 'en');
    }
  };

  const chunkFiles = ${JSON.stringify(chunkFiles)};
  // The chunk of the step in the URL; none for the start page.
  const openingChunk = () => {
    let step;
    if (setting('routing') === 'query') {
      step = new URLSearchParams(location.search).get(setting('query-param') ?? 'booking') ?? '';
    } else {
      const base = (setting('base-path') ?? '/').replace(/[/]+$/, '');
      step = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
    }
    step = step.replace(/^[/]+|[/]+$/g, '');
    // The text message's link to a time held for the patient: the start page with ?offer=.
    if ((step === '' || step === 'held-time') && new URLSearchParams(location.search).has('offer')) return 'journey';
    // The text message's invite: the start page shows it once the API has answered, which the
    // journey's chunk asks (src/state.rs, AppState::restore).
    if ((step === '' || step === 'index.html') && new URLSearchParams(location.search).has('invite')) return 'journey';
    if (step === '' || step === 'index.html') return null;
    // A booking found again and the information pages (src/pages/mod.rs); the rest is booking.
    if (/^manage([/]|$)/.test(step) || step === 'accessibility-statement' || step === 'page-not-found') return 'manage';
    return 'journey';
  };

  // After the next frame has painted: the static page shows first, and the app's download
  // never holds back the first paint. (A hidden tab or frame paints no frames: 100 ms at most.)
  const painted = () => new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });

  if (!window.NHSBooking) {
    Object.defineProperty(window, 'NHSBooking', {
      value: Object.freeze({ version: '${version}' }),
      enumerable: false,
    });
    // The standalone page (not in a frame) keeps its footer below the first screen (CSS).
    if (window.top === window && document.body && document.body.classList.contains('nhsb-body')) {
      document.documentElement.classList.add('nhsb-standalone');
    }
    shellInWelsh().catch(() => {});
    await painted();
    // Fetch the app while the stylesheet loads; start it once styled, so nothing jumps.
    const wasmResponse = fetch(wasmUrl);
    // A page opened at a step after the start page (a reload, a link into the journey) needs
    // that step's chunk at once: fetch it beside the main module, not after the app has
    // started (the app's own fetch of it then comes from the HTTP cache). The step is read
    // from the URL as the app reads it (src/config.rs, domain/src/journey.rs).
    for (const file of chunkFiles[openingChunk()] ?? []) {
      fetch(new URL('./' + file, here)).then((r) => r.arrayBuffer()).catch(() => {});
    }
    await stylesheet();
    await __wbg_init({ module_or_path: wasmResponse });
  }
}
`;
// Minified as it is (no syntax lowered: the browsers that run the wasm run this). The glue's
// object of imports names one module three times (esbuild warns; the meaning is kept).
const minified = transformSync(loader, {
  minify: true,
  format: 'esm',
  legalComments: 'none',
  banner: `/* NHS booking ${version}: written by tools/embed-loader.mjs (EMBEDDING.md) */`,
}).code;
fs.writeFileSync(path.join(dir, 'booking.js'), minified);

// The standalone page loads the app with booking.js (no inline script: a strict CSP).
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
if (/<script\b/.test(html) || /\brel=["']?(?:modulepreload|preload)\b/.test(html)) {
  console.error('embed-loader: index.html already has a script or a preload (Trunk building Rust again?)');
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || '/';
html = html.replace('</head>', `<script type=module src="${base}booking.js"></script>\n</head>`);
fs.unlinkSync(path.join(dir, js));
fs.unlinkSync(path.join(dir, splitFile));

// The stylesheet goes inline in the standalone page, so its first paint waits for no other
// request (Lighthouse LCP). A strict policy allows it by hash: the exact source is written to
// csp-style-src.txt (the demo API adds it; EMBEDDING.md tells hosting teams). booking.js
// still names the file, for host pages and for a policy without the hash.
const cssLink = new RegExp(`<link(?=[^>]*\\bhref=["']?[^"' >]*${css.replace(/[.]/g, '\\.')})[^>]*>`);
if (!cssLink.test(html)) {
  console.error(`embed-loader: no <link> to ${css} in index.html`);
  process.exit(1);
}
const cssText = fs.readFileSync(path.join(dir, css), 'utf8').trim();
if (cssText.includes('</')) {
  console.error(`embed-loader: ${css} contains "</" and cannot go inside <style>`);
  process.exit(1);
}
html = html.replace(cssLink, () => `<style data-nhsb-css>${cssText}</style>`);
const styleHash = crypto.createHash('sha256').update(cssText).digest('base64');
fs.writeFileSync(path.join(dir, 'csp-style-src.txt'), `'sha256-${styleHash}'\n`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle=/.test(html)) {
  console.error('embed-loader: index.html still has an inline script or style attribute');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);
console.log(`embed-loader: wrote booking.js (with ${js}; ${wasm}, ${css}) and updated index.html`);
