// 诉求 (appeals) of the current business: /api/v1/mp/appeals (docs/appeals.md).
const { get, post } = require('../utils/request')
const { upload } = require('../utils/upload')

/** GET /appeals/options → {types: [{value,label}], departments: [name], statuses, ratings, max_photos}. */
function getOptions(options) {
  return get('/appeals/options', undefined, Object.assign({ auth: false }, options))
}

/** POST /uploads (one image) → {id, name, content_type, size, url}. */
function uploadPhoto(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

/**
 * POST /appeals {title, type, department, content, photos: [file id]} →
 * {id, query_code, query_password, status, status_label, submitted_at, finish_due_at, notice}.
 * The password is in this reply only.
 */
function submitAppeal(data, options) {
  return post('/appeals', data, options)
}

/** GET /appeals → {items: [{id, title, type_label, status, status_label, submitted_at, …}], next}. */
function listMine(params, options) {
  return get('/appeals', params, options)
}

/** GET /appeals/{id} → detail with timeline, reply, rating and allowed_actions. */
function getAppeal(id, options) {
  return get('/appeals/' + id, undefined, options)
}

/** POST /appeals/query {code, password} → the same view as the detail (no login needed). */
function queryAppeal(code, password, options) {
  return post('/appeals/query', { code, password }, Object.assign({ auth: false }, options))
}

/** POST /appeals/{id}/rate {rating: satisfied|basic|dissatisfied, comment}. */
function rateAppeal(id, rating, comment, options) {
  return post('/appeals/' + id + '/rate', { rating, comment: comment || '' }, options)
}

/** POST /appeals/{id}/reopen {comment}: after 不满意, once. */
function reopenAppeal(id, comment, options) {
  return post('/appeals/' + id + '/reopen', { comment }, options)
}

module.exports = { getOptions, uploadPhoto, submitAppeal, listMine, getAppeal, queryAppeal, rateAppeal, reopenAppeal }
