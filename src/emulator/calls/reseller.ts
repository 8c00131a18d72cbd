/** reseller/createsubscription, reseller/deletesubscription, reseller/createapikey. */
import type { Bookmark, ConfigurationOverride } from '../../api/types.js';
import { hex, type Subscription } from '../state.js';
import { ApiFailure, type CallContext, type CallHandler } from './context.js';

function requireReseller(ctx: CallContext): void {
  if (!ctx.key.reseller) throw new ApiFailure(116, 'This call can only be made with a reseller subscription\'s API key.');
}

/** A subscription this reseller created, or 118/117. */
function ownSubscription(ctx: CallContext, name: string): Subscription {
  const sub = ctx.state.subscriptions.get(name);
  if (!sub) throw new ApiFailure(118, `There is no subscription named ${JSON.stringify(name)}.`);
  if (sub.owner !== ctx.key.subscription) {
    throw new ApiFailure(117, `The subscription ${JSON.stringify(name)} does not belong to this reseller.`);
  }
  return sub;
}

export const createsubscription: CallHandler = (ctx) => {
  requireReseller(ctx);
  const name = (ctx.body.name as string).trim();
  if (ctx.state.subscriptions.has(name)) throw new ApiFailure(114, `A subscription named ${JSON.stringify(name)} already exists.`);
  ctx.state.addSubscription({
    name,
    licensecount: ctx.body.licensecount as number,
    owner: ctx.key.subscription,
    configuration_overrides: (ctx.body.configuration_overrides as ConfigurationOverride[] | undefined) ?? [],
    bookmarks: (ctx.body.bookmarks as Bookmark[] | undefined) ?? [],
    disabledfeatures: (ctx.body.disabledfeatures as string[] | undefined) ?? [],
  });
  return {};
};

export const deletesubscription: CallHandler = (ctx) => {
  requireReseller(ctx);
  const sub = ownSubscription(ctx, (ctx.body.name as string).trim());
  ctx.state.deleteSubscription(sub.name);
  return {};
};

export const createapikey: CallHandler = (ctx) => {
  requireReseller(ctx);
  const sub = ownSubscription(ctx, (ctx.body.subscription as string).trim());
  const apikey = hex(16).toLowerCase();
  const apisecret = hex(32).toLowerCase();
  ctx.state.addKey({ apikey, apisecret, allowNone: false, reseller: false, subscription: sub.name });
  return { apikey, apisecret };
};
