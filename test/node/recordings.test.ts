import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { control, noneToken, post, useEmulator } from './helpers.js';

/** Width and height from a PNG's IHDR. */
function pngSize(buf: Buffer) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

async function fetchBytes(link: string) {
  const res = await fetch(link);
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('emulator: screen recordings', () => {
  const ctx = useEmulator({ seed: [{ room: '555000111', title: 'Seeded', recordings: 3 }] });

  it('stores recordings when a room is ended and serves a real video, thumbnail and resized screenshot', async () => {
    const { body: room } = await post(ctx.emu, 'create', {});
    assert.equal((await post(ctx.emu, 'screenrecordingpubliclink', { room: room.room })).body.errorcode, 109);
    await control(ctx.emu, `rooms/${room.room}/end`);

    const video = await post(ctx.emu, 'screenrecordingpubliclink', { room: room.room });
    assert.equal(video.status, 200, video.text);
    const v = await fetchBytes(video.body.link);
    assert.equal(v.status, 200);
    assert.equal(v.type, 'video/webm');
    assert.deepEqual([...v.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'EBML (WebM) header');

    const thumb = await fetchBytes((await post(ctx.emu, 'screenrecordingthumbnail', { room: room.room })).body.link);
    assert.equal(thumb.type, 'image/png');
    assert.deepEqual(pngSize(thumb.bytes), { width: 320, height: 180 });

    const full = await fetchBytes((await post(ctx.emu, 'screenrecordingimage', { room: room.room })).body.link);
    assert.deepEqual(pngSize(full.bytes), { width: 1280, height: 720 });
    const byWidth = await fetchBytes(
      (await post(ctx.emu, 'screenrecordingimage', { room: room.room, width: 400 })).body.link,
    );
    assert.deepEqual(pngSize(byWidth.bytes), { width: 400, height: 225 }, 'height scales to match');
    const both = await fetchBytes(
      (await post(ctx.emu, 'screenrecordingimage', { room: room.room, width: 200, height: 300 })).body.link,
    );
    assert.deepEqual(pngSize(both.bytes), { width: 200, height: 300 });
  });

  it('seeds recordings by configuration and picks them by index', async () => {
    assert.equal((await post(ctx.emu, 'screenrecordingthumbnail', { room: '555000111', recording: 2 })).status, 200);
    const missing = await post(ctx.emu, 'screenrecordingthumbnail', { room: '555000111', recording: 3 });
    assert.equal(missing.body.errorcode, 109);
    assert.match(missing.body.error, /has 3/);
  });

  it('expires links after validfor minutes', async () => {
    const { body } = await post(ctx.emu, 'screenrecordingpubliclink', { room: '555000111', validfor: 2 });
    assert.equal((await fetchBytes(body.link)).status, 200);
    await control(ctx.emu, 'clock', { advanceMs: 60_000 });
    assert.equal((await fetchBytes(body.link)).status, 200);
    await control(ctx.emu, 'clock', { advanceMs: 61_000 });
    assert.equal((await fetchBytes(body.link)).status, 410);
    await control(ctx.emu, 'clock', { advanceMs: -121_000 });
    assert.equal((await fetchBytes(`${ctx.emu.url}/__media/nope`)).status, 404);
  });

  it('refuses impossible sizes (111) and rooms of other subscriptions (102)', async () => {
    assert.equal((await post(ctx.emu, 'screenrecordingimage', { room: '555000111', width: 0 })).body.errorcode, 111);
    assert.equal(
      (await post(ctx.emu, 'screenrecordingimage', { room: '555000111', height: 100000 })).body.errorcode,
      111,
    );
    const { body: key } = await control(ctx.emu, 'keys', {});
    const other = await post(ctx.emu, 'screenrecordingpubliclink', { room: '555000111' }, await noneToken(key.apikey));
    assert.equal(other.body.errorcode, 102);
  });
});
