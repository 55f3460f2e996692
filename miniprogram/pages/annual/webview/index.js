// The national publicity system (国家企业信用信息公示系统) in a web-view. The address comes from the API
// (`url` of GET /annual-report), passed here encoded in the query.
Page({
  data: {
    url: '',
    failed: false,
  },

  onLoad(query) {
    let url = ''
    try {
      url = decodeURIComponent((query && query.url) || '')
    } catch (err) {
      url = ''
    }
    // Only web addresses: anything else would fail inside the web-view with no explanation.
    this.setData({ url: /^https?:\/\//.test(url) ? url : '', failed: false })
  },

  // A web-view that cannot load (e.g. the domain is not a configured 业务域名) leaves this fallback.
  onError() {
    this.setData({ failed: true })
  },

  copyUrl() {
    if (this.data.url) wx.setClipboardData({ data: this.data.url })
  },
})
