// 风险预警: the current business's 严重违法 listings, 列入异常 listings and 行政处罚, one tab each.
// Each tab loads when first opened and keeps its list; pull down reloads the open tab.
const risk = require('../../services/risk')

function emptyTab() {
  return { loaded: false, loading: false, error: '', items: [], next: null }
}

function moneyText(value, unit) {
  if (value === null || value === undefined || value === '') return ''
  return value + (unit || '万元')
}

function row(item) {
  if (item.record_type === 'penalty') {
    return Object.assign({}, item, {
      fineText: moneyText(item.fine_amount, item.amount_unit),
      confiscatedText: moneyText(item.confiscated_amount, item.amount_unit),
    })
  }
  return Object.assign({}, item, { removed: item.status === 'removed' })
}

Page({
  data: {
    tabs: risk.KINDS,
    active: 0,
    lists: risk.KINDS.map(emptyTab),
  },

  onLoad(query) {
    const index = risk.KINDS.findIndex(k => k.kind === (query && query.kind))
    if (index > 0) this.setData({ active: index })
    return this.load(this.data.active)
  },

  onPullDownRefresh() {
    return this.load(this.data.active).then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    return this.loadMore()
  },

  switchTab(e) {
    const index = Number(e.currentTarget.dataset.index)
    this.setData({ active: index })
    if (!this.data.lists[index].loaded) return this.load(index)
    return Promise.resolve()
  },

  retry() {
    return this.load(this.data.active)
  },

  load(index) {
    const key = 'lists[' + index + ']'
    const current = this.data.lists[index]
    this.setData({ [key + '.loading']: !current.loaded, [key + '.error']: '' })
    return risk
      .listRecords(risk.KINDS[index].kind, { limit: 20 }, { showError: false })
      .then(data =>
        this.setData({
          [key]: { loaded: true, loading: false, error: '', items: (data.items || []).map(row), next: data.next || null },
        })
      )
      .catch(err => this.setData({ [key + '.loading']: false, [key + '.error']: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    const index = this.data.active
    const tab = this.data.lists[index]
    if (!tab.next || tab.loading) return Promise.resolve()
    const key = 'lists[' + index + ']'
    return risk
      .listRecords(risk.KINDS[index].kind, { limit: 20, cursor: tab.next })
      .then(data =>
        this.setData({
          [key + '.items']: tab.items.concat((data.items || []).map(row)),
          [key + '.next']: data.next || null,
        })
      )
      .catch(() => null)
  },
})
