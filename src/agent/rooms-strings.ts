/** `<samesurf-rooms>`'s built-in strings (see agent-strings.ts). */
import type { BuiltInLanguage } from '../launcher/lang.js';

export /** `<samesurf-rooms>`. Placeholders in braces are filled in by the element. */
interface RoomsStrings {
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
  /** A row's join button while the agent has a session in that room. */
  joinLive: string;
  /** Over the agent's own sessions (kept open whatever the table shows). */
  sessionsTitle: string;
  /** A session's button while it runs minimised: {room}. */
  sessionLive: string;
  /** The usage limit field refused: shown by the field. */
  usageLimitInvalid: string;
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

export const ROOMS_STRINGS: Readonly<Record<BuiltInLanguage, RoomsStrings>> = {
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
    sessionsTitle: 'Your sessions',
    sessionLive: 'Live: room {room}',
    usageLimitInvalid: 'Enter a whole number of at least 1.',
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
    sessionsTitle: 'Ihre Sitzungen',
    sessionLive: 'Live: Raum {room}',
    usageLimitInvalid: 'Bitte eine ganze Zahl ab 1 eingeben.',
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
    sessionsTitle: 'Sus sesiones',
    sessionLive: 'En curso: sala {room}',
    usageLimitInvalid: 'Introduzca un número entero de al menos 1.',
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
