// 名特优新 (recognition): notices and this business's applications, /api/v1/mp/recognition
// (docs/recognition.md). The application is a wizard whose steps are saved one by one as a draft.
const { get, post, request } = require('../utils/request')
const { upload } = require('../utils/upload')

const BASE = '/recognition'

/** GET /options → {categories, steps, statuses, subject_types, material_types, introduction_length, max_qualification_images, max_materials}. */
function getOptions(options) {
  return get(BASE + '/options', undefined, Object.assign({ auth: false }, options))
}

/** GET /notices → {items: [{id, title, categories, starts_at, ends_at, period_state_label, is_open, my_application}], next}. */
function listNotices(params, options) {
  return get(BASE + '/notices', params, options)
}

/** GET /notices/{id} → the notice with content (须知), promise (承诺书), categories with requirements. */
function getNotice(id, options) {
  return get(BASE + '/notices/' + id, undefined, options)
}

/** POST /notices/{id}/application → start the draft or resume the draft / returned application. */
function startApplication(noticeId, options) {
  return post(BASE + '/notices/' + noticeId + '/application', {}, options)
}

/** GET /notices/{id}/application → {step (resume here; null when complete), steps, data, status, reason, allowed_actions}. */
function getApplicationOf(noticeId, options) {
  return get(BASE + '/notices/' + noticeId + '/application', undefined, options)
}

/** PUT /notices/{id}/application/steps/{step} → the application after saving that step. */
function saveStep(noticeId, step, data, options) {
  return request(Object.assign({}, options, { url: BASE + '/notices/' + noticeId + '/application/steps/' + step, method: 'PUT', data }))
}

/** POST /notices/{id}/application/submit: submit a draft or resubmit a returned application. */
function submitApplication(noticeId, options) {
  return post(BASE + '/notices/' + noticeId + '/application/submit', {}, options)
}

/** POST /notices/{id}/application/cancel: discard the draft and all it holds. */
function cancelApplication(noticeId, options) {
  return post(BASE + '/notices/' + noticeId + '/application/cancel', {}, options)
}

/** GET /applications → my applications: notice, category, status, reviewer's reason. */
function listApplications(params, options) {
  return get(BASE + '/applications', params, options)
}

/** GET /applications/{id} → one application with its timeline. */
function getApplication(id, options) {
  return get(BASE + '/applications/' + id, undefined, options)
}

/** POST /uploads (an image or a PDF) → {id, name, content_type, size}. */
function uploadFile(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

module.exports = {
  getOptions,
  listNotices,
  getNotice,
  startApplication,
  getApplicationOf,
  saveStep,
  submitApplication,
  cancelApplication,
  listApplications,
  getApplication,
  uploadFile,
}
