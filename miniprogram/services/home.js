// The customizable home screen: /api/v1/mp/home* (docs/home.md).
const { get, request } = require('../utils/request')

/**
 * GET /home → everything the home screen shows in one reply:
 * {person, current_business, other_businesses, apps: [{code, name, icon, page, badge_count}], unread,
 *  annual_report, news, generated_at}.
 */
function getHome(options) {
  return get('/home', undefined, options)
}

/** GET /home/apps → {apps (mine, in order), available (every other enabled app)}. */
function getMyApps(options) {
  return get('/home/apps', undefined, options)
}

/** PUT /home/apps {apps: [code, …]} → {apps, available}. Remove, add and reorder are one save. */
function saveApps(codes, options) {
  return request(Object.assign({}, options, { url: '/home/apps', method: 'PUT', data: { apps: codes } }))
}

/** DELETE /home/apps → {apps, available}: back to the catalogue's default apps. */
function resetApps(options) {
  return request(Object.assign({}, options, { url: '/home/apps', method: 'DELETE' }))
}

module.exports = { getHome, getMyApps, saveApps, resetApps }
