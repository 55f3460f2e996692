// The signed-in shop owner: /api/v1/mp/me*, /uploads.
const { get, post } = require('../utils/request')
const { upload } = require('../utils/upload')

/** GET /me → profile {person, current_business, businesses}. */
function getMe(options) {
  return get('/me', undefined, options)
}

/** POST /me/switch-business {business_id} → {token, profile}; the new tokens carry the business. */
function switchBusiness(businessId, options) {
  return post('/me/switch-business', { business_id: businessId }, options)
}

/** POST /me/businesses {region_code, uscc} → profile (links another business this person operates). */
function addBusiness({ region_code, uscc }, options) {
  return post('/me/businesses', { region_code, uscc }, options)
}

/** POST /me/wechat {code} → profile (binds WeChat to the signed-in person). */
function bindWechat(code, options) {
  return post('/me/wechat', { code }, options)
}

/** POST /uploads multipart `file` → {id, sha256, content_type, size, url}. */
function uploadFile(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

module.exports = { getMe, switchBusiness, addBusiness, bindWechat, uploadFile }
