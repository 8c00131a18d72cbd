/** reseller/createsubscription, reseller/deletesubscription, reseller/createapikey. */
import { hex, type Subscription } from '../state.js';
import { ApiFailure, type CallContext, type CallHandler } from './context.js';

function requireReseller(ctx: CallContext<unknown>): void {
  if (!ctx.key.reseller)
    throw new ApiFailure(116, "This call can only be made with a reseller subscription's API key.");
}

/** A subscription this reseller created, or 118/117. */
function ownSubscription(ctx: CallContext<unknown>, name: string): Subscription {
  const sub = ctx.state.subscriptions.get(name);
  if (!sub) throw new ApiFailure(118, `There is no subscription named ${JSON.stringify(name)}.`);
  if (sub.owner !== ctx.key.subscription) {
    throw new ApiFailure(117, `The subscription ${JSON.stringify(name)} does not belong to this reseller.`);
  }
  return sub;
}

export const createsubscription: CallHandler<'reseller/createsubscription'> = (ctx) => {
  requireReseller(ctx);
  const name = ctx.body.name.trim();
  if (ctx.state.subscriptions.has(name))
    throw new ApiFailure(114, `A subscription named ${JSON.stringify(name)} already exists.`);
  ctx.state.addSubscription({
    name,
    licensecount: ctx.body.licensecount,
    owner: ctx.key.subscription,
    configuration_overrides: ctx.body.configuration_overrides ?? [],
    bookmarks: ctx.body.bookmarks ?? [],
    disabledfeatures: ctx.body.disabledfeatures ?? [],
  });
  return {};
};

export const deletesubscription: CallHandler<'reseller/deletesubscription'> = (ctx) => {
  requireReseller(ctx);
  const sub = ownSubscription(ctx, ctx.body.name.trim());
  ctx.state.deleteSubscription(sub.name);
  return {};
};

export const createapikey: CallHandler<'reseller/createapikey'> = (ctx) => {
  requireReseller(ctx);
  const sub = ownSubscription(ctx, ctx.body.subscription.trim());
  const apikey = hex(16).toLowerCase();
  const apisecret = hex(32).toLowerCase();
  ctx.state.addKey({ apikey, apisecret, allowNone: false, reseller: false, subscription: sub.name });
  return { apikey, apisecret };
};
