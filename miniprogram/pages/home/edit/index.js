// 编辑首页: 我的应用 (× removes, ↑/↓ reorders) and 更多应用 (+ adds); 保存 sends the whole ordered
// list in one PUT, 恢复默认 goes back to the catalogue's default apps. The home tab reloads in onShow.
const home = require('../../../services/home')
const wxAsync = require('../../../utils/wx-async')
const { decorate } = require('../../../utils/app-icons')

// The API keeps at most 30 apps on a home screen (VALIDATION_ERROR beyond that).
const MAX_APPS = 30

function codes(list) {
  return list.map(a => a.code)
}

function sameCodes(a, b) {
  return a.length === b.length && a.every((code, i) => code === b[i])
}

Page({
  data: {
    loading: true,
    error: '',
    mine: [],
    available: [],
    original: [],
    changed: false,
    saving: false,
    resetting: false,
  },

  onLoad() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    return home
      .getMyApps({ showError: false })
      .then(data => this.showLayout(data))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  /** Show a {apps, available} reply as the saved state. */
  showLayout(data) {
    const mine = (data.apps || []).map(decorate)
    this.setData({
      loading: false,
      error: '',
      mine,
      available: (data.available || []).map(decorate),
      original: codes(mine),
      changed: false,
    })
  },

  /** Apply an edit to the two lists and recompute whether 保存 has something to save. */
  update(mine, available) {
    this.setData({ mine, available, changed: !sameCodes(codes(mine), this.data.original) })
  },

  remove(e) {
    const index = this.data.mine.findIndex(a => a.code === e.currentTarget.dataset.code)
    if (index < 0) return
    const mine = this.data.mine.slice()
    const removed = mine.splice(index, 1)[0]
    this.update(mine, this.data.available.concat([removed]))
  },

  add(e) {
    const index = this.data.available.findIndex(a => a.code === e.currentTarget.dataset.code)
    if (index < 0) return
    if (this.data.mine.length >= MAX_APPS) {
      wx.showToast({ title: '首页最多添加' + MAX_APPS + '个应用', icon: 'none' })
      return
    }
    const available = this.data.available.slice()
    const added = available.splice(index, 1)[0]
    this.update(this.data.mine.concat([added]), available)
  },

  move(code, step) {
    const mine = this.data.mine.slice()
    const from = mine.findIndex(a => a.code === code)
    const to = from + step
    if (from < 0 || to < 0 || to >= mine.length) return
    const moved = mine[from]
    mine[from] = mine[to]
    mine[to] = moved
    this.update(mine, this.data.available)
  },

  moveUp(e) {
    this.move(e.currentTarget.dataset.code, -1)
  },

  moveDown(e) {
    this.move(e.currentTarget.dataset.code, 1)
  },

  save() {
    if (!this.data.changed || this.data.saving) return Promise.resolve()
    this.setData({ saving: true })
    return home
      .saveApps(codes(this.data.mine), { loading: '保存中' })
      .then(data => {
        this.showLayout(data)
        this.setData({ saving: false })
        wx.showToast({ title: '保存成功', icon: 'success' })
        wx.navigateBack({ delta: 1 })
      })
      .catch(() => {
        // request.js has shown the API's message (e.g. an app staff just disabled).
        this.setData({ saving: false })
      })
  },

  reset() {
    if (this.data.resetting) return Promise.resolve()
    return wxAsync
      .confirm('首页应用将恢复为默认设置，确定吗？', '恢复默认')
      .then(ok => {
        if (!ok) return null
        this.setData({ resetting: true })
        return home.resetApps({ loading: '恢复中' }).then(data => {
          this.showLayout(data)
          this.setData({ resetting: false })
          wx.showToast({ title: '已恢复默认', icon: 'success' })
        })
      })
      .catch(() => {
        this.setData({ resetting: false })
      })
  },
})
