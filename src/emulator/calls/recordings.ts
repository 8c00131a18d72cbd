/**
 * screenrecordingpubliclink, screenrecordingthumbnail, screenrecordingimage: temporary links to media the emulator
 * serves.
 */
import type { RecordingRequest } from '../../api/types.js';
import { hex, type MediaLink } from '../state.js';
import { ApiFailure, ownRoom, type CallContext, type CallHandler } from './context.js';

/** The stand-in recording's own size: what a screenshot is before resizing. */
export const SCREEN = { width: 1280, height: 720 };
export const THUMBNAIL = { width: 320, height: 180 };

function link(ctx: CallContext<RecordingRequest>, kind: MediaLink['kind'], size: { width: number; height: number }) {
  const room = ownRoom(ctx);
  const recording = ctx.body.recording ?? 0;
  if (recording >= room.recordings.length) {
    const has = room.recordings.length;
    throw new ApiFailure(109, `Room ${room.room} has no recording ${recording} (it has ${has}).`);
  }
  const validfor = ctx.body.validfor ?? 60;
  const id = hex(16).toLowerCase();
  ctx.state.media.set(id, { kind, room, recording, ...size, expiresAt: ctx.state.now() + validfor * 60_000 });
  return { link: ctx.mediaLink(id) };
}

export const screenrecordingpubliclink: CallHandler<'screenrecordingpubliclink'> = (ctx) => link(ctx, 'video', SCREEN);
export const screenrecordingthumbnail: CallHandler<'screenrecordingthumbnail'> = (ctx) =>
  link(ctx, 'thumbnail', THUMBNAIL);
export const screenrecordingimage: CallHandler<'screenrecordingimage'> = (ctx) => {
  const { width, height } = ctx.body;
  const size =
    width !== undefined && height !== undefined
      ? { width, height }
      : width !== undefined
        ? { width, height: Math.max(1, Math.round((width * SCREEN.height) / SCREEN.width)) }
        : height !== undefined
          ? { width: Math.max(1, Math.round((height * SCREEN.width) / SCREEN.height)), height }
          : SCREEN;
  return link(ctx, 'image', size);
};
