// 小个专党建: the four parts (党员管理, 党员活动, 志愿服务, 先进事迹) and 扫码签到.
const { scanToCheckin } = require('../../utils/party-checkin')

const ENTRIES = [
  { key: 'members', name: '党员管理', desc: '登记和维护本店党员信息', glyph: '员', url: '/pages/party/members/index' },
  { key: 'activities', name: '党员活动', desc: '活动报名、扫码签到', glyph: '活', url: '/pages/party/activities/index' },
  { key: 'volunteer', name: '志愿服务', desc: '记录党员志愿服务', glyph: '志', url: '/pages/party/volunteer/index' },
  { key: 'stories', name: '先进事迹', desc: '身边的优秀党员故事', glyph: '事', url: '/pages/party/stories/index' },
]

Page({
  data: { entries: ENTRIES },

  open(e) {
    wx.navigateTo({ url: e.currentTarget.dataset.url })
  },

  scan() {
    return scanToCheckin()
  },
})
