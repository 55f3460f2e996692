// 政策详情: the matched policy's text (plain text, shown as text), issuer, validity and targeting.
const policies = require('../../../services/policies')
const { chinaDate } = require('../../../utils/datetime')

function view(p) {
  const t = p.targeting || {}
  const list = v => (v && v.length ? v.map(x => (typeof x === 'string' ? x : x.label || x.name)).join('、') : '')
  return Object.assign({}, p, {
    publishedText: chinaDate(p.published_at),
    validText: (p.valid_from || '') + (p.valid_from || p.valid_to ? ' 至 ' : '') + (p.valid_to || (p.valid_from ? '长期' : '长期有效')),
    scaleText: list(t.scale_types) || '不限',
    tagText: list(t.tags) || '不限',
    industryText: list(t.industries) || '不限',
    regionText: list(t.regions) || '不限',
  })
}

Page({
  data: { loading: true, error: '', policy: null },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.policy, error: '' })
    return policies
      .getPolicy(this.id, { showError: false })
      .then(p => this.setData({ loading: false, policy: view(p) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },
})
