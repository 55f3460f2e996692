// 年度报告: the report year being filed, its window, this year's status for the current business, a
// reminder while it is due, the years on record, and the way to the national publicity system
// (国家企业信用信息公示系统), opened in a web-view — reports are filed there, not here.
const annual = require('../../services/annual')

const WEBVIEW_PAGE = '/pages/annual/webview/index'

// status → tag colour (status is null when no report is owed: 无需报送)
const STATUS_TONES = { reported: 'green', late: 'orange', missing: 'red' }

function view(data) {
  const window = data.window || {}
  return {
    year: data.year,
    window,
    required: data.required !== false,
    status: data.status || null,
    statusLabel: data.status_label || '无需报送',
    statusTone: STATUS_TONES[data.status] || 'grey',
    reminder: !!data.reminder,
    url: data.url || '',
    history: (data.history || []).map(h =>
      Object.assign({}, h, { tone: STATUS_TONES[h.status] || 'grey' })
    ),
  }
}

Page({
  data: {
    loading: true,
    error: '',
    report: null,
  },

  onLoad() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: !this.data.report, error: '' })
    return annual
      .getAnnualReport({ showError: false })
      .then(data => this.setData({ loading: false, report: view(data || {}) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openReport() {
    const url = this.data.report && this.data.report.url
    if (!url) {
      wx.showToast({ title: '暂未配置年报网址', icon: 'none' })
      return
    }
    wx.navigateTo({ url: WEBVIEW_PAGE + '?url=' + encodeURIComponent(url) })
  },

  copyUrl() {
    const url = this.data.report && this.data.report.url
    if (!url) return
    wx.setClipboardData({ data: url })
  },
})
