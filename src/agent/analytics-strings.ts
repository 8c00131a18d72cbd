/** `<samesurf-analytics>`'s built-in strings (see agent-strings.ts). */
import type { BuiltInLanguage } from '../launcher/lang.js';

export interface AnalyticsStrings {
  analyticsTitle: string;
  loadingAnalytics: string;
  periodToday: string;
  periodWeek: string;
  periodMonth: string;
  periodAll: string;
  /** Under a card's big number. */
  figureRooms: string;
  /** "Average {minutes} min". */
  figureAverage: string;
  /** The chart's caption. */
  chartTitle: string;
  chartRooms: string;
  chartAverage: string;
  showTable: string;
  columnPeriod: string;
  columnRooms: string;
  columnAverage: string;
  /** "{minutes} min". */
  minutes: string;
  latestUrl: string;
  popularUrl: string;
  pastRoomsTitle: string;
  columnDate: string;
  columnLength: string;
  columnRecordings: string;
  columnReport: string;
  openReport: string;
  closeReport: string;
  noPastRooms: string;
}

export const ANALYTICS_STRINGS: Readonly<Record<BuiltInLanguage, AnalyticsStrings>> = {
  en: {
    analyticsTitle: 'Analytics',
    loadingAnalytics: 'Loading analytics…',
    periodToday: 'Today',
    periodWeek: 'This week',
    periodMonth: 'This month',
    periodAll: 'All time',
    figureRooms: 'rooms',
    figureAverage: 'Average {minutes} min',
    chartTitle: 'Rooms and their average length, by period',
    chartRooms: 'Rooms',
    chartAverage: 'Average length (minutes)',
    showTable: 'Show the figures as a table',
    columnPeriod: 'Period',
    columnRooms: 'Rooms',
    columnAverage: 'Average length',
    minutes: '{minutes} min',
    latestUrl: 'Latest start page',
    popularUrl: 'Most visited site',
    pastRoomsTitle: 'All rooms',
    columnDate: 'Date',
    columnLength: 'Length',
    columnRecordings: 'Recordings',
    columnReport: 'Report',
    openReport: 'Report',
    closeReport: 'Close the report',
    noPastRooms: 'No rooms yet.',
  },
  de: {
    analyticsTitle: 'Auswertung',
    loadingAnalytics: 'Auswertung wird geladen…',
    periodToday: 'Heute',
    periodWeek: 'Diese Woche',
    periodMonth: 'Dieser Monat',
    periodAll: 'Insgesamt',
    figureRooms: 'Räume',
    figureAverage: 'Durchschnitt {minutes} Min.',
    chartTitle: 'Räume und ihre durchschnittliche Dauer nach Zeitraum',
    chartRooms: 'Räume',
    chartAverage: 'Durchschnittliche Dauer (Minuten)',
    showTable: 'Die Zahlen als Tabelle zeigen',
    columnPeriod: 'Zeitraum',
    columnRooms: 'Räume',
    columnAverage: 'Durchschnittliche Dauer',
    minutes: '{minutes} Min.',
    latestUrl: 'Neueste Startseite',
    popularUrl: 'Meistbesuchte Website',
    pastRoomsTitle: 'Alle Räume',
    columnDate: 'Datum',
    columnLength: 'Dauer',
    columnRecordings: 'Aufnahmen',
    columnReport: 'Bericht',
    openReport: 'Bericht',
    closeReport: 'Bericht schließen',
    noPastRooms: 'Noch keine Räume.',
  },
  es: {
    analyticsTitle: 'Estadísticas',
    loadingAnalytics: 'Cargando las estadísticas…',
    periodToday: 'Hoy',
    periodWeek: 'Esta semana',
    periodMonth: 'Este mes',
    periodAll: 'Desde el inicio',
    figureRooms: 'salas',
    figureAverage: 'Media {minutes} min',
    chartTitle: 'Salas y su duración media, por periodo',
    chartRooms: 'Salas',
    chartAverage: 'Duración media (minutos)',
    showTable: 'Ver las cifras en una tabla',
    columnPeriod: 'Periodo',
    columnRooms: 'Salas',
    columnAverage: 'Duración media',
    minutes: '{minutes} min',
    latestUrl: 'Última página de inicio',
    popularUrl: 'Sitio más visitado',
    pastRoomsTitle: 'Todas las salas',
    columnDate: 'Fecha',
    columnLength: 'Duración',
    columnRecordings: 'Grabaciones',
    columnReport: 'Informe',
    openReport: 'Informe',
    closeReport: 'Cerrar el informe',
    noPastRooms: 'Todavía no hay salas.',
  },
};
