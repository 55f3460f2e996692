// Business-license look-ups: /api/v1/mp/regions, /license/lookup, /license/scan.
const { get, post } = require('../utils/request')
const { upload } = require('../utils/upload')

/** GET /regions → [{code, name, children: [...]}] (省 → 市 → 区县). */
function getRegions(options) {
  return get('/regions', undefined, Object.assign({ auth: false }, options))
}

/** POST /license/lookup {region_code, uscc?, qr_text?} → LicenseInfo. Send exactly one of uscc / qr_text. */
function lookup({ region_code, uscc, qr_text }, options) {
  const body = { region_code }
  if (qr_text) body.qr_text = qr_text
  else body.uscc = uscc
  return post('/license/lookup', body, Object.assign({ auth: false }, options))
}

/** POST /license/scan multipart (file field `image`, optional `region_code`) → LicenseInfo. */
function scan({ filePath, region_code }, options) {
  const formData = {}
  if (region_code) formData.region_code = region_code
  return upload('/license/scan', Object.assign({ auth: false }, options, { filePath, name: 'image', formData }))
}

module.exports = { getRegions, lookup, scan }
