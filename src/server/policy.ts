/**
 * What a site allows the browser to ask for, per call. Rules:
 * - `create`: `starturl` (forced value), `starturlPrefix` (string or list: the request's start URL must begin with
 *   one; a missing one becomes the first), `disabledfeatures` (always added), `title` (forced), `stripLeader`
 *   (the answer loses `leadertoken` and `privateinvitation`: the visitor can only join as a follower).
 * - `createlimitedusetoken`: `room` (forced), `maxUsageLimit` (a request above it is refused), `allowLeader`
 *   (false forces `isleader: false`).
 * - `find`: `stripLeader`.
 */
import type { CallName, DisabledFeature } from '../api/types.js';

export interface CreatePolicy {
  starturl?: string;
  starturlPrefix?: string | string[];
  disabledfeatures?: DisabledFeature[];
  title?: string;
  stripLeader?: boolean;
}

export interface InvitationPolicy {
  room?: string;
  maxUsageLimit?: number;
  allowLeader?: boolean;
}

export interface Policy {
  create?: CreatePolicy;
  createlimitedusetoken?: InvitationPolicy;
  find?: { stripLeader?: boolean };
}

type Body = Record<string, unknown>;

/** The request as the site allows it, or the reason it is refused. */
export function applyRequestPolicy(call: CallName, body: Body, policy: Policy): { body: Body } | { refused: string } {
  const out: Body = { ...body };
  if (call === 'create' && policy.create) {
    const p = policy.create;
    if (p.starturl !== undefined) out.starturl = p.starturl;
    if (p.starturlPrefix !== undefined) {
      const prefixes = ([] as string[]).concat(p.starturlPrefix);
      if (out.starturl === undefined) out.starturl = prefixes[0];
      else if (typeof out.starturl !== 'string' || !prefixes.some((prefix) => (out.starturl as string).startsWith(prefix))) {
        return { refused: `starturl must begin with ${prefixes.join(' or ')} on this site.` };
      }
    }
    if (p.disabledfeatures?.length) {
      const asked = Array.isArray(out.disabledfeatures) ? (out.disabledfeatures as string[]) : [];
      out.disabledfeatures = [...new Set([...asked, ...p.disabledfeatures])];
    }
    if (p.title !== undefined) out.title = p.title;
  }
  if (call === 'createlimitedusetoken' && policy.createlimitedusetoken) {
    const p = policy.createlimitedusetoken;
    if (p.room !== undefined) out.room = p.room;
    if (p.maxUsageLimit !== undefined && typeof out.usagelimit === 'number' && out.usagelimit > p.maxUsageLimit) {
      return { refused: `usagelimit may be at most ${p.maxUsageLimit} on this site.` };
    }
    if (p.allowLeader === false) out.isleader = false;
  }
  return { body: out };
}

/** The API's answer with what the site keeps from the browser taken out. */
export function applyResponsePolicy(call: CallName, answer: Body, policy: Policy): Body {
  const strip = (call === 'create' && policy.create?.stripLeader) || (call === 'find' && policy.find?.stripLeader);
  if (!strip) return answer;
  const { leadertoken: _t, privateinvitation: _p, ...rest } = answer;
  return rest;
}
