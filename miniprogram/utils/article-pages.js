// 新闻资讯 and 法律法规 share their pages' logic: a searchable list and a detail with the body as
// rich text. pages/news/* and pages/laws/* call these with their resource name.
const config = require('../config')
const content = require('../services/content')
const { chinaDate } = require('./datetime')

const TITLES = { news: '新闻资讯', laws: '法律法规' }

/** Relative API addresses in the body (images, links) become absolute; images fit the screen. */
function richBody(html) {
  if (!html) return ''
  return String(html)
    .replace(/(src|href)="(\/api\/[^"]*)"/g, (m, attr, url) => attr + '="' + config.apiBase + url + '"')
    .replace(/<img /g, '<img style="max-width:100%;height:auto;" ')
}

function listRow(item) {
  return Object.assign({}, item, { dateText: chinaDate(item.published_at) })
}

/** Page definition of the list of `res` ('news' | 'laws'). */
function listPage(res) {
  return {
    data: {
      res,
      heading: TITLES[res],
      q: '',
      searched: '',
      loading: true,
      error: '',
      items: [],
      next: null,
      loadingMore: false,
    },

    onLoad() {
      return this.load()
    },

    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },

    onReachBottom() {
      return this.loadMore()
    },

    onSearchInput(e) {
      this.setData({ q: e.detail.value })
    },

    search() {
      return this.load()
    },

    clearSearch() {
      this.setData({ q: '' })
      return this.load()
    },

    params(cursor) {
      const out = { limit: 20 }
      const q = this.data.q.trim()
      if (q) out.q = q
      if (cursor) out.cursor = cursor
      return out
    },

    load() {
      const searched = this.data.q.trim()
      this.setData({ loading: true, error: '' })
      return content
        .listArticles(res, this.params(), { showError: false })
        .then(data =>
          this.setData({ loading: false, searched, items: (data.items || []).map(listRow), next: data.next || null })
        )
        .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
    },

    loadMore() {
      if (!this.data.next || this.data.loadingMore) return Promise.resolve()
      this.setData({ loadingMore: true })
      return content
        .listArticles(res, this.params(this.data.next))
        .then(data =>
          this.setData({
            loadingMore: false,
            items: this.data.items.concat((data.items || []).map(listRow)),
            next: data.next || null,
          })
        )
        .catch(() => this.setData({ loadingMore: false }))
    },

    openItem(e) {
      wx.navigateTo({ url: '/pages/' + res + '/detail/index?id=' + e.currentTarget.dataset.id })
    },
  }
}

/** Page definition of the detail of one `res` item. */
function detailPage(res) {
  return {
    data: { loading: true, error: '', item: null },

    onLoad(query) {
      this.id = query && query.id
      return this.load()
    },

    load() {
      this.setData({ loading: true, error: '' })
      return content
        .getArticle(res, this.id, { showError: false })
        .then(item => {
          this.setData({
            loading: false,
            item: Object.assign({}, item, {
              dateText: chinaDate(item.published_at),
              effectiveText: chinaDate(item.effective_date),
              body: richBody(item.body_html),
              interpretation: richBody(item.interpretation_html),
              attachments: item.attachments || [],
            }),
          })
          if (wx.setNavigationBarTitle) wx.setNavigationBarTitle({ title: TITLES[res] })
        })
        .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
    },

    /** Download an attachment and open it with the system viewer. */
    openAttachment(e) {
      const file = this.data.item.attachments[Number(e.currentTarget.dataset.index)]
      if (!file) return
      const url = /^https?:\/\//.test(file.url) ? file.url : config.apiBase + file.url
      wx.showLoading({ title: '下载中', mask: true })
      wx.downloadFile({
        url,
        success: res => {
          wx.hideLoading()
          if (res.statusCode !== 200) {
            wx.showToast({ title: '附件下载失败', icon: 'none' })
            return
          }
          wx.openDocument({
            filePath: res.tempFilePath,
            showMenu: true,
            fail: () => wx.showToast({ title: '无法打开该附件', icon: 'none' }),
          })
        },
        fail: () => {
          wx.hideLoading()
          wx.showToast({ title: '附件下载失败', icon: 'none' })
        },
      })
    },
  }
}

module.exports = { TITLES, richBody, listPage, detailPage }
