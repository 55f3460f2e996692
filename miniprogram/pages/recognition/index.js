// 名特优新: the open 认定公告 that reach the current business, and my applications with their status
// (a returned or refused one shows the reviewer's reason).
const recognition = require('../../services/recognition')
const { chinaDate } = require('../../utils/datetime')

const TONES = { draft: 'orange', submitted: 'blue', accepted: 'blue', returned: 'red', recognised: 'green', refused: 'grey' }

function notice(n) {
  return Object.assign({}, n, {
    periodText: chinaDate(n.starts_at) + ' 至 ' + chinaDate(n.ends_at),
    categoryText: (n.categories || []).map(c => c.label).join(' / '),
  })
}

function application(a) {
  return Object.assign({}, a, { tone: TONES[a.status] || 'grey', canContinue: ['draft', 'returned'].indexOf(a.status) >= 0 })
}

Page({
  data: { loading: true, error: '', notices: [], applications: [] },

  onShow() {
    // also when coming back from the wizard: statuses may have changed
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: !this.data.notices.length && !this.data.applications.length, error: '' })
    return Promise.all([
      recognition.listNotices({ limit: 50 }, { showError: false }),
      recognition.listApplications({ limit: 50 }, { showError: false }),
    ])
      .then(([n, a]) =>
        this.setData({ loading: false, notices: (n.items || []).map(notice), applications: (a.items || []).map(application) })
      )
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openNotice(e) {
    wx.navigateTo({ url: '/pages/recognition/notice/index?id=' + e.currentTarget.dataset.id })
  },

  continueApplication(e) {
    wx.navigateTo({ url: '/pages/recognition/apply/index?notice=' + e.currentTarget.dataset.notice })
  },
})
