// 诉求查询: anyone holding an appeal's query code and password sees its progress and reply.
const appeals = require('../../../services/appeals')

Page({
  data: {
    code: '',
    password: '',
    errors: {},
    error: '',
    querying: false,
    appeal: null,
  },

  onLoad(query) {
    if (query && query.code) this.setData({ code: decodeURIComponent(query.code) })
  },

  onCodeInput(e) {
    this.setData({ code: e.detail.value, 'errors.code': '', error: '' })
  },

  onPasswordInput(e) {
    this.setData({ password: e.detail.value, 'errors.password': '', error: '' })
  },

  query() {
    if (this.data.querying) return Promise.resolve()
    const code = this.data.code.trim().toUpperCase()
    const password = this.data.password.trim()
    const errors = {}
    if (!code) errors.code = '请输入查询码'
    if (!password) errors.password = '请输入查询密码'
    if (Object.keys(errors).length) {
      this.setData({ errors })
      return Promise.resolve()
    }
    this.setData({ querying: true, errors: {}, error: '' })
    return appeals
      .queryAppeal(code, password, { loading: '查询中', showError: false })
      .then(appeal => this.setData({ querying: false, appeal }))
      .catch(err => this.setData({ querying: false, appeal: null, error: (err && err.message) || '查询失败' }))
  },

  again() {
    this.setData({ appeal: null, password: '' })
  },
})
