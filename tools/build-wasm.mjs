// Trunk post_build hook (before embed-loader.mjs): builds the app's wasm split into chunks.
// Trunk 0.21 has no split step (trunk-rs/trunk#1022), so the Rust build is done here:
//
//   1. cargo builds the app with `--features split` (src/chunks.rs) and `--emit-relocs`, which
//      wasm-split needs to move functions between modules;
//   2. wasm-split-cli (crate wasm_split_cli_support; .ci/install-tools) writes the main module,
//      one `split_<chunk>.wasm` per chunk, `chunk_<n>.wasm` for code two or more chunks share,
//      and `__wasm_split.js`, the loader that fetches a chunk and what it needs;
//   3. wasm-bindgen (`--keep-lld-exports`: the chunks import the main module's table, memory
//      and stack pointer) writes the glue for the main module;
//   4. wasm-opt -Oz (twice) shrinks every module.
//
// Every file is written to Trunk's staging folder under a name with its content hash (cached
// for a year; DEPLOYING.md). The loader's URLs are rewritten to those names and it is written
// as `nhs-booking-split.js`, which embed-loader.mjs puts into booking.js with the glue.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const root = process.cwd();
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) {
  console.error('build-wasm: TRUNK_STAGING_DIR is not set (run as a Trunk hook or pass a folder)');
  process.exit(1);
}
const target = path.join(root, 'target', 'split');
const out = path.join(target, 'out');
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

// 0. Every message of the catalogues (area, key, English, Welsh), natively: embed-loader.mjs
// takes the static shell's Welsh from it and checks the shell's English against it.
fs.mkdirSync(path.join(root, 'target'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'target', 'catalogue.json'),
  execFileSync('cargo', ['run', '-q', '-p', 'nhs-booking', '--example', 'catalogue'], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 }),
);

// 1. Its own target folder: the link flag would otherwise rebuild what `cargo test` built.
// NHSB_FEATURES adds features (`make build-pseudo`: the pseudo-locale, never shipped).
const features = ['split', ...(process.env.NHSB_FEATURES ? [process.env.NHSB_FEATURES] : [])].join(',');
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'nhs-booking', '--features', features], {
  CARGO_TARGET_DIR: target,
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '-Clink-args=--emit-relocs',
});

// 2.
fs.rmSync(out, { recursive: true, force: true });
run('wasm-split-cli', [path.join(target, 'wasm32-unknown-unknown', 'release', 'nhs-booking.wasm'), out, '--out-name', 'nhs-booking']);

// 3.
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', path.join(out, 'bg'), '--out-name', 'nhs-booking', path.join(out, 'nhs-booking.wasm')]);

// 4. Rust 1.82+ targets post-MVP wasm features by default; wasm-opt must be told.
const wasmFeatures = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const optimise = (from) => {
  const to = `${from}.opt`;
  // Twice: the second pass finds more once the first has inlined and merged (measured on the
  // main module: 290.1 -> 289.6 KB raw, 100.1 -> 99.9 KB brotli).
  // NHSB_WASM_NAMES=1 keeps function names (for a CPU profile; never shipped: +30 % bytes).
  run('wasm-opt', ['-Oz', '-Oz', ...(process.env.NHSB_WASM_NAMES ? ['-g'] : []), ...wasmFeatures.map((f) => `--enable-${f}`), from, '-o', to]);
  return fs.readFileSync(to);
};
const write = (name, bytes) => fs.writeFileSync(path.join(staging, name), bytes);

let loader = fs.readFileSync(path.join(out, '__wasm_split.js'), 'utf8');
const modules = fs.readdirSync(out).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
for (const file of modules) {
  const bytes = optimise(path.join(out, file));
  const name = `nhs-booking-${file.replace(/^split_/, '').replace(/_/, '').replace(/\.wasm$/, '')}-${hash(bytes)}.wasm`;
  const url = `"./${file}"`;
  if (!loader.includes(url)) {
    console.error(`build-wasm: __wasm_split.js does not name ${file} (wasm-split-cli changed?)`);
    process.exit(1);
  }
  loader = loader.replaceAll(url, `"./${name}"`);
  write(name, bytes);
}
const [main, glue] = shortImportNames(
  optimise(path.join(out, 'bg', 'nhs-booking_bg.wasm')),
  fs.readFileSync(path.join(out, 'bg', 'nhs-booking.js'), 'utf8'),
);
const mainName = `nhs-booking-${hash(main)}_bg.wasm`;
write(mainName, main);
write(`nhs-booking-${hash(glue)}.js`, glue);
write('nhs-booking-split.js', loader);
console.log(`build-wasm: ${mainName} and ${modules.length} chunk modules`);

/**
 * The main module's imports from the glue get short names ("$a", "$b", … "$aa", …) in the module
 * and in the glue alike. wasm-bindgen names each one after the JS it calls plus a 16-digit hash
 * (`__wbg_instanceof_Error_74e3cca0c4a69161`), written in both files: ~190 of them, 2.9 KB of
 * the main module and ~1 KB of booking.js after brotli, on the first load. (wasm-opt's
 * `--minify-imports` renames every import, the chunk loader's too, and only prints the map;
 * this renames only what the glue defines once, and checks it.)
 */
function shortImportNames(wasm, glue) {
  const glueModule = './nhs-booking_bg.js';
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const encode = (n) => {
    const bytes = [];
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) byte |= 0x80;
      bytes.push(byte);
    } while (n);
    return Buffer.from(bytes);
  };
  const name = () => {
    const length = leb();
    at += length;
    return wasm.subarray(at - length, at).toString('utf8');
  };
  const limits = () => {
    const flags = wasm[at++];
    leb();
    if (flags & 1) leb();
  };
  while (at < wasm.length) {
    const header = at;
    const id = wasm[at++];
    const size = leb();
    const start = at;
    if (id !== 2) {
      at = start + size;
      continue;
    }
    const count = leb();
    const parts = [encode(count)];
    const short = (i) => {
      const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      let s = '';
      do {
        s = letters[i % letters.length] + s;
        i = Math.floor(i / letters.length) - 1;
      } while (i >= 0);
      return s;
    };
    let renamed = 0;
    for (let i = 0; i < count; i++) {
      const module = name();
      let field = name();
      const from = at;
      const kind = wasm[at++];
      if (kind === 0) leb(); // function: its type
      else if (kind === 1) { at++; limits(); } // table: element type, limits
      else if (kind === 2) limits(); // memory
      else if (kind === 3) at += 2; // global: value type, mutability (one byte each for MVP types)
      else if (kind === 4) { at++; leb(); } // tag
      else throw new Error(`build-wasm: import kind ${kind} not known`);
      const desc = wasm.subarray(from, at);
      // Only a name the glue defines exactly once, as a key of its imports object.
      const once = () => (glue.match(new RegExp(`\\b${field}\\b`, 'g')) || []).length === 1;
      if (module === glueModule && /^__wbg\w*$/.test(field) && once() && glue.includes(`${field}: `)) {
        const to = `$${short(renamed++)}`;
        if (glue.includes(`${to}:`)) throw new Error(`build-wasm: the glue already has a key ${to}`);
        glue = glue.replace(`${field}: `, `${to}: `);
        field = to;
      }
      const m = Buffer.from(module);
      const f = Buffer.from(field);
      parts.push(encode(m.length), m, encode(f.length), f, desc);
    }
    if (at !== start + size) throw new Error('build-wasm: the import section was not read to its end');
    const body = Buffer.concat(parts);
    console.log(`build-wasm: ${renamed} of ${count} imports named short (${size} -> ${body.length} B)`);
    return [Buffer.concat([wasm.subarray(0, header), Buffer.from([2]), encode(body.length), body, wasm.subarray(start + size)]), glue];
  }
  throw new Error('build-wasm: the main module has no import section');
}
