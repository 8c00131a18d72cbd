/**
 * The agent's elements' built-in strings, in English, German and Spanish, one module for the whole kit (one shared
 * chunk). Error sentences and the copy button's are the launcher's own, so that both say the same thing. The
 * language comes from the nearest `lang` attribute; each element's `strings` property overrides any entry.
 */
import type { BuiltInLanguage } from '../launcher/lang.js';
import type { ErrorStrings } from '../launcher/messages.js';
import { BUILT_IN_STRINGS, type LauncherStrings } from '../launcher/strings.js';

/** The launcher's strings the kit shares: errors, copying, retrying. */
export type SharedStrings = ErrorStrings &
  Pick<LauncherStrings, 'copy' | 'copied' | 'copyFailed' | 'retry' | 'errorSecret'>;

/** `<samesurf-rooms>`. Placeholders in braces are filled in by the element. */
export interface RoomsStrings {
  /** The table's caption. */
  roomsTitle: string;
  columnTitle: string;
  columnStarted: string;
  columnRunning: string;
  columnRoom: string;
  columnActions: string;
  /** A room without a title. */
  untitled: string;
  loadingRooms: string;
  noRooms: string;
  refresh: string;
  refreshing: string;
  /** Announced after a load that changed what is shown: {count} rooms, or exactly one. */
  roomsCount: string;
  roomsCountOne: string;
  /** "{from}–{to} of {total}". */
  pageRange: string;
  previousPage: string;
  nextPage: string;
  /** The join button (the launcher's): enters the room as its leader. */
  join: string;
  /** The join button while its session runs minimised (kept short: the button keeps the width of the longer). */
  joinLive: string;
  copyGuestLink: string;
  /** Opens the limited-use invitation form for a room. */
  newInvitation: string;
  usageLimit: string;
  visitorName: string;
  createInvitation: string;
  /** The new invitation's link field. */
  invitationLink: string;
  share: string;
  /** "Room {room}", naming a row's buttons for screen readers. */
  roomLabel: string;
}

export type AgentStrings = SharedStrings & RoomsStrings;

const AGENT: Readonly<Record<BuiltInLanguage, RoomsStrings>> = {
  en: {
    roomsTitle: 'Running rooms',
    columnTitle: 'Title',
    columnStarted: 'Started',
    columnRunning: 'Running for',
    columnRoom: 'Room',
    columnActions: 'Actions',
    untitled: 'Untitled',
    loadingRooms: 'Loading running rooms…',
    noRooms: 'No rooms are running.',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    roomsCount: '{count} rooms running',
    roomsCountOne: '1 room running',
    pageRange: '{from}–{to} of {total}',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    join: 'Join',
    joinLive: 'Return',
    copyGuestLink: 'Copy guest link',
    newInvitation: 'Invitation…',
    usageLimit: 'Usable times',
    visitorName: "Visitor's name (optional)",
    createInvitation: 'Create invitation',
    invitationLink: 'Invitation link',
    share: 'Share',
    roomLabel: 'Room {room}',
  },
  de: {
    roomsTitle: 'Laufende Räume',
    columnTitle: 'Titel',
    columnStarted: 'Gestartet',
    columnRunning: 'Läuft seit',
    columnRoom: 'Raum',
    columnActions: 'Aktionen',
    untitled: 'Ohne Titel',
    loadingRooms: 'Laufende Räume werden geladen…',
    noRooms: 'Es laufen keine Räume.',
    refresh: 'Aktualisieren',
    refreshing: 'Wird aktualisiert…',
    roomsCount: '{count} Räume laufen',
    roomsCountOne: '1 Raum läuft',
    pageRange: '{from}–{to} von {total}',
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    join: 'Beitreten',
    joinLive: 'Zurück',
    copyGuestLink: 'Gastlink kopieren',
    newInvitation: 'Einladung…',
    usageLimit: 'Wie oft nutzbar',
    visitorName: 'Name des Besuchers (optional)',
    createInvitation: 'Einladung erstellen',
    invitationLink: 'Einladungslink',
    share: 'Teilen',
    roomLabel: 'Raum {room}',
  },
  es: {
    roomsTitle: 'Salas en curso',
    columnTitle: 'Título',
    columnStarted: 'Inicio',
    columnRunning: 'En curso desde hace',
    columnRoom: 'Sala',
    columnActions: 'Acciones',
    untitled: 'Sin título',
    loadingRooms: 'Cargando las salas en curso…',
    noRooms: 'No hay salas en curso.',
    refresh: 'Actualizar',
    refreshing: 'Actualizando…',
    roomsCount: '{count} salas en curso',
    roomsCountOne: '1 sala en curso',
    pageRange: '{from}–{to} de {total}',
    previousPage: 'Página anterior',
    nextPage: 'Página siguiente',
    join: 'Entrar',
    joinLive: 'Volver',
    copyGuestLink: 'Copiar enlace de invitado',
    newInvitation: 'Invitación…',
    usageLimit: 'Usos',
    visitorName: 'Nombre del visitante (opcional)',
    createInvitation: 'Crear invitación',
    invitationLink: 'Enlace de invitación',
    share: 'Compartir',
    roomLabel: 'Sala {room}',
  },
};

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
  return { ...shared, ...KIT_ERRORS[lang], ...AGENT[lang], ...overrides };
}
