/**
 * The launch chunk: everything past the button, loaded by import() once the launcher is seen or on the first pointer
 * or focus intent, so that the element's own module stays small.
 */
import { adoptStyles, css, type ReactiveControllerHost } from 'lit';
import { configFor, type LauncherAttributes } from './config.js';
import { DialogView } from './dialog-view.js';
import { dialogStyles } from './dialog-styles.js';
import { languageOf } from './lang.js';
import { LaunchController } from './launch-controller.js';
import { hasInvitation } from './saved-invitation.js';
import { statusStyles } from './status-styles.js';
import { stringsFor, type LauncherStrings } from './strings.js';
import { launcherStyles } from './styles.js';

export { renderAfterButton } from './status-view.js';
export type { LaunchController, DialogView };

/** Everything past the button's first styles, as one sheet: the dialog's and those of the lines beside the button. */
export const launchStyles = css`${dialogStyles}${statusStyles}`;

/**
 * The launcher readied ahead of intent: the first one seen, while it is on the page. One only, so that a page of a
 * thousand costs one controller and one closed dialog more, not a thousand.
 */
let readied: WeakRef<LaunchHost> | undefined;

/**
 * A launcher was seen (in idle time): the dialog's style sheet is parsed now, once per page, rather than on the
 * visitor's intent. True when it needs its controller now: it has something to show already (a configuration problem,
 * or a session to rejoin, saved before a reload), or it is the page's first launcher seen, readied ahead of intent
 * with its dialog rendered closed, so that a click, by mouse, touch or keyboard, finds nothing left to do but the
 * request. Every other launcher needs nothing more until the visitor's intent.
 */
export function seen(host: LaunchHost, secretProperty: boolean): boolean {
  void launchStyles.styleSheet;
  const result = configFor(attributesOf(host, secretProperty));
  if (!result.ok || (result.config.mode === 'room' && hasInvitation(result.config.key))) return true;
  if (readied?.deref()?.isConnected) return false;
  readied = new WeakRef(host);
  return true;
}

/** The element, as its controller sees it. */
export interface LaunchHost extends ReactiveControllerHost, HTMLElement {
  strings?: Partial<LauncherStrings>;
}

/**
 * A launcher's controller and dialog view, made on its first intent (or when it has something to show), with the
 * dialog's styles adopted beside the button's. Here rather than in the element's module, which stays small.
 */
export function attach(host: LaunchHost, secretProperty: () => boolean): [LaunchController, DialogView] {
  const part = (selector: string) => host.shadowRoot?.querySelector<HTMLElement>(selector) ?? undefined;
  const c = new LaunchController(host, {
    attributes: () => attributesOf(host, secretProperty()),
    strings: () => stringsFor(languageOf(host), host.strings),
    button: () => part('.launch') as HTMLButtonElement | undefined,
    dialog: () => part('dialog') as HTMLDialogElement | undefined,
  });
  adoptStyles(host.shadowRoot!, [launcherStyles, launchStyles]);
  const view = new DialogView(
    c,
    () => host.requestUpdate(),
    () => readied?.deref() === host,
    () => host.shadowRoot,
  );
  host.addController(view);
  return [c, view];
}

/** Every reactive property's value, for the configuration (which reads what it needs). */
export function attributesOf(host: LaunchHost, secretProperty: boolean): LauncherAttributes {
  const a: Record<string, unknown> = {};
  for (const p of Object.keys((host.constructor as unknown as { properties: object }).properties))
    a[p] = host[p as keyof LaunchHost];
  const getToken = (host as { getToken?: LauncherAttributes['getToken'] }).getToken;
  return { ...(a as LauncherAttributes), getToken, attributeNames: host.getAttributeNames(), secretProperty };
}
