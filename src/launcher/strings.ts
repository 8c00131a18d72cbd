/**
 * Every built-in string of <samesurf-launcher>, in English, German and Spanish, loaded with the
 * launch code. The language comes from the nearest `lang` attribute; the `strings` property overrides any entry.
 */
import { CORE_STRINGS, type BuiltInLanguage, type CoreStrings } from './lang.js';

export interface LauncherStrings extends CoreStrings {
  dialogTitle: string;
  frameTitle: string;
  /** The dialog's minimise button: the session goes on, the launcher shows it is live. */
  minimise: string;
  /** The dialog's leave button, and the confirmation's own. */
  leave: string;
  leaveQuestion: string;
  /** Told to the room's leader before leaving. */
  leaveHostNote: string;
  stay: string;
  /** The question's own leave button (the header's is `leave`). */
  leaveConfirm: string;
  /** After leaving. */
  left: string;
  /** Announced when the dialog is open, and when it is minimised. */
  opened: string;
  minimised: string;
  /** The share button that opens the guest-invitation panel. */
  invite: string;
  loadingRoom: string;
  roomLoadFailed: string;
  fullscreen: string;
  openInTab: string;
  shareLabel: string;
  shareHint: string;
  copy: string;
  copied: string;
  copyFailed: string;
  /** In the open dialog, when the room re-entered had ended meanwhile. */
  roomEndedNow: string;
  startNew: string;
  tabOpened: string;
  popupBlocked: string;
  errorConfig: string;
  errorSecret: string;
  errorAuth: string;
  errorToken: string;
  errorRoomGone: string;
  errorRejected: string;
  errorRateLimited: string;
  errorServer: string;
  errorHttp: string;
  errorParse: string;
  errorTimeout: string;
  errorConnection: string;
  errorOffline: string;
  errorLink: string;
}

const en: LauncherStrings = {
  ...CORE_STRINGS.en,
  dialogTitle: 'Co-browsing',
  frameTitle: 'Co-browsing session',
  minimise: 'Minimise',
  leave: 'Leave',
  leaveQuestion: 'Leave the co-browsing session?',
  leaveHostNote: 'You are the host. Guests who have the link can stay in the room until they leave.',
  stay: 'Stay',
  leaveConfirm: 'Leave the session',
  left: 'You left the co-browsing session.',
  opened: 'Co-browsing is open.',
  minimised: 'Co-browsing goes on in the background. Use the button to return.',
  invite: 'Invite',
  loadingRoom: 'Loading the room…',
  roomLoadFailed: 'The room did not load.',
  fullscreen: 'Full screen',
  openInTab: 'Open in a new tab',
  shareLabel: 'Invite a guest',
  shareHint: 'Anyone with this link can join as a guest.',
  copy: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy: select the link and copy it.',
  roomEndedNow: 'This co-browsing session has ended.',
  startNew: 'Start a new session',
  tabOpened: 'Co-browsing opened in a new tab.',
  popupBlocked: 'Your browser blocked the new tab. Open the session here:',
  errorConfig: 'Co-browsing is not set up correctly on this page.',
  errorSecret: 'Co-browsing is switched off: this page exposes a secret key.',
  errorAuth: 'The co-browsing service did not accept this site’s credentials.',
  errorToken: 'Could not get permission to start co-browsing.',
  errorRoomGone: 'That co-browsing session is no longer available.',
  errorRejected: 'The co-browsing service could not start a session ({detail}).',
  errorRateLimited: 'Too many requests right now. Please try again in a moment.',
  errorServer: 'The co-browsing service is having trouble. Please try again.',
  errorHttp: 'The co-browsing service answered unexpectedly (HTTP {status}).',
  errorParse: 'The co-browsing service sent an answer that could not be read.',
  errorTimeout: 'The co-browsing service took too long to answer.',
  errorConnection: 'Could not reach the co-browsing service. Check your connection.',
  errorOffline: 'You appear to be offline. Reconnect and try again.',
  errorLink: 'The co-browsing link was not opened because it points to an unexpected address.',
};

const de: LauncherStrings = {
  ...CORE_STRINGS.de,
  dialogTitle: 'Co-Browsing',
  frameTitle: 'Co-Browsing-Sitzung',
  minimise: 'Minimieren',
  leave: 'Verlassen',
  leaveQuestion: 'Co-Browsing-Sitzung verlassen?',
  leaveHostNote: 'Sie leiten die Sitzung. Gäste mit dem Link können im Raum bleiben, bis sie ihn verlassen.',
  stay: 'Bleiben',
  leaveConfirm: 'Sitzung verlassen',
  left: 'Sie haben die Co-Browsing-Sitzung verlassen.',
  opened: 'Co-Browsing ist geöffnet.',
  minimised: 'Co-Browsing läuft im Hintergrund weiter. Mit der Schaltfläche kehren Sie zurück.',
  invite: 'Einladen',
  loadingRoom: 'Raum wird geladen…',
  roomLoadFailed: 'Der Raum wurde nicht geladen.',
  fullscreen: 'Vollbild',
  openInTab: 'In neuem Tab öffnen',
  shareLabel: 'Gast einladen',
  shareHint: 'Jede Person mit diesem Link kann als Gast teilnehmen.',
  copy: 'Link kopieren',
  copied: 'Link kopiert',
  copyFailed: 'Kopieren fehlgeschlagen: Link markieren und kopieren.',
  roomEndedNow: 'Diese Co-Browsing-Sitzung ist beendet.',
  startNew: 'Neue Sitzung starten',
  tabOpened: 'Co-Browsing wurde in einem neuen Tab geöffnet.',
  popupBlocked: 'Ihr Browser hat den neuen Tab blockiert. Sitzung hier öffnen:',
  errorConfig: 'Co-Browsing ist auf dieser Seite nicht richtig eingerichtet.',
  errorSecret: 'Co-Browsing ist abgeschaltet: Diese Seite legt einen geheimen Schlüssel offen.',
  errorAuth: 'Der Co-Browsing-Dienst hat die Zugangsdaten dieser Website nicht akzeptiert.',
  errorToken: 'Die Berechtigung für das Co-Browsing konnte nicht eingeholt werden.',
  errorRoomGone: 'Diese Co-Browsing-Sitzung ist nicht mehr verfügbar.',
  errorRejected: 'Der Co-Browsing-Dienst konnte keine Sitzung starten ({detail}).',
  errorRateLimited: 'Gerade zu viele Anfragen. Bitte gleich noch einmal versuchen.',
  errorServer: 'Der Co-Browsing-Dienst hat Probleme. Bitte erneut versuchen.',
  errorHttp: 'Der Co-Browsing-Dienst hat unerwartet geantwortet (HTTP {status}).',
  errorParse: 'Die Antwort des Co-Browsing-Dienstes war nicht lesbar.',
  errorTimeout: 'Der Co-Browsing-Dienst hat zu lange nicht geantwortet.',
  errorConnection: 'Der Co-Browsing-Dienst ist nicht erreichbar. Bitte Verbindung prüfen.',
  errorOffline: 'Sie sind offenbar offline. Bitte verbinden und erneut versuchen.',
  errorLink: 'Der Co-Browsing-Link wurde nicht geöffnet, weil er auf eine unerwartete Adresse zeigt.',
};

const es: LauncherStrings = {
  ...CORE_STRINGS.es,
  dialogTitle: 'Navegación compartida',
  frameTitle: 'Sesión de navegación compartida',
  minimise: 'Minimizar',
  leave: 'Salir',
  leaveQuestion: '¿Salir de la sesión de navegación compartida?',
  leaveHostNote: 'Usted es el anfitrión. Los invitados con el enlace pueden seguir en la sala hasta que salgan.',
  stay: 'Quedarse',
  leaveConfirm: 'Salir de la sesión',
  left: 'Ha salido de la sesión de navegación compartida.',
  opened: 'La navegación compartida está abierta.',
  minimised: 'La navegación compartida sigue en segundo plano. Use el botón para volver.',
  invite: 'Invitar',
  loadingRoom: 'Cargando la sala…',
  roomLoadFailed: 'La sala no se cargó.',
  fullscreen: 'Pantalla completa',
  openInTab: 'Abrir en una pestaña nueva',
  shareLabel: 'Invitar a alguien',
  shareHint: 'Cualquiera con este enlace puede unirse como invitado.',
  copy: 'Copiar enlace',
  copied: 'Enlace copiado',
  copyFailed: 'No se pudo copiar: seleccione el enlace y cópielo.',
  roomEndedNow: 'Esta sesión de co-navegación ha terminado.',
  startNew: 'Iniciar una nueva sesión',
  tabOpened: 'La navegación compartida se abrió en una pestaña nueva.',
  popupBlocked: 'Su navegador bloqueó la pestaña nueva. Abra la sesión aquí:',
  errorConfig: 'La navegación compartida no está bien configurada en esta página.',
  errorSecret: 'La navegación compartida está desactivada: esta página expone una clave secreta.',
  errorAuth: 'El servicio de navegación compartida no aceptó las credenciales de este sitio.',
  errorToken: 'No se pudo obtener permiso para iniciar la navegación compartida.',
  errorRoomGone: 'Esa sesión de navegación compartida ya no está disponible.',
  errorRejected: 'El servicio de navegación compartida no pudo iniciar una sesión ({detail}).',
  errorRateLimited: 'Demasiadas solicitudes ahora mismo. Inténtelo de nuevo en un momento.',
  errorServer: 'El servicio de navegación compartida tiene problemas. Inténtelo de nuevo.',
  errorHttp: 'El servicio de navegación compartida respondió de forma inesperada (HTTP {status}).',
  errorParse: 'No se pudo leer la respuesta del servicio de navegación compartida.',
  errorTimeout: 'El servicio de navegación compartida tardó demasiado en responder.',
  errorConnection: 'No se pudo contactar con el servicio de navegación compartida. Revise su conexión.',
  errorOffline: 'Parece que no tiene conexión. Vuelva a conectarse e inténtelo de nuevo.',
  errorLink: 'El enlace de navegación compartida no se abrió porque apunta a una dirección inesperada.',
};

export const BUILT_IN_STRINGS: Readonly<Record<BuiltInLanguage, LauncherStrings>> = { en, de, es };

/** Built-in strings for a language, with `overrides` on top. */
export function stringsFor(lang: BuiltInLanguage, overrides: Partial<LauncherStrings> = {}): LauncherStrings {
  return { ...BUILT_IN_STRINGS[lang], ...overrides };
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
