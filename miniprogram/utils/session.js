// The signed-in person's tokens and profile, kept in wx storage so they survive restarts.
const TOKEN_KEY = 'getitong.token'
const PROFILE_KEY = 'getitong.profile'

function read(key) {
  try {
    return wx.getStorageSync(key) || null
  } catch (err) {
    return null
  }
}

function getToken() {
  return read(TOKEN_KEY)
}

function getAccessToken() {
  const token = getToken()
  return token ? token.access_token : ''
}

function getRefreshToken() {
  const token = getToken()
  return token ? token.refresh_token : ''
}

function setToken(token) {
  wx.setStorageSync(TOKEN_KEY, {
    access_token: token.access_token,
    refresh_token: token.refresh_token,
    token_type: token.token_type || 'Bearer',
    expires_in: token.expires_in,
  })
}

function getProfile() {
  return read(PROFILE_KEY)
}

function setProfile(profile) {
  wx.setStorageSync(PROFILE_KEY, profile)
}

/** Store what login, register and switch-business return: `{token, profile}`. */
function save({ token, profile }) {
  if (token) setToken(token)
  if (profile) setProfile(profile)
}

function isLoggedIn() {
  return !!getRefreshToken()
}

function clear() {
  wx.removeStorageSync(TOKEN_KEY)
  wx.removeStorageSync(PROFILE_KEY)
}

module.exports = {
  getToken,
  getAccessToken,
  getRefreshToken,
  setToken,
  getProfile,
  setProfile,
  save,
  isLoggedIn,
  clear,
}
