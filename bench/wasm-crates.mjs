// Which crate costs what: reads a wasm module that still has its `name` section (cargo's
// output, before wasm-bindgen and wasm-opt) and adds up the size of every function body by the
// crate its (demangled) name starts with. The code is written here rather than calling
// `twiggy` so that `make bench` needs no extra tool; it reads only the three sections it needs.
//
//   node bench/wasm-crates.mjs [file.wasm]                 prints the table
//   node bench/wasm-crates.mjs --list GROUP [file.wasm]    and that group's functions, biggest first
//   import { crateSizes } from './wasm-crates.mjs'
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function leb(buf, pos) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

/// Rust's legacy symbol mangling (`_ZN…17h<hash>E`) to a readable path (`a::b::c`).
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let j = i;
    while (/[0-9]/.test(name[j])) j++;
    const len = Number(name.slice(i, j));
    if (!len) break;
    parts.push(name.slice(j, j + len));
    i = j + len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*').replace(/\$C\$/g, ',')
    .replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']')
    .replace(/\$u27\$/g, "'").replace(/\$u3b\$/g, ';').replace(/\$u2b\$/g, '+').replace(/\$u22\$/g, '"')
    .replace(/\.\./g, '::').replace(/^_</, '<');
}

/// The group a function is counted in: serde's derived impls separately (they are generated
/// into the crate that derives them), then the first crate named in the path.
export function groupOf(name) {
  if (name.startsWith('__wbindgen_describe')) return null; // removed by wasm-bindgen
  if (name.startsWith('_R')) {
    // v0 mangling (the standard library is built with it): the first crate root named.
    const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (!m) return '(unnamed / compiler)';
    const crate = name.substr(m.index + m[0].length, Number(m[1]));
    return crate === 'serde_core' ? 'serde' : crate;
  }
  if (/impl serde(_core)?::de::Deserialize(<'de>)? for|serde(_core)?::de::Visitor(<'de>)? for|__FieldVisitor|__Visitor/.test(name)) return 'serde derive: Deserialize';
  if (/impl serde(_core)?::ser::Serialize for/.test(name)) return 'serde derive: Serialize';
  const m = name.match(/([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  if (!m) return '(unnamed / compiler)';
  const c = m[1];
  return c === 'serde_core' ? 'serde' : c;
}

export function crateSizes(file, { list } = {}) {
  const buf = fs.readFileSync(file);
  let pos = 8, importedFuncs = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (pos < buf.length) {
    const id = buf[pos++];
    let size;
    [size, pos] = leb(buf, pos);
    const end = pos + size;
    if (id === 2) {
      let p = pos, n;
      [n, p] = leb(buf, p);
      for (let k = 0; k < n; k++) {
        let len;
        [len, p] = leb(buf, p); p += len; // module
        [len, p] = leb(buf, p); p += len; // field
        const kind = buf[p++];
        if (kind === 0) { [, p] = leb(buf, p); importedFuncs++; }
        else if (kind === 1) { p++; const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 2) { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p += 1; [, p] = leb(buf, p); }
      }
    } else if (id === 10) {
      let p = pos, n;
      [n, p] = leb(buf, p);
      for (let k = 0; k < n; k++) {
        let len;
        const start = p;
        [len, p] = leb(buf, p);
        bodies.push(p + len - start);
        p += len;
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      let p = pos, len;
      [len, p] = leb(buf, p);
      const section = buf.subarray(p, p + len).toString();
      p += len;
      if (section === 'name') {
        while (p < end) {
          const sub = buf[p++];
          let subSize;
          [subSize, p] = leb(buf, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let q = p, n;
            [n, q] = leb(buf, q);
            for (let k = 0; k < n; k++) {
              let idx, l;
              [idx, q] = leb(buf, q);
              [l, q] = leb(buf, q);
              names.set(idx, buf.subarray(q, q + l).toString());
              q += l;
            }
          }
          p = subEnd;
        }
      }
    }
    pos = end;
  }
  const groups = new Map();
  const listed = [];
  let code = 0;
  bodies.forEach((bytes, k) => {
    const raw = names.get(importedFuncs + k) ?? '';
    const g = groupOf(demangle(raw));
    if (g === null) return;
    if (g === list) listed.push({ bytes, name: demangle(raw) });
    const entry = groups.get(g) ?? { group: g, bytes: 0, functions: 0 };
    entry.bytes += bytes;
    entry.functions += 1;
    groups.set(g, entry);
    code += bytes;
  });
  return {
    code,
    data,
    functions: bodies.length,
    named: names.size,
    groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes),
    listed: listed.sort((a, b) => b.bytes - a.bytes),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  const at = args.indexOf('--list');
  const list = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const file = args[0] ?? path.join(here, '../target/wasm32-unknown-unknown/release/nhs-booking.wasm');
  const r = crateSizes(file, { list });
  console.log(`code ${(r.code / 1000).toFixed(1)} KB in ${r.functions} functions (${r.named} named), data ${(r.data / 1000).toFixed(1)} KB`);
  for (const g of r.groups) {
    console.log(`${g.group.padEnd(28)} ${(g.bytes / 1000).toFixed(1).padStart(7)} KB ${(100 * g.bytes / r.code).toFixed(1).padStart(5)} % ${String(g.functions).padStart(6)}`);
  }
  for (const f of r.listed) console.log(`${String(f.bytes).padStart(7)}  ${f.name}`);
}
