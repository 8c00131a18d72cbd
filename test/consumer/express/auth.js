// Stand-ins for a site's own login and support-case lookups, which the README's authorize example imports.

/** @typedef {{ id: string }} User */
/** @typedef {{ agentId: string, customerId: string }} SupportCase */

/**
 * @param {string | null} cookie
 * @returns {Promise<User | undefined>}
 */
export async function userFromSessionCookie(cookie) {
  return cookie?.includes('session=') ? { id: cookie.split('session=')[1] ?? '' } : undefined;
}

/**
 * @param {unknown} room
 * @returns {Promise<SupportCase | undefined>}
 */
export async function supportCaseByRoom(room) {
  return room === '123456789' ? { agentId: 'agent', customerId: 'customer' } : undefined;
}
