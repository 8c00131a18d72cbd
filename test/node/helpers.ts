/** Helpers for Node tests that talk HTTP to a real emulator. */
import { after, before } from 'node:test';
import { signJwt, claimsFor } from '../../src/api/jwt.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import type { JsonBody } from '../helpers/json.js';

/** Starts an emulator for the enclosing suite and closes it after. */
export function useEmulator(options: EmulatorOptions = {}): { readonly emu: RunningEmulator } {
  const holder = {} as { emu: RunningEmulator };
  before(async () => {
    holder.emu = await startEmulator({ testMode: true, ...options });
  });
  after(async () => {
    await holder.emu?.close();
  });
  return holder;
}

export const noneToken = (key = 'demo-key', nowMs?: number) => signJwt('none', claimsFor(key, nowMs));
export const hsToken = (key = 'server-key', secret = 'server-secret', nowMs?: number) =>
  signJwt('HS256', claimsFor(key, nowMs), secret);

export interface Answer {
  status: number;
  headers: Headers;
  body: JsonBody;
  text: string;
}

/** POSTs a raw API call; `token` null sends no Authorization header. */
export async function post(
  emu: RunningEmulator,
  call: string,
  body?: unknown,
  token?: string | null,
  init: RequestInit = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(init.headers as Record<string, string>),
  };
  const bearer = token === undefined ? await noneToken() : token;
  if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
  const res = await fetch(`${emu.apiBase}/${call}`, {
    method: 'POST',
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
    headers,
  });
  const text = await res.text();
  let parsed: JsonBody = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

export async function control(emu: RunningEmulator, path: string, body?: unknown, method = 'POST') {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

/** Opens an invitation link as a visitor would; returns status and page text. */
export async function visit(link: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(link);
  return { status: res.status, html: await res.text(), headers: res.headers };
}

export const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
