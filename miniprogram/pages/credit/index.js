// 信用修复: the four kinds (with their time limits) to start an application, and 进度查询.
const credit = require('../../services/credit')

Page({
  data: { loading: true, error: '', kinds: [] },

  onLoad() {
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return credit
      .getOptions({ showError: false })
      .then(opts => this.setData({ loading: false, kinds: opts.kinds || [] }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openKind(e) {
    wx.navigateTo({ url: '/pages/credit/apply/index?kind=' + e.currentTarget.dataset.kind })
  },

  goProgress() {
    wx.navigateTo({ url: '/pages/credit/progress/index' })
  },
})
