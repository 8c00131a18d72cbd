/** `<samesurf-scheduler>`'s built-in strings (see agent-strings.ts). */
import type { BuiltInLanguage } from '../launcher/lang.js';

export interface SchedulerStrings {
  schedulerTitle: string;
  fieldTitle: string;
  fieldStartUrl: string;
  fieldWhen: string;
  fieldTimezone: string;
  fieldLength: string;
  fieldInvitees: string;
  inviteesHint: string;
  fieldMessage: string;
  schedule: string;
  scheduled: string;
  leaderLink: string;
  guestLink: string;
  downloadIcs: string;
  scheduleAnother: string;
  /** Field messages, each in the person's language (the API's own words are developer text). */
  invalidWhen: string;
  pastWhen: string;
  invalidTimezone: string;
  invalidLength: string;
  /** {address}. */
  invalidInvitee: string;
  invalidStartUrl: string;
}

export const SCHEDULER_STRINGS: Readonly<Record<BuiltInLanguage, SchedulerStrings>> = {
  en: {
    schedulerTitle: 'Schedule a room',
    fieldTitle: 'Title',
    fieldStartUrl: 'Start page',
    fieldWhen: 'Date and time',
    fieldTimezone: 'Time zone',
    fieldLength: 'Length (minutes)',
    fieldInvitees: 'Invitees',
    inviteesHint: 'E-mail addresses, separated by commas. Each gets an invitation.',
    fieldMessage: 'Message to the invitees',
    schedule: 'Schedule',
    scheduled: 'The room is scheduled.',
    leaderLink: 'Your link (leader)',
    guestLink: 'Guest link',
    downloadIcs: 'Download calendar file (.ics)',
    scheduleAnother: 'Schedule another',
    invalidWhen: 'Enter a date and a time.',
    pastWhen: 'Choose a time in the future.',
    invalidTimezone: 'Choose a time zone from the list.',
    invalidLength: 'Enter a whole number of minutes, at least 1.',
    invalidInvitee: '“{address}” is not an e-mail address.',
    invalidStartUrl: 'Enter a web address that starts with https:// or http://.',
  },
  de: {
    schedulerTitle: 'Raum planen',
    fieldTitle: 'Titel',
    fieldStartUrl: 'Startseite',
    fieldWhen: 'Datum und Uhrzeit',
    fieldTimezone: 'Zeitzone',
    fieldLength: 'Dauer (Minuten)',
    fieldInvitees: 'Eingeladene',
    inviteesHint: 'E-Mail-Adressen, durch Kommas getrennt. Jede erhält eine Einladung.',
    fieldMessage: 'Nachricht an die Eingeladenen',
    schedule: 'Planen',
    scheduled: 'Der Raum ist geplant.',
    leaderLink: 'Ihr Link (Leitung)',
    guestLink: 'Gastlink',
    downloadIcs: 'Kalenderdatei herunterladen (.ics)',
    scheduleAnother: 'Weiteren planen',
    invalidWhen: 'Bitte Datum und Uhrzeit eingeben.',
    pastWhen: 'Bitte einen Zeitpunkt in der Zukunft wählen.',
    invalidTimezone: 'Bitte eine Zeitzone aus der Liste wählen.',
    invalidLength: 'Bitte eine ganze Zahl von Minuten eingeben, mindestens 1.',
    invalidInvitee: '„{address}“ ist keine E-Mail-Adresse.',
    invalidStartUrl: 'Bitte eine Webadresse mit https:// oder http:// eingeben.',
  },
  es: {
    schedulerTitle: 'Programar una sala',
    fieldTitle: 'Título',
    fieldStartUrl: 'Página de inicio',
    fieldWhen: 'Fecha y hora',
    fieldTimezone: 'Zona horaria',
    fieldLength: 'Duración (minutos)',
    fieldInvitees: 'Invitados',
    inviteesHint: 'Direcciones de correo separadas por comas. Cada una recibe una invitación.',
    fieldMessage: 'Mensaje para los invitados',
    schedule: 'Programar',
    scheduled: 'La sala está programada.',
    leaderLink: 'Su enlace (anfitrión)',
    guestLink: 'Enlace de invitado',
    downloadIcs: 'Descargar archivo de calendario (.ics)',
    scheduleAnother: 'Programar otra',
    invalidWhen: 'Introduzca una fecha y una hora.',
    pastWhen: 'Elija una hora en el futuro.',
    invalidTimezone: 'Elija una zona horaria de la lista.',
    invalidLength: 'Introduzca un número entero de minutos, al menos 1.',
    invalidInvitee: '«{address}» no es una dirección de correo.',
    invalidStartUrl: 'Introduzca una dirección web que empiece por https:// o http://.',
  },
};
