// 个体通 mini-program entry. Session state lives in utils/session.js (wx storage), so pages need
// nothing from globalData; the home and mine tabs refresh the profile each time they show.
App({
  globalData: {},
})
