// 小个专党建 of the current business: /api/v1/mp/party (docs/party.md).
const { get, post, request } = require('../utils/request')
const { upload } = require('../utils/upload')

const BASE = '/party'

function patch(url, data, options) {
  return request(Object.assign({}, options, { url, method: 'PATCH', data }))
}

function del(url, options) {
  return request(Object.assign({}, options, { url, method: 'DELETE' }))
}

// ---- 党员管理

/** GET /members?q → {items: [{id, name, gender_label, id_number_masked, phone_masked, joined_on, org_relation, position}], next}. */
function listMembers(params, options) {
  return get(BASE + '/members', params, options)
}

function getMember(id, options) {
  return get(BASE + '/members/' + id, undefined, options)
}

/** POST /members {name, gender, id_number, phone?, joined_on?, org_relation, position}. */
function createMember(data, options) {
  return post(BASE + '/members', data, options)
}

/** PATCH /members/{id} (partial). */
function updateMember(id, data, options) {
  return patch(BASE + '/members/' + id, data, options)
}

function deleteMember(id, options) {
  return del(BASE + '/members/' + id, options)
}

// ---- 党员活动

/** GET /activities?when=open|upcoming|past → {items, next}. */
function listActivities(params, options) {
  return get(BASE + '/activities', params, options)
}

/** GET /activities/{id} → detail with my_signups, remaining, can_sign_up, can_cancel_signup, can_check_in. */
function getActivity(id, options) {
  return get(BASE + '/activities/' + id, undefined, options)
}

/** POST /activities/{id}/signups {member_ids} → the activity. All or none. */
function signUp(activityId, memberIds, options) {
  return post(BASE + '/activities/' + activityId + '/signups', { member_ids: memberIds }, options)
}

/** DELETE /activities/{id}/signups/{member_id} → the activity. */
function cancelSignup(activityId, memberId, options) {
  return del(BASE + '/activities/' + activityId + '/signups/' + memberId, options)
}

/** POST /checkin/scan {token: scanned text} → the activity with this business's sign-ups. */
function scanCheckin(token, options) {
  return post(BASE + '/checkin/scan', { token }, options)
}

/** POST /checkin {token, member_ids} → {activity, checked_in_at, members, message}. */
function checkIn(token, memberIds, options) {
  return post(BASE + '/checkin', { token, member_ids: memberIds }, options)
}

// ---- 志愿服务

/** GET /volunteer-records?date_from&date_to → {items, next}. */
function listVolunteerRecords(params, options) {
  return get(BASE + '/volunteer-records', params, options)
}

function getVolunteerRecord(id, options) {
  return get(BASE + '/volunteer-records/' + id, undefined, options)
}

/** POST /volunteer-records {service_date, place, content, participants: [{member_id}|{name}], hours, photos}. */
function createVolunteerRecord(data, options) {
  return post(BASE + '/volunteer-records', data, options)
}

function updateVolunteerRecord(id, data, options) {
  return patch(BASE + '/volunteer-records/' + id, data, options)
}

function deleteVolunteerRecord(id, options) {
  return del(BASE + '/volunteer-records/' + id, options)
}

/** POST /uploads (one image) → {id, name, …}. */
function uploadPhoto(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

// ---- 先进事迹 (public)

function listStories(params, options) {
  return get(BASE + '/stories', params, options)
}

/** GET /stories/{id} → {title, summary, subject, cover_url, org, published_at, body_html}. */
function getStory(id, options) {
  return get(BASE + '/stories/' + id, undefined, options)
}

module.exports = {
  listMembers,
  getMember,
  createMember,
  updateMember,
  deleteMember,
  listActivities,
  getActivity,
  signUp,
  cancelSignup,
  scanCheckin,
  checkIn,
  listVolunteerRecords,
  getVolunteerRecord,
  createVolunteerRecord,
  updateVolunteerRecord,
  deleteVolunteerRecord,
  uploadPhoto,
  listStories,
  getStory,
}
