// 信用修复: /api/v1/mp/credit (docs/credit.md, SPEC K). Materials are files uploaded through /uploads.
const config = require('../config')
const { get, post } = require('../utils/request')
const { upload } = require('../utils/upload')

/** GET /credit/options (no login) → {kinds: [{value,label,title,guide,accept_days,decide_days,remove_days}], material_types, statuses}. */
function getOptions(options) {
  return get('/credit/options', undefined, Object.assign({ auth: false }, options))
}

/** GET /credit/businesses → {items}: the person's businesses with legal representative and masked ID. */
function listBusinesses(options) {
  return get('/credit/businesses', undefined, options)
}

/** POST /credit/verify {kind, business_id} | {kind, uscc, operator_name, id_number} → {business, kind, listings}. */
function verify(data, options) {
  return post('/credit/verify', data, options)
}

/** POST /uploads (one material file) → {id, content_type, size, url}. */
function uploadMaterial(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

/** POST /credit/applications {kind, guide_acknowledged, business_id | uscc+operator_name+id_number, listing_ids, materials, phone?, reason} → 201 with number. */
function submit(data, options) {
  return post('/credit/applications', data, options)
}

/** GET /credit/progress?phone= → {phone, items, next}; without phone: the login phone. */
function progress(params, options) {
  return get('/credit/progress', params, options)
}

/** GET /credit/applications/{id} → detail with listings, materials, events, actions, limits. */
function getApplication(id, options) {
  return get('/credit/applications/' + id, undefined, options)
}

/** POST /credit/applications/{id}/resubmit {comment, materials?}: only after a return. */
function resubmit(id, data, options) {
  return post('/credit/applications/' + id + '/resubmit', data, options)
}

/** POST /credit/applications/{id}/withdraw {comment?}: before acceptance or while returned (detail.actions has 'withdraw'). */
function withdraw(id, data, options) {
  return post('/credit/applications/' + id + '/withdraw', data || {}, options)
}

/** Absolute address of the 信用修复决定书 PDF (approved only); download it with the token. */
function decisionLetterUrl(id) {
  return config.apiBase + config.apiPrefix + '/credit/applications/' + id + '/decision-letter'
}

module.exports = { getOptions, listBusinesses, verify, uploadMaterial, submit, progress, getApplication, resubmit, withdraw, decisionLetterUrl }
