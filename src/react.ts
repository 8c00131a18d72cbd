/**
 * `samesurf-launcher/react`: <samesurf-launcher> as a React component (React 17, 18 and 19).
 *
 * Properties are set on the element (camelCase: `apiKey`, `startUrl`, `strings`…), events arrive through typed
 * `onSamesurf*` props attached with `addEventListener`, so they also fire on server-rendered, hydrated markup.
 * Importing it registers the element; on a server (no DOM) importing and rendering it is harmless.
 *
 * ```tsx
 * import { SameSurfLauncher } from 'samesurf-launcher/react';
 * <SameSurfLauncher apiBase="/samesurf" startUrl={url} onSamesurfCreated={(e) => console.log(e.detail.mode)}>
 *   Co-browse with us
 * </SameSurfLauncher>
 * ```
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import type { PropertyDeclarations } from 'lit';
import React from 'react';
import { SameSurfLauncher as SameSurfLauncherElement, TAG } from './define.js';
import type {
  SameSurfBeforeCreateDetail,
  SameSurfCreatedDetail,
  SameSurfErrorDetail,
  SameSurfHideDetail,
  SameSurfLeaveDetail,
} from './launcher/events.js';

export type {
  HideSource,
  SameSurfBeforeCreateDetail,
  SameSurfCreatedDetail,
  SameSurfErrorDetail,
  SameSurfHideDetail,
  SameSurfLeaveDetail,
} from './launcher/events.js';
export type { LauncherStrings } from './launcher/strings.js';
export { SameSurfLauncherElement };

/** An event without a detail (`samesurf-show`, `samesurf-after-show`, `samesurf-after-hide`). */
type PlainEvent = CustomEvent<Record<string, never>>;

/** The element's events, by the React prop that listens to each. */
const events = {
  /** Cancelable; `e.detail.request` may be amended before it is sent. */
  onSamesurfBeforeCreate: 'samesurf-before-create' as EventName<CustomEvent<SameSurfBeforeCreateDetail>>,
  /** The API's answer to the create call; `e.detail.mode` (`room` or `invite`) narrows it. */
  onSamesurfCreated: 'samesurf-created' as EventName<CustomEvent<SameSurfCreatedDetail>>,
  /** The dialog is about to open. */
  onSamesurfShow: 'samesurf-show' as EventName<PlainEvent>,
  /** The dialog is open. */
  onSamesurfAfterShow: 'samesurf-after-show' as EventName<PlainEvent>,
  /** Cancelable: the dialog is about to close (`e.detail.source` says why); closing minimises. */
  onSamesurfHide: 'samesurf-hide' as EventName<CustomEvent<SameSurfHideDetail>>,
  /** The dialog is closed and focus is back on the button. */
  onSamesurfAfterHide: 'samesurf-after-hide' as EventName<PlainEvent>,
  /** Something failed: `{ code, message, errorcode?, attribute?, cause? }`. */
  onSamesurfError: 'samesurf-error' as EventName<CustomEvent<SameSurfErrorDetail>>,
  /** The visitor left the session (`e.detail.room`). */
  onSamesurfLeave: 'samesurf-leave' as EventName<CustomEvent<SameSurfLeaveDetail>>,
};

/** The event props, by prop name. */
export type SameSurfLauncherEvents = typeof events;

/** The React component's type; `React.ComponentProps<typeof SameSurfLauncher>` gives its props. */
export type SameSurfLauncherComponent = ReactWebComponent<SameSurfLauncherElement, SameSurfLauncherEvents>;

const PROPERTIES = SameSurfLauncherElement.properties as PropertyDeclarations;
/** The element's properties that have an attribute, by property name (`apiBase` → `api-base`). */
const ATTRIBUTES = new Map(
  Object.entries(PROPERTIES).flatMap(([property, options]) =>
    options.attribute === false
      ? []
      : [[property, typeof options.attribute === 'string' ? options.attribute : property.toLowerCase()] as const],
  ),
);

/** The attributes for the props that have one and a string, number or `true` value (`leader` → `leader=""`). */
function attributesOf(props: Record<string, unknown>, sameName: boolean): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [property, value] of Object.entries(props)) {
    const attribute = ATTRIBUTES.get(property);
    if (attribute === undefined || (!sameName && attribute === property)) continue;
    if (typeof value === 'string' || typeof value === 'number') attributes[attribute] = String(value);
    else if (value === true) attributes[attribute] = '';
  }
  return attributes;
}

/** Properties and event props, set by @lit/react after each render (and after hydration). */
const LitSameSurfLauncher = createComponent({
  react: React,
  tagName: TAG,
  elementClass: SameSurfLauncherElement,
  events,
  displayName: 'SameSurfLauncher',
});

/** On a server without Lit's own React SSR (@lit-labs/ssr-react), which renders the element's shadow DOM itself. */
const plainServer = () =>
  typeof document === 'undefined' && !(globalThis as { litSsrReactEnabled?: boolean }).litSsrReactEnabled;

/**
 * `<SameSurfLauncher>`: the launcher's properties as props, `onSamesurfCreated` and the other event props, children
 * as the button's label; a `ref` gets the element itself (for `launch()`, `show()`, `hide()`, `leave()`, `reset()`).
 *
 * Props with a string, number or boolean value are also rendered as the element's attributes: on the server all of
 * them, so that the markup is a working launcher before hydration (with properties alone it would be an
 * unconfigured one until then: a configuration error, and no button on a live site); in the browser those whose
 * attribute is not the property's own name (`api-base`, `start-url`…), as React 19 does for a plain tag. Objects
 * (`strings`, a `bookmarks` array) and event props are set on the element after each render and after hydration.
 */
export const SameSurfLauncher = React.forwardRef<SameSurfLauncherElement, Record<string, unknown>>((props, ref) => {
  if (!plainServer()) return React.createElement(LitSameSurfLauncher, { ...attributesOf(props, false), ...props, ref });
  // What @lit/react renders on a server, plus every attribute: the other props as they are, `className` as `class`.
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props))
    if (!(key in PROPERTIES) && !(key in events) && !(key in SameSurfLauncherElement.prototype))
      rest[key === 'className' ? 'class' : key] = value;
  return React.createElement(TAG, { ...rest, ...attributesOf(props, true) });
}) as unknown as SameSurfLauncherComponent;
SameSurfLauncher.displayName = 'SameSurfLauncher';
