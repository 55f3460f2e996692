// Shop-owner authentication: /api/v1/mp/auth/*, /accounts/register, /privacy-policy.
const { get, post } = require('../utils/request')

/** POST /auth/login {phone, password} → {token, profile}. Failures are 400 LOGIN_FAILED. */
function login({ phone, password }, options) {
  return post('/auth/login', { phone, password }, Object.assign({ auth: false }, options))
}

/** POST /auth/wechat {code, phone_code?} → {token, profile}; WECHAT_NOT_BOUND when unknown. */
function wechatLogin({ code, phone_code }, options) {
  const body = { code }
  if (phone_code) body.phone_code = phone_code
  return post('/auth/wechat', body, Object.assign({ auth: false }, options))
}

/** POST /auth/refresh {refresh_token} → {token}. utils/request.js refreshes by itself; this is for explicit use. */
function refresh(refreshToken, options) {
  return post('/auth/refresh', { refresh_token: refreshToken }, Object.assign({ auth: false }, options))
}

/** POST /auth/logout {refresh_token} → null. */
function logout(refreshToken, options) {
  return post('/auth/logout', { refresh_token: refreshToken }, options)
}

/** POST /accounts/register {region_code, uscc, phone, name, password, privacy_version, privacy_agreed} → {token, profile}. */
function register(form, options) {
  return post(
    '/accounts/register',
    {
      region_code: form.region_code,
      uscc: form.uscc,
      phone: form.phone,
      name: form.name,
      password: form.password,
      privacy_version: form.privacy_version,
      privacy_agreed: form.privacy_agreed === true,
    },
    Object.assign({ auth: false }, options)
  )
}

/** GET /privacy-policy → {version, title, content}. */
function getPrivacyPolicy(options) {
  return get('/privacy-policy', undefined, Object.assign({ auth: false }, options))
}

module.exports = { login, wechatLogin, refresh, logout, register, getPrivacyPolicy }
