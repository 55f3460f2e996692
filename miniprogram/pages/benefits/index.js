// 免申即享: the items pushed to the current business, filtered by status; 待确认 ones are confirmed in
// the detail page.
const policies = require('../../services/policies')
const { chinaDate } = require('../../utils/datetime')

const TABS = [
  { value: '', label: '全部' },
  { value: 'pushed', label: '待确认' },
  { value: 'confirmed', label: '已确认' },
  { value: 'forwarded', label: '已提交平台' },
  { value: 'accepted', label: '平台已受理' },
  { value: 'rejected', label: '平台未通过' },
  { value: 'paid', label: '已兑现' },
]

function view(e) {
  return Object.assign({}, e, { pushedText: chinaDate(e.pushed_at), amountText: e.benefit && e.benefit.amount ? e.benefit.amount + '元' : '' })
}

Page({
  data: { tabs: TABS, status: '', loading: true, error: '', items: [], next: null, loadingMore: false },

  onLoad() {
    return this.load()
  },

  onShow() {
    // back from a confirmation: the status changed
    if (this.shownOnce) return this.load()
    this.shownOnce = true
    return undefined
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    return this.loadMore()
  },

  params(cursor) {
    const out = { limit: 20 }
    if (this.data.status) out.status = this.data.status
    if (cursor) out.cursor = cursor
    return out
  },

  load() {
    this.setData({ loading: true, error: '' })
    return policies
      .listBenefits(this.params(), { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(view), next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return policies
      .listBenefits(this.params(this.data.next))
      .then(data => this.setData({ loadingMore: false, items: this.data.items.concat((data.items || []).map(view)), next: data.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  chooseStatus(e) {
    this.setData({ status: e.currentTarget.dataset.value })
    return this.load()
  },

  openItem(e) {
    wx.navigateTo({ url: '/pages/benefits/detail/index?id=' + e.currentTarget.dataset.id })
  },
})
