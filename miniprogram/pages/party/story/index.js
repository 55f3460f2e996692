// 先进事迹 detail: the story's body as rich text.
const party = require('../../../services/party')
const { richBody } = require('../../../utils/article-pages')
const { chinaDate } = require('../../../utils/datetime')

Page({
  data: { loading: true, error: '', story: null },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return party
      .getStory(this.id, { showError: false })
      .then(s => this.setData({ loading: false, story: Object.assign({}, s, { body: richBody(s.body_html), dateText: chinaDate(s.published_at) }) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },
})
