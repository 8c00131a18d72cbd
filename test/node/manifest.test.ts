import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

interface Named {
  name: string;
  description?: string;
}

describe('custom-elements.json from the JSDoc', () => {
  it('documents every attribute, property, method, event, slot, part and custom property', () => {
    const out = mkdtempSync(join(tmpdir(), 'cem-'));
    execFileSync(
      process.execPath,
      ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', relative(process.cwd(), out)],
      { stdio: 'pipe' },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    const el = manifest.modules
      .flatMap((m: { declarations?: unknown[] }) => m.declarations ?? [])
      .find((d: { tagName?: string }) => d.tagName === 'samesurf-launcher');
    assert.ok(el, 'the element is in the manifest');
    const names = (list: Named[] = []) => list.map((x) => x.name);
    const undocumented = (list: Named[] = []) => list.filter((x) => !x.description?.trim()).map((x) => x.name);

    const attributes = [
      'api-key',
      'start-url',
      'mode',
      'room',
      'usage-limit',
      'leader',
      'user-name',
      'room-title',
      'disabled-features',
      'bookmarks',
      'api-base',
      'token-url',
      'realtime-origin',
      'open',
      'timeout',
      'theme',
      'debug',
      'state',
    ];
    assert.deepEqual(names(el.attributes).sort(), attributes.sort());
    assert.deepEqual(names(el.events).sort(), [
      'samesurf-after-hide',
      'samesurf-after-show',
      'samesurf-before-create',
      'samesurf-created',
      'samesurf-error',
      'samesurf-hide',
      'samesurf-leave',
      'samesurf-show',
    ]);
    assert.deepEqual(names(el.slots).sort(), ['', 'dialog-title', 'footer', 'icon']);
    for (const part of [
      'button',
      'spinner',
      'live-dot',
      'status',
      'dialog',
      'header',
      'title',
      'share-button',
      'fullscreen-button',
      'tab-button',
      'minimise-button',
      'leave-button',
      'stage',
      'frame',
      'loading',
      'frame-error',
      'confirm',
      'share',
      'copy-button',
      'error',
    ]) {
      assert.ok(names(el.cssParts).includes(part), `part ${part}`);
    }
    for (const prop of [
      'accent',
      'text',
      'background',
      'radius',
      'button-radius',
      'dialog-radius',
      'font',
      'dialog-width',
      'dialog-height',
      'backdrop',
    ]) {
      assert.ok(names(el.cssProperties).includes(`--samesurf-${prop}`), `--samesurf-${prop}`);
    }
    const publicMembers = (el.members as (Named & { privacy?: string })[]).filter(
      (m) => (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#'),
    );
    for (const method of ['launch', 'show', 'hide', 'leave', 'reset'])
      assert.ok(names(publicMembers).includes(method), method);
    for (const kind of [el.attributes, el.events, el.slots, el.cssParts, el.cssProperties, publicMembers]) {
      assert.deepEqual(undocumented(kind), [], 'every entry has a description');
    }
  });
});
