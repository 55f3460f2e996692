// 认定公告: 须知, categories with their requirements, the period; 在线申请 / 继续填写 opens the wizard.
const recognition = require('../../../services/recognition')
const { chinaDate } = require('../../../utils/datetime')

function actionOf(n) {
  const mine = n.my_application
  if (mine && mine.status === 'draft') return { text: '继续填写', go: true }
  if (mine && mine.status === 'returned') return { text: '补正后重新提交', go: true }
  if (mine) return { text: '', go: false }
  if (n.period_state === 'ended') return { text: '', go: false }
  // a draft may be prepared before the period starts; it is submitted once it opens
  return { text: n.period_state === 'not_started' ? '提前准备申请材料' : '在线申请', go: true }
}

Page({
  data: { loading: true, error: '', notice: null, action: null },

  onLoad(query) {
    this.id = query && query.id
  },

  onShow() {
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.notice, error: '' })
    return recognition
      .getNotice(this.id, { showError: false })
      .then(n =>
        this.setData({
          loading: false,
          notice: Object.assign({}, n, { periodText: chinaDate(n.starts_at) + ' 至 ' + chinaDate(n.ends_at) }),
          action: actionOf(n),
        })
      )
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  apply() {
    wx.navigateTo({ url: '/pages/recognition/apply/index?notice=' + this.data.notice.id })
  },
})
