/** `samesurf-emulator` / `npm run emulator -- --port 8787`: the API v3 emulator from the command line. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDuration } from './duration.js';
import { isOrigin } from './options.js';
import { SeedError } from './seed.js';
import { startEmulator, type EmulatorOptions } from './server.js';
import type { ApiKey } from './state.js';

const USAGE = `Usage: samesurf-emulator [options]
  --port N              port to listen on (default 8787; 0 = any free port)
  --host HOST           interface (default 127.0.0.1)
  --keys FILE           JSON array of extra keys: [{"apikey","apisecret","allowNone"?,"reseller"?,"subscription"?}]
  --seed FILE           JSON array of rooms to create at start (see README)
  --allowed-origins L   * (any origin, the default) or comma-separated origins allowed by CORS
  --realtime-origin O   origin of invitation links (default: the emulator's own)
  --iat-skew D          how far a token's iat may be off, and the tolerance on exp/nbf:
                        300 (seconds), 300s, 5m, 1h or 1500ms (default 5m)
  --test-mode           turn on the /__emulator/ control endpoints (faults, end room, reset, clock)
  --control-origins L   comma-separated page origins that may call the control endpoints from a
                        browser, e.g. http://localhost:8000 (default: none; Node and curl always may)
  --help`;

function fail(message: string): never {
  console.error(`samesurf-emulator: ${message}\n${USAGE}`);
  process.exit(2);
}

function readJsonFile(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`cannot read ${what} from ${file}: ${(err as Error).message}`);
  }
}

function parseKeys(value: unknown): ApiKey[] {
  if (!Array.isArray(value)) fail('--keys must hold a JSON array');
  return value.map((k: Record<string, unknown>, i) => {
    if (typeof k?.apikey !== 'string' || typeof k?.apisecret !== 'string')
      fail(`key ${i} needs "apikey" and "apisecret" strings`);
    return {
      apikey: k.apikey,
      apisecret: k.apisecret,
      allowNone: k.allowNone === true,
      reseller: k.reseller === true,
      subscription: typeof k.subscription === 'string' ? k.subscription : `sub-${k.apikey}`,
    };
  });
}

/**
 * A comma-separated list of exact origins, as a browser sends them in `Origin`; with `star`, `*`
 * alone means any origin.
 */
function originList(flag: string, text: string, star: boolean): '*' | string[] {
  const list = text.split(',').map((s) => s.trim());
  if (star && list.length === 1 && list[0] === '*') return '*';
  const wrong = list.find((o) => !isOrigin(o));
  if (wrong !== undefined) {
    const takes = star
      ? '* (any origin) or origins such as https://shop.example'
      : 'origins such as http://localhost:8000';
    fail(`${flag} takes ${takes}, not ${JSON.stringify(wrong)}${wrong === '*' ? ' (* stands alone)' : ''}`);
  }
  return list;
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string' },
      keys: { type: 'string' },
      seed: { type: 'string' },
      'allowed-origins': { type: 'string' },
      'realtime-origin': { type: 'string' },
      'iat-skew': { type: 'string' },
      'test-mode': { type: 'boolean', default: false },
      'control-origins': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  fail((err as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
// Decimal digits only: Number() would also read '' as 0 (any port), 0x1F90 as 8080 and 1e3 as 1000.
const port = /^\d{1,5}$/.test(args.port) ? Number(args.port) : NaN;
if (!(port <= 65535)) fail(`--port must be 0 to 65535, in decimal digits, not ${JSON.stringify(args.port)}`);
const options: EmulatorOptions = { port, host: args.host, testMode: args['test-mode'] };
if (args.keys) options.keys = parseKeys(readJsonFile(args.keys, 'keys'));
if (args.seed !== undefined) {
  const seed = readJsonFile(args.seed, 'seed rooms');
  if (!Array.isArray(seed)) fail(`--seed ${args.seed} must hold a JSON array of rooms`);
  options.seed = seed;
}
if (args['allowed-origins'] !== undefined)
  options.allowedOrigins = originList('--allowed-origins', args['allowed-origins'], true);
if (args['realtime-origin']) options.realtimeOrigin = args['realtime-origin'];
if (args['control-origins'] !== undefined)
  options.controlOrigins = originList('--control-origins', args['control-origins'], false) as string[];
if (args['iat-skew'] !== undefined) {
  const skew = parseDuration(args['iat-skew']);
  if (skew === undefined)
    fail(`--iat-skew must be a duration such as 300, 300s, 5m, 1h or 1500ms, not ${JSON.stringify(args['iat-skew'])}`);
  options.iatSkewSeconds = skew;
}

try {
  const emulator = await startEmulator(options);
  console.log(`SameSurf emulator listening on ${emulator.url}`);
  const stop = () => emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  // startEmulator checks the seed rooms (their fields, then their subscriptions and numbers): name the file's entry.
  if (err instanceof SeedError)
    fail(`--seed ${args.seed}: entry ${err.entry + 1} of ${options.seed!.length}: ${err.problem}`);
  fail((err as Error).message);
}
