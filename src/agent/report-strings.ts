/** `<samesurf-room-report>`'s built-in strings (see agent-strings.ts). */
import type { BuiltInLanguage } from '../launcher/lang.js';

export /** `<samesurf-room-report>`. */
interface ReportStrings {
  loadingReport: string;
  /** Under the title: "Room {room}", or with a version "Room {room}, version {version}". */
  roomNumber: string;
  roomVersion: string;
  peopleTitle: string;
  columnName: string;
  columnRole: string;
  leader: string;
  guest: string;
  columnJoined: string;
  columnLeft: string;
  stillIn: string;
  /** A person's location when the API knows none (an address it cannot place). */
  placeUnknown: string;
  columnDuration: string;
  columnLocation: string;
  noPeople: string;
  timelineTitle: string;
  noEvents: string;
  eventStart: string;
  eventUrl: string;
  eventJoin: string;
  eventLeave: string;
  eventEnd: string;
  /** Any other event: {type} and {data}. */
  eventOther: string;
  recordingsTitle: string;
  noRecordings: string;
  /** "Recording {n}". */
  recordingLabel: string;
  play: string;
  download: string;
  screenshotWidth: string;
  takeScreenshot: string;
  /** The screenshot's alternative text: {n}, {width}. */
  screenshotAlt: string;
  openScreenshot: string;
  /** The screenshot width refused: shown by the field. */
  screenshotWidthInvalid: string;
  noPreview: string;
  /** A recording's link could not be had (announced, and shown by the recording). */
  mediaFailed: string;
}

export const REPORT_STRINGS: Readonly<Record<BuiltInLanguage, ReportStrings>> = {
  en: {
    loadingReport: 'Loading the room’s report…',
    roomNumber: 'Room {room}',
    roomVersion: 'Room {room}, version {version}',
    peopleTitle: 'People',
    columnName: 'Name',
    columnRole: 'Role',
    leader: 'Leader',
    guest: 'Guest',
    columnJoined: 'Joined',
    columnLeft: 'Left',
    stillIn: 'Still in the room',
    placeUnknown: 'Unknown',
    columnDuration: 'Time in the room',
    columnLocation: 'Location',
    noPeople: 'Nobody has joined this room.',
    timelineTitle: 'Timeline',
    noEvents: 'Nothing has happened in this room yet.',
    eventStart: 'The room started',
    eventUrl: 'Went to {data}',
    eventJoin: '{data} joined',
    eventLeave: '{data} left',
    eventEnd: 'The room ended',
    eventOther: '{type}: {data}',
    recordingsTitle: 'Recordings',
    noRecordings: 'This room has no recordings.',
    recordingLabel: 'Recording {n}',
    play: 'Play',
    download: 'Download',
    screenshotWidth: 'Screenshot width (pixels)',
    takeScreenshot: 'Get screenshot',
    screenshotAlt: 'Screenshot of recording {n}, {width} pixels wide',
    openScreenshot: 'Open full size',
    screenshotWidthInvalid: 'Enter a whole number of pixels from 1 to 8192.',
    noPreview: 'No preview',
    mediaFailed: 'The recording could not be loaded.',
  },
  de: {
    loadingReport: 'Der Bericht des Raums wird geladen…',
    roomNumber: 'Raum {room}',
    roomVersion: 'Raum {room}, Version {version}',
    peopleTitle: 'Personen',
    columnName: 'Name',
    columnRole: 'Rolle',
    leader: 'Leitung',
    guest: 'Gast',
    columnJoined: 'Beigetreten',
    columnLeft: 'Gegangen',
    stillIn: 'Noch im Raum',
    placeUnknown: 'Unbekannt',
    columnDuration: 'Zeit im Raum',
    columnLocation: 'Ort',
    noPeople: 'Niemand ist diesem Raum beigetreten.',
    timelineTitle: 'Verlauf',
    noEvents: 'In diesem Raum ist noch nichts geschehen.',
    eventStart: 'Der Raum wurde gestartet',
    eventUrl: 'Aufgerufen: {data}',
    eventJoin: '{data} ist beigetreten',
    eventLeave: '{data} ist gegangen',
    eventEnd: 'Der Raum wurde beendet',
    eventOther: '{type}: {data}',
    recordingsTitle: 'Aufnahmen',
    noRecordings: 'Dieser Raum hat keine Aufnahmen.',
    recordingLabel: 'Aufnahme {n}',
    play: 'Abspielen',
    download: 'Herunterladen',
    screenshotWidth: 'Breite des Bildschirmfotos (Pixel)',
    takeScreenshot: 'Bildschirmfoto holen',
    screenshotAlt: 'Bildschirmfoto von Aufnahme {n}, {width} Pixel breit',
    openScreenshot: 'In voller Größe öffnen',
    screenshotWidthInvalid: 'Bitte eine ganze Zahl von 1 bis 8192 Pixel eingeben.',
    noPreview: 'Keine Vorschau',
    mediaFailed: 'Die Aufnahme konnte nicht geladen werden.',
  },
  es: {
    loadingReport: 'Cargando el informe de la sala…',
    roomNumber: 'Sala {room}',
    roomVersion: 'Sala {room}, versión {version}',
    peopleTitle: 'Personas',
    columnName: 'Nombre',
    columnRole: 'Papel',
    leader: 'Anfitrión',
    guest: 'Invitado',
    columnJoined: 'Entró',
    columnLeft: 'Salió',
    stillIn: 'Sigue en la sala',
    placeUnknown: 'Desconocida',
    columnDuration: 'Tiempo en la sala',
    columnLocation: 'Ubicación',
    noPeople: 'Nadie ha entrado en esta sala.',
    timelineTitle: 'Cronología',
    noEvents: 'Aún no ha pasado nada en esta sala.',
    eventStart: 'La sala empezó',
    eventUrl: 'Fue a {data}',
    eventJoin: '{data} entró',
    eventLeave: '{data} salió',
    eventEnd: 'La sala terminó',
    eventOther: '{type}: {data}',
    recordingsTitle: 'Grabaciones',
    noRecordings: 'Esta sala no tiene grabaciones.',
    recordingLabel: 'Grabación {n}',
    play: 'Reproducir',
    download: 'Descargar',
    screenshotWidth: 'Ancho de la captura (píxeles)',
    takeScreenshot: 'Obtener captura',
    screenshotAlt: 'Captura de la grabación {n}, de {width} píxeles de ancho',
    openScreenshot: 'Abrir a tamaño completo',
    screenshotWidthInvalid: 'Introduzca un número entero de píxeles entre 1 y 8192.',
    noPreview: 'Sin vista previa',
    mediaFailed: 'No se pudo cargar la grabación.',
  },
};
