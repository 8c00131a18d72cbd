/**
 * The few strings the button needs before any launch code has loaded, in every built-in
 * language, and the language lookup. Everything else is in strings.ts, loaded with the launch.
 */

export interface CoreStrings {
  start: string;
  /** Announced (not shown: the button keeps its label) while a session starts. */
  busy: string;
  /** The button while a session runs minimised. */
  rejoin: string;
  retry: string;
  /** When the launch code itself could not be loaded (offline, blocked). */
  failed: string;
}

export const CORE_STRINGS: Readonly<Record<'en' | 'de' | 'es', CoreStrings>> = {
  en: {
    start: 'Start co-browsing',
    busy: 'Starting…',
    rejoin: 'Live: return to co-browsing',
    retry: 'Try again',
    failed: 'Co-browsing could not start. Check your connection.',
  },
  de: {
    start: 'Co-Browsing starten',
    busy: 'Wird gestartet…',
    rejoin: 'Live: zurück zum Co-Browsing',
    retry: 'Erneut versuchen',
    failed: 'Co-Browsing konnte nicht starten. Bitte Verbindung prüfen.',
  },
  es: {
    start: 'Iniciar navegación compartida',
    busy: 'Iniciando…',
    rejoin: 'En curso: volver a la navegación compartida',
    retry: 'Reintentar',
    failed: 'No se pudo iniciar. Revise su conexión.',
  },
};

export type BuiltInLanguage = keyof typeof CORE_STRINGS;

/**
 * The built-in language for the nearest `lang` attribute (crossing shadow roots), by its primary subtag; English
 * otherwise.
 */
export function languageOf(from: Element): BuiltInLanguage {
  let node: Node | null = from;
  while (node && !(node instanceof Element && node.hasAttribute('lang'))) {
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  const primary = ((node as Element | null)?.getAttribute('lang') ?? '').toLowerCase().split('-')[0]!;
  return primary in CORE_STRINGS ? (primary as BuiltInLanguage) : 'en';
}
