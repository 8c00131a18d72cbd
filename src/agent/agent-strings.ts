/**
 * The agent's elements' built-in strings, in English, German and Spanish, one module for the whole kit (one shared
 * chunk). Error sentences and the copy button's are the launcher's own, so that both say the same thing. The
 * language comes from the nearest `lang` attribute; each element's `strings` property overrides any entry.
 */
import type { BuiltInLanguage } from '../launcher/lang.js';
import type { ErrorStrings } from '../launcher/messages.js';
import { BUILT_IN_STRINGS, type LauncherStrings } from '../launcher/strings.js';
import { ANALYTICS_STRINGS, type AnalyticsStrings } from './analytics-strings.js';
import { REPORT_STRINGS, type ReportStrings } from './report-strings.js';
import { ROOMS_STRINGS, type RoomsStrings } from './rooms-strings.js';
import { SCHEDULER_STRINGS, type SchedulerStrings } from './scheduler-strings.js';

export type { AnalyticsStrings, ReportStrings, RoomsStrings, SchedulerStrings };

/** The launcher's strings the kit shares: errors, copying, retrying. */
export type SharedStrings = ErrorStrings &
  Pick<LauncherStrings, 'copy' | 'copied' | 'copyFailed' | 'retry' | 'errorSecret'>;

export type AgentStrings = SharedStrings & RoomsStrings & ReportStrings & AnalyticsStrings & SchedulerStrings;

/** Where the kit's sentence differs from the launcher's: an agent's call need not be starting a session. */
const KIT_ERRORS: Readonly<Record<BuiltInLanguage, Pick<SharedStrings, 'errorRejected'>>> = {
  en: { errorRejected: 'The co-browsing service refused the request ({detail}).' },
  de: { errorRejected: 'Der Co-Browsing-Dienst hat die Anfrage abgelehnt ({detail}).' },
  es: { errorRejected: 'El servicio de navegación compartida rechazó la solicitud ({detail}).' },
};

/** Every string of the kit in `lang`, with the page's overrides. */
export function agentStringsFor(lang: BuiltInLanguage, overrides: Partial<AgentStrings> = {}): AgentStrings {
  const l = BUILT_IN_STRINGS[lang];
  const shared: SharedStrings = {
    copy: l.copy,
    copied: l.copied,
    copyFailed: l.copyFailed,
    retry: l.retry,
    errorConfig: l.errorConfig,
    errorSecret: l.errorSecret,
    errorAuth: l.errorAuth,
    errorToken: l.errorToken,
    errorRoomGone: l.errorRoomGone,
    errorRejected: l.errorRejected,
    errorRateLimited: l.errorRateLimited,
    errorServer: l.errorServer,
    errorHttp: l.errorHttp,
    errorParse: l.errorParse,
    errorTimeout: l.errorTimeout,
    errorConnection: l.errorConnection,
    errorOffline: l.errorOffline,
    errorLink: l.errorLink,
  };
  return {
    ...shared,
    ...KIT_ERRORS[lang],
    ...ROOMS_STRINGS[lang],
    ...REPORT_STRINGS[lang],
    ...ANALYTICS_STRINGS[lang],
    ...SCHEDULER_STRINGS[lang],
    ...overrides,
  };
}
