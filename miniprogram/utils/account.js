// Session use-cases shared by the home and mine tabs.
const session = require('./session')
const me = require('../services/me')
const auth = require('../services/auth')

const HOME_PAGE = '/pages/home/index/index'
const LOGIN_PAGE = '/pages/auth/login/index'

/** After login / register: keep tokens and profile, open the home tab. */
function enter(result) {
  session.save(result)
  wx.reLaunch({ url: HOME_PAGE })
}

/** GET /me and keep the result; resolves the profile. */
function refreshProfile(options) {
  return me.getMe(options).then(profile => {
    session.setProfile(profile)
    return profile
  })
}

/** Switch the current business; the API hands back new tokens that carry it. */
function switchBusiness(businessId) {
  return me.switchBusiness(businessId, { loading: '切换中' }).then(result => {
    session.save(result)
    return result.profile
  })
}

/** Revoke the refresh token (best effort) and forget the session. */
function signOut() {
  const refreshToken = session.getRefreshToken()
  session.clear()
  if (!refreshToken) return Promise.resolve()
  // The API may already consider the token dead; signing out locally must work regardless.
  return auth.logout(refreshToken, { auth: false, showError: false }).catch(() => {})
}

/** Businesses other than the current one. */
function otherBusinesses(profile) {
  if (!profile || !profile.businesses) return []
  const currentId = profile.current_business ? profile.current_business.id : null
  return profile.businesses.filter(b => b.id !== currentId)
}

module.exports = { HOME_PAGE, LOGIN_PAGE, enter, refreshProfile, switchBusiness, signOut, otherBusinesses }
