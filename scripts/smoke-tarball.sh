#!/usr/bin/env bash
# Packs the package, installs the tarball into an empty project and streams a completion from
# the loopback server through both the ESM (`import`) and CommonJS (`require`) builds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball" rxjs@^7.8 >/dev/null

cat > esm.mjs <<'JS'
import { Aivvm, decodeText } from 'rx-completions';
import { startLoopbackServer } from 'rx-completions/testing';
import { lastValueFrom, toArray } from 'rxjs';

const server = await startLoopbackServer({ delayMs: 0 });
const chunks = await lastValueFrom(
  Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hello from ESM' }], true, { baseURL: server.url }).pipe(toArray()),
);
await server.close();
if (typeof decodeText !== 'function' || chunks.length < 2 || !chunks.join('').includes('Hello from ESM')) {
  throw new Error(`ESM build: unexpected reply ${JSON.stringify(chunks)}`);
}
console.log(`esm: ${chunks.length} chunks`);
JS

cat > cjs.cjs <<'JS'
const { Aivvm } = require('rx-completions');
const { startLoopbackServer } = require('rx-completions/testing');
const { lastValueFrom } = require('rxjs');

(async () => {
  const server = await startLoopbackServer({ delayMs: 0 });
  const reply = await lastValueFrom(
    Aivvm.createCompletion('gpt-4', [{ role: 'user', content: 'Hello from CJS' }], false, { baseURL: server.url }),
  );
  await server.close();
  if (!reply.includes('Hello from CJS')) throw new Error(`CJS build: unexpected reply ${reply}`);
  console.log(`cjs: ${reply.length} characters`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
JS

node esm.mjs
node cjs.cjs
