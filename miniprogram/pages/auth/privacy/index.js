// 《隐私服务政策》: GET /privacy-policy.
const auth = require('../../../services/auth')

Page({
  data: {
    loading: true,
    error: '',
    policy: null,
  },

  onLoad() {
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return auth
      .getPrivacyPolicy({ showError: false })
      .then(policy => {
        this.setData({ loading: false, policy })
        if (policy && policy.title) wx.setNavigationBarTitle({ title: policy.title })
      })
      .catch(err => {
        this.setData({ loading: false, error: (err && err.message) || '加载失败' })
      })
  },
})
