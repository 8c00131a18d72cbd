/**
 * Request and response types of the SameSurf API v3, with the API's own field
 * names so that the vendor's documentation reads straight across.
 */

/** Features that `disabledfeatures` may name. */
export const DISABLED_FEATURES = [
  'MODE_DOCUMENT_SHARE',
  'MODE_VIDEO_SHARE',
  'MODE_SCREEN_SHARE',
  'MODE_LOGOUT',
  'TOOLS_SCREEN_RECORDING',
  'TOOLS_VIDEO_CHAT',
  'TOOLS_AUDIO_CHAT',
  'TOOLS_12MANY_VIDEO',
  'TOOLS_MOUSE_TRACKING',
  'TOOLS_DISCONNECT_USER',
] as const;
export type DisabledFeature = (typeof DISABLED_FEATURES)[number];

/** Keys that a reseller's `configuration_overrides` may set. */
export const CONFIGURATION_OVERRIDE_KEYS = [
  'communications_active',
  'default_logout_url',
  'demotimer_active',
  'demotimer_logout_url',
  'disable_urlbar_all',
  'disable_urlbar_follower',
  'hide_bookmark_add',
  'hide_bookmark_header',
  'hide_bookmarks',
  'hide_modes_menu',
  'inroomchat_active',
  'invitations_active',
  'passcontrol_active',
  'preload_host_invitations',
  'social_changename_active',
  'suppress_beforeunload',
  'welcome_active',
] as const;
export type ConfigurationOverrideKey = (typeof CONFIGURATION_OVERRIDE_KEYS)[number];

/** Every call of the API, by its path below `/api/v3/` (the per-call map is in calls.ts). */
export type { CallName } from './calls.js';

/** A call that takes no parameters (`analyticsoverview`). */
export type EmptyRequest = Record<never, never>;

export interface SuccessResponse {
  success: true;
}

export interface Bookmark {
  /** Description of the bookmark. */
  name: string;
  /** URL of the web page. */
  link: string;
}

export interface SessionCookie {
  domain: string;
  path: string;
  name: string;
  value: string;
  secure: boolean;
  httponly: boolean;
}

export interface SessionStorageItem {
  domain: string;
  name: string;
  value: string;
}

export interface RoomSession {
  cookies?: SessionCookie[];
  storage?: SessionStorageItem[];
}

export interface PageRequest {
  /** Number of items to skip. */
  skip?: number;
  /** Maximum number of items to return. */
  limit?: number;
}

// runningrooms
export type RunningRoomsRequest = PageRequest;
export interface RunningRoom {
  room: string;
  starttime: string;
  /**
   * The vendor's example names the leader-token link `publicinvitation` here,
   * the reverse of `create`. Treat both links as secrets.
   */
  publicinvitation: string;
  privateinvitation: string;
  title: string | null;
}
export interface RunningRoomsResponse extends SuccessResponse {
  rooms: RunningRoom[];
  totalrooms: number;
}

// create
export interface CreateRoomRequest {
  /** URL of the first page shown in the room. */
  starturl?: string;
  /** A description of the room, shown in analytics. */
  title?: string;
  /** Overrides the default bookmarks shown in the room. */
  bookmarks?: Bookmark[];
  /** Cookies and storage to add to the room. */
  session?: RoomSession;
  /** Features to disable in the room. */
  disabledfeatures?: DisabledFeature[];
}
export interface CreateRoomResponse extends SuccessResponse {
  room: string;
  /** Follower token. */
  token: string;
  /** Leader (host) token. */
  leadertoken: string;
  /** Link with the leader token: whoever opens it becomes the host. */
  privateinvitation: string;
  /** Link with the follower token. */
  publicinvitation: string;
  /**
   * Added by a `samesurf-launcher/server` proxy (never by the API): proof that this visitor created `room`
   * through the proxy, sent back with `createlimitedusetoken` to be granted a leader invitation into it.
   */
  ticket?: string;
}

// create with eventtime
export interface ScheduleRoomRequest extends CreateRoomRequest {
  /** ISO 8601 date and time, e.g. `2030-02-22T16:30:00`; a trailing `Z` means UTC. */
  eventtime: string;
  /** IANA time zone, e.g. `Europe/London`; needed when `eventtime` is not UTC. */
  timezone?: string;
  /** Length of the event in minutes (at least 1). */
  lengthinminutes?: number;
  /** Comma-separated e-mail addresses, each e-mailed an invitation. */
  invitees?: string;
  /** Extra text for the invitation e-mail. */
  invitemessage?: string;
}
export type ScheduleRoomResponse = CreateRoomResponse;
/** What the `create` call takes: a room now, or scheduled with `eventtime` and its companions. */
export type CreateCallRequest = CreateRoomRequest & Partial<Omit<ScheduleRoomRequest, keyof CreateRoomRequest>>;

// find
export interface FindRoomRequest {
  room: string;
}
export interface FindRoomResponse extends SuccessResponse {
  room: string;
  token: string;
  leadertoken: string;
  publicinvitation: string;
}

// createlimitedusetoken
export interface CreateLimitedUseTokenRequest {
  room: string;
  /** How many times the invitation can be used (at least 1). */
  usagelimit: number;
  /** Whether the user becomes the leader if first to enter the room. */
  isleader: boolean;
  /** Pre-sets the user's name in the room. */
  usersname?: string;
  /** For a `samesurf-launcher/server` proxy only (stripped before the API): the `ticket` from `create`. */
  ticket?: string;
}
export interface CreateLimitedUseTokenResponse extends SuccessResponse {
  token: string;
  link: string;
}

// deletelimitedusetoken
export interface DeleteLimitedUseTokenRequest {
  token: string;
}
export type DeleteLimitedUseTokenResponse = SuccessResponse;

// screen recordings
export interface RecordingRequest {
  room: string;
  /** Index of the recording when there are several (default 0). */
  recording?: number;
  /** Minutes the link stays valid (default 60). */
  validfor?: number;
}
export interface RecordingImageRequest extends RecordingRequest {
  /** Width of the screenshot in pixels. */
  width?: number;
  /** Height in pixels; with only `width` given it scales to match. */
  height?: number;
}
export interface LinkResponse extends SuccessResponse {
  /** A temporary link. */
  link: string;
}

// analytics
export interface AnalyticsOverviewResponse extends SuccessResponse {
  url_latest: string | null;
  url_most_popular: string | null;
  rooms_total: number;
  rooms_today: number;
  rooms_thisweek: number;
  rooms_thismonth: number;
  /** Minutes. */
  averageduration_alltime: number;
  averageduration_today: number;
  averageduration_thisweek: number;
  averageduration_thismonth: number;
}

export type AnalyticsRoomsRequest = PageRequest;
export interface AnalyticsRoom {
  room: string;
  title: string | null;
  date: string;
  /** Seconds. */
  duration: number;
  screenrecordings: number;
}
export interface AnalyticsRoomsResponse extends SuccessResponse {
  /** The vendor's example sends a string; the client always gives a number. */
  total_rooms: number;
  rooms: AnalyticsRoom[];
}
/** `analyticsrooms` as it comes over the wire: the reference's example has `total_rooms` as a string (`"123"`). */
export interface AnalyticsRoomsAnswer extends Omit<AnalyticsRoomsResponse, 'total_rooms'> {
  total_rooms: string | number;
}

export interface RoomAnalyticsRequest {
  room: string;
  /** The room's version when its number was used more than once (default 0). */
  version?: number;
}
export interface RoomEvent {
  type: string;
  date: string;
  sender: string;
  target: string;
  data: string;
}
export interface RoomUser {
  guid: string;
  host: boolean;
  joinedat: string;
  leftat: string | null;
  name: string;
  ipaddress: string;
  city: string;
  country: string;
}
export interface RoomAnalyticsResponse extends SuccessResponse {
  title: string | null;
  events: RoomEvent[];
  users: RoomUser[];
}

// reseller
export interface ConfigurationOverride {
  key: ConfigurationOverrideKey;
  value: string;
}
export interface ResellerCreateSubscriptionRequest {
  /** Unique name of the subscription. */
  name: string;
  /** Number of licences (greater than zero). */
  licensecount: number;
  configuration_overrides?: ConfigurationOverride[];
  bookmarks?: Bookmark[];
  disabledfeatures?: DisabledFeature[];
}
export type ResellerCreateSubscriptionResponse = SuccessResponse;
export interface ResellerDeleteSubscriptionRequest {
  name: string;
}
export type ResellerDeleteSubscriptionResponse = SuccessResponse;
export interface ResellerCreateApiKeyRequest {
  subscription: string;
}
export interface ResellerCreateApiKeyResponse extends SuccessResponse {
  apikey: string;
  apisecret: string;
}

/** What a failed call answers. */
export interface FailureBody {
  success: false;
  error: string;
  errorcode: number;
}
