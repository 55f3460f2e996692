// 个体户登记: my applications (status, the failed rules while a person reviews it) and 新办登记. A draft or an
// application waiting for signatures opens the wizard at its first unfinished step; the others open the outcome.
const registration = require('../../services/registration')
const { chinaDateTime } = require('../../utils/datetime')

const TONES = { draft: 'orange', signing: 'orange', reviewing: 'blue', approved: 'green', refused: 'red', withdrawn: 'grey' }
const IN_WIZARD = ['draft', 'signing']

function item(a) {
  return Object.assign({}, a, {
    title: a.name || a.business_type_label + '（未申报名称）',
    tone: TONES[a.status] || 'grey',
    inWizard: IN_WIZARD.indexOf(a.status) >= 0,
    createdText: chinaDateTime(a.created_at),
    failedText: (a.failed_rules || []).map(r => r.label).join('；'),
  })
}

Page({
  data: { loading: true, error: '', items: [], next: null, loadingMore: false },

  onShow() {
    // also when coming back from the wizard: statuses may have changed
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    return this.loadMore()
  },

  load() {
    this.setData({ loading: !this.data.items.length, error: '' })
    return registration
      .list({ limit: 20 }, { showError: false })
      .then(page => this.setData({ loading: false, items: (page.items || []).map(item), next: page.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return registration
      .list({ limit: 20, cursor: this.data.next })
      .then(page => this.setData({ loadingMore: false, items: this.data.items.concat((page.items || []).map(item)), next: page.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  startNew() {
    wx.navigateTo({ url: '/pages/registration/apply/index' })
  },

  open(e) {
    const id = e.currentTarget.dataset.id
    const found = this.data.items.find(a => String(a.id) === String(id))
    const page = found && found.inWizard ? 'apply' : 'result'
    wx.navigateTo({ url: '/pages/registration/' + page + '/index?id=' + id })
  },
})
