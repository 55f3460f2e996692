// 信用修复申请详情: status and current step, time limits, the return / refusal reason, listings,
// materials (opened with the token), the events; 补正后重新提交 when returned; 撤回 before acceptance or when
// returned; the 决定书 PDF once approved.
const config = require('../../../config')
const credit = require('../../../services/credit')
const session = require('../../../utils/session')
const wxa = require('../../../utils/wx-async')
const { openFile } = require('../../../utils/files')
const { toast } = require('../../../utils/request')
const { chinaDateTime } = require('../../../utils/datetime')

function view(a) {
  const limits = a.limits || {}
  return Object.assign({}, a, {
    submittedText: chinaDateTime(a.submitted_at),
    decidedText: a.decided_at ? chinaDateTime(a.decided_at) : '',
    canResubmit: (a.actions || []).indexOf('resubmit') >= 0,
    canWithdraw: (a.actions || []).indexOf('withdraw') >= 0,
    reasonTitle: a.status === 'refused' ? '不予修复原因' : '退回补正原因',
    showReason: !!a.last_reason && (a.status === 'returned' || a.status === 'refused'),
    limits,
    events: (a.events || [])
      .slice()
      .reverse()
      .map(ev => Object.assign({}, ev, { atText: chinaDateTime(ev.at) })),
  })
}

Page({
  data: { loading: true, error: '', app: null, resubmitting: false, comment: '', extra: [], sending: false, materialTypes: [] },

  onLoad(query) {
    this.id = query && query.id
    credit
      .getOptions({ showError: false })
      .then(opts => this.setData({ materialTypes: opts.material_types || [] }))
      .catch(() => null)
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.app, error: '' })
    return credit
      .getApplication(this.id, { showError: false })
      .then(a => this.setData({ loading: false, app: view(a) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openMaterial(e) {
    const m = this.data.app.materials[Number(e.currentTarget.dataset.index)]
    return openFile({ url: config.apiPrefix + '/credit/applications/' + this.data.app.id + '/files/' + m.file_id, content_type: m.content_type })
  },

  downloadLetter() {
    const token = session.getAccessToken()
    wx.showLoading({ title: '下载中', mask: true })
    return new Promise(resolve => {
      wx.downloadFile({
        url: credit.decisionLetterUrl(this.data.app.id),
        header: token ? { Authorization: 'Bearer ' + token } : {},
        success: res => {
          wx.hideLoading()
          if (res.statusCode !== 200) {
            wx.showToast({ title: res.statusCode === 401 ? '登录已过期，请重新进入页面' : '决定书下载失败', icon: 'none' })
            resolve(false)
            return
          }
          wx.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true, fail: () => wx.showToast({ title: '无法打开决定书', icon: 'none' }) })
          resolve(true)
        },
        fail: () => {
          wx.hideLoading()
          wx.showToast({ title: '决定书下载失败', icon: 'none' })
          resolve(false)
        },
      })
    })
  },

  toggleResubmit() {
    this.setData({ resubmitting: !this.data.resubmitting, comment: '', extra: [] })
  },

  onCommentInput(e) {
    this.setData({ comment: e.detail.value })
  },

  addExtra() {
    const types = this.data.materialTypes
    if (!types.length) return Promise.resolve()
    let type = null
    return wxa
      .actionSheet(types.map(t => t.label).slice(0, 6))
      .then(index => {
        if (index < 0) return null
        type = types[index]
        return wxa.chooseImage().then(path => credit.uploadMaterial(path, { loading: '上传中' }))
      })
      .then(file => {
        if (!file) return
        this.setData({ extra: this.data.extra.concat({ type: type.value, type_label: type.label, file_id: file.id }) })
      })
      .catch(err => {
        if (err && !wxa.isCancel(err) && !err.code) wx.showToast({ title: '未能选择文件', icon: 'none' })
      })
  },

  removeExtra(e) {
    const index = Number(e.currentTarget.dataset.index)
    this.setData({ extra: this.data.extra.filter((x, i) => i !== index) })
  },

  withdraw() {
    if (this.data.sending) return Promise.resolve()
    return wxa.confirm('撤回后本次申请结束，如需修复可重新申请。确定撤回吗？', '撤回申请').then(ok => {
      if (!ok) return null
      this.setData({ sending: true })
      return credit
        .withdraw(this.data.app.id, {}, { showError: false, loading: '撤回中' })
        .then(a => {
          this.setData({ sending: false, resubmitting: false })
          wx.showToast({ title: '已撤回', icon: 'success' })
          return a && a.events ? this.setData({ app: view(a) }) : this.load()
        })
        .catch(err => {
          this.setData({ sending: false })
          toast(err)
        })
    })
  },

  resubmit() {
    if (this.data.sending) return Promise.resolve()
    const comment = this.data.comment.trim()
    if (!comment) {
      wx.showToast({ title: '请填写补正说明', icon: 'none' })
      return Promise.resolve()
    }
    this.setData({ sending: true })
    return credit
      .resubmit(this.data.app.id, { comment, materials: this.data.extra.map(x => ({ type: x.type, file_id: x.file_id })) }, { showError: false, loading: '提交中' })
      .then(a => {
        this.setData({ sending: false, resubmitting: false, comment: '', extra: [] })
        wx.showToast({ title: '已重新提交', icon: 'success' })
        return a && a.events ? this.setData({ app: view(a) }) : this.load()
      })
      .catch(err => {
        this.setData({ sending: false })
        toast(err)
      })
  },
})
