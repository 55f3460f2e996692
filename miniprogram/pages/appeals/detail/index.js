// 诉求详情: the appeal with its timeline and reply; 评价 once it is answered, and 不满意重新办理 once
// after a 不满意 rating. What the person may do comes from the API's allowed_actions.
const appeals = require('../../../services/appeals')

const RATINGS = [
  { value: 'satisfied', label: '满意' },
  { value: 'basic', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
]

Page({
  data: {
    id: null,
    loading: true,
    error: '',
    appeal: null,
    canRate: false,
    canReopen: false,
    ratings: RATINGS,
    rating: '',
    comment: '',
    reopenComment: '',
    errors: {},
    sending: false,
  },

  onLoad(query) {
    this.setData({ id: query && query.id })
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: !this.data.appeal, error: '' })
    return appeals
      .getAppeal(this.data.id, { showError: false })
      .then(appeal => this.show(appeal))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  show(appeal) {
    const actions = appeal.allowed_actions || []
    this.setData({
      loading: false,
      appeal,
      canRate: actions.indexOf('rate') >= 0,
      canReopen: actions.indexOf('reopen') >= 0,
    })
  },

  chooseRating(e) {
    this.setData({ rating: e.currentTarget.dataset.value, 'errors.rating': '' })
  },

  onCommentInput(e) {
    this.setData({ comment: e.detail.value })
  },

  onReopenInput(e) {
    this.setData({ reopenComment: e.detail.value, 'errors.reopen': '' })
  },

  rate() {
    if (this.data.sending) return Promise.resolve()
    if (!this.data.rating) {
      this.setData({ 'errors.rating': '请选择评价' })
      return Promise.resolve()
    }
    this.setData({ sending: true })
    return appeals
      .rateAppeal(this.data.appeal.id, this.data.rating, this.data.comment.trim(), { loading: '提交中' })
      .then(appeal => {
        wx.showToast({ title: '评价成功', icon: 'success' })
        this.setData({ sending: false, rating: '', comment: '' })
        return appeal && appeal.timeline ? this.show(appeal) : this.load()
      })
      .catch(() => this.setData({ sending: false }))
  },

  reopen() {
    if (this.data.sending) return Promise.resolve()
    const comment = this.data.reopenComment.trim()
    if (!comment) {
      this.setData({ 'errors.reopen': '请说明需要重新办理的原因' })
      return Promise.resolve()
    }
    this.setData({ sending: true })
    return appeals
      .reopenAppeal(this.data.appeal.id, comment, { loading: '提交中' })
      .then(appeal => {
        wx.showToast({ title: '已申请重新办理', icon: 'none' })
        this.setData({ sending: false, reopenComment: '' })
        return appeal && appeal.timeline ? this.show(appeal) : this.load()
      })
      .catch(() => this.setData({ sending: false }))
  },
})
