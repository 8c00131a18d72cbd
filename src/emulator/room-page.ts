/**
 * The stand-in for the realtime room page that invitation links open. It records
 * who joined (and left) for analytics and enforces limited-use invitations.
 */
import type { EmulatorState, Room, User } from './state.js';

export const ROOM_CSS = `
:root { color-scheme: light; font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f6fb; color: #1d2433; }
main {
  max-width: 32rem; margin: 1.5rem; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 2px 12px #0002;
}
h1 { margin: 0 0 .5rem; font-size: 1.4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { color: #566; } dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.badge {
  display: inline-block; padding: .1rem .6rem; border-radius: 99px;
  background: #e1e9ff; color: #0b3fb3; font-size: .85rem;
}
.badge.leader { background: #0b5fff; color: #fff; }
.error h1 { color: #a3152b; }
button {
  font: inherit; padding: .5rem 1rem; border-radius: 8px; border: 1px solid #99a; background: #fff; cursor: pointer;
}
button:focus-visible { outline: 3px solid #0b5fff; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
button.end { border-color: #a3152b; color: #a3152b; }
small { color: #566; }
`;

/** Tells the emulator when the visitor leaves, so analytics get a `leftat`. */
export const ROOM_JS = `
const main = document.querySelector('main[data-leave]');
if (main) {
  addEventListener('pagehide', () =>
    navigator.sendBeacon(main.dataset.leave, new URLSearchParams({ guid: main.dataset.guid })));
}
`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string, className = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/realtime/__room.css">
<script type="module" src="/realtime/__room.js"></script></head>
<body><main class="${className}" ${body}</main></body></html>`;
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    `data-error="${escapeHtml(title)}" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p><small>SameSurf emulator</small></p>`,
    'error',
  );
}

export interface Entry {
  status: number;
  html: string;
}

/** Opens an invitation link: joins the room, or explains why not. */
export function enterRoom(
  state: EmulatorState,
  number: string,
  token: string,
  ip: string,
  nameParam: string | null,
): Entry {
  const room = state.findRoom(number);
  if (!room) return { status: 404, html: errorPage('No such room', `Room ${number} does not exist.`) };
  if (room.endedAt !== undefined)
    return { status: 410, html: errorPage('This room has ended', `Room ${number} has ended.`) };

  let host: boolean;
  let name: string | undefined;
  if (token === room.leadertoken) host = true;
  else if (token === room.token) host = false;
  else {
    const limited = state.limitedTokens.get(token);
    if (!limited || limited.room !== room) {
      return { status: 404, html: errorPage('Invalid invitation', 'This invitation link is not valid for this room.') };
    }
    if (limited.deleted) {
      return {
        status: 410,
        html: errorPage('Invitation withdrawn', 'This invitation has been deleted and no longer works.'),
      };
    }
    if (limited.uses >= limited.usagelimit) {
      const times = limited.usagelimit === 1 ? 'once' : `${limited.usagelimit} times`;
      return {
        status: 410,
        html: errorPage('Invitation used up', `This invitation could be used ${times} and has been.`),
      };
    }
    limited.uses++;
    host = limited.isleader && room.users.length === 0;
    name = limited.usersname;
  }
  const guests = room.users.filter((u) => !u.host).length;
  const user = state.join(room, host, name ?? nameParam ?? (host ? 'Host' : `Guest ${guests + 1}`), ip);
  return { status: 200, html: roomHtml(room, user, token) };
}

function roomHtml(room: Room, user: User, token: string): string {
  const role = user.host ? 'leader' : 'follower';
  const leave = `/realtime/${room.room}/${token}/leave`;
  const rows: [string, string][] = [
    ['Room', room.room],
    ['Title', room.title ?? '(none)'],
    ['Start page', room.starturl ?? '(default)'],
    ['Your name', user.name],
  ];
  const dl = rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return page(
    `Room ${room.room}`,
    `data-room="${room.room}" data-role="${role}" data-user="${escapeHtml(user.name)}" data-guid="${user.guid}"
  data-leave="${leave}">
<h1>Co-browsing room ${room.room}</h1>
<p><span class="badge ${role}">${user.host ? 'Leader (host)' : 'Follower'}</span></p>
<dl>${dl}</dl>
<div class="actions"><form method="post" action="${leave}"><input type="hidden" name="guid"
  value="${user.guid}"><button>Leave room</button></form>${user.host ? endForm(room, user, token) : ''}</div>
<p><small>SameSurf emulator: a stand-in for the realtime room page.</small></p>`,
  );
}

/** The leader's "End session": everyone leaves and the room ends, as the real room's leader can do. */
function endForm(room: Room, user: User, token: string): string {
  return `<form method="post" action="/realtime/${room.room}/${token}/end"><input type="hidden" name="guid"
  value="${user.guid}"><button class="end">End session for everyone</button></form>`;
}

/**
 * Ends the room for everyone, asked by its leader (who is in the room); its recordings are stored as the room's
 * features allow (one, unless screen recording is disabled).
 */
export function endRoomAsLeader(state: EmulatorState, number: string, guid: string): Entry {
  const room = state.findRoom(number);
  const user = room?.users.find((u) => u.guid === guid && u.leftAt === undefined);
  if (!room || !user)
    return { status: 404, html: errorPage('Not in this room', 'There is no such visitor in this room.') };
  if (!user.host)
    return {
      status: 403,
      html: errorPage('Only the leader can end it', "Only the room's leader can end the session."),
    };
  state.endRoom(room, room.disabledfeatures.includes('TOOLS_SCREEN_RECORDING') ? 0 : 1);
  return {
    status: 200,
    html: page('Session ended', `data-ended="${room.room}"><h1>You ended room ${room.room}</h1>`),
  };
}

/** Records that the user with `guid` left. */
export function leaveRoom(state: EmulatorState, number: string, guid: string): Entry {
  const room = state.findRoom(number);
  const user = room?.users.find((u) => u.guid === guid);
  if (!room || !user)
    return { status: 404, html: errorPage('Not in this room', 'There is no such visitor in this room.') };
  state.leave(room, user);
  return {
    status: 200,
    html: page('You left the room', `data-left="${room.room}"><h1>You left room ${room.room}</h1>`),
  };
}
