// 诉求登记: title, type and department (choices from the API), content, up to 9 photos uploaded as
// they are picked. After submission the query code and password are shown — the password only this
// once — with copy buttons.
const appeals = require('../../../services/appeals')
const wxp = require('../../../utils/wx-async')
const { fieldErrors } = require('../../../utils/form-errors')

const FIELDS = ['title', 'type', 'department', 'content', 'photos']
const TITLE_MAX = 100
const CONTENT_MAX = 5000

/** '' when the form may be sent, else {field: message}. */
function validate(d) {
  const errors = {}
  const title = (d.title || '').trim()
  if (!title) errors.title = '请输入诉求标题'
  else if (title.length > TITLE_MAX) errors.title = '标题不能超过100字'
  if (d.typeIndex < 0) errors.type = '请选择诉求类型'
  if (d.departmentIndex < 0) errors.department = '请选择办理部门'
  const content = (d.content || '').trim()
  if (!content) errors.content = '请输入诉求内容'
  else if (content.length > CONTENT_MAX) errors.content = '诉求内容不能超过5000字'
  return errors
}

Page({
  data: {
    loading: true,
    loadError: '',
    types: [],
    departments: [],
    maxPhotos: 9,
    title: '',
    typeIndex: -1,
    typeLabel: '',
    departmentIndex: -1,
    departmentLabel: '',
    content: '',
    photos: [], // [{path, id}]
    uploading: false,
    errors: {},
    submitting: false,
    result: null,
  },

  onLoad() {
    return this.loadOptions()
  },

  loadOptions() {
    this.setData({ loading: true, loadError: '' })
    return appeals
      .getOptions({ showError: false })
      .then(opts =>
        this.setData({
          loading: false,
          types: opts.types || [],
          departments: opts.departments || [],
          maxPhotos: opts.max_photos || 9,
        })
      )
      .catch(err => this.setData({ loading: false, loadError: (err && err.message) || '加载失败' }))
  },

  onTitleInput(e) {
    this.setData({ title: e.detail.value, 'errors.title': '' })
  },

  onContentInput(e) {
    this.setData({ content: e.detail.value, 'errors.content': '' })
  },

  onTypeChange(e) {
    const index = Number(e.detail.value)
    const type = this.data.types[index]
    this.setData({ typeIndex: type ? index : -1, typeLabel: type ? type.label : '', 'errors.type': '' })
  },

  onDepartmentChange(e) {
    const index = Number(e.detail.value)
    const name = this.data.departments[index]
    this.setData({ departmentIndex: name ? index : -1, departmentLabel: name || '', 'errors.department': '' })
  },

  /** Pick images (as many as still fit) and upload them one after another. */
  addPhotos() {
    const room = this.data.maxPhotos - this.data.photos.length
    if (room <= 0) {
      wx.showToast({ title: '最多上传' + this.data.maxPhotos + '张照片', icon: 'none' })
      return Promise.resolve()
    }
    return wxp
      .call('chooseMedia', { count: room, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      .then(res => {
        const paths = (res.tempFiles || []).map(f => f.tempFilePath).slice(0, room)
        if (!paths.length) return null
        this.setData({ uploading: true, 'errors.photos': '' })
        return paths
          .reduce(
            (chain, path) =>
              chain.then(() =>
                appeals.uploadPhoto(path, { loading: '上传中' }).then(file => {
                  this.setData({ photos: this.data.photos.concat([{ path, id: file.id }]) })
                })
              ),
            Promise.resolve()
          )
          .catch(() => null) // the request util showed the message; the photos so far stay
          .then(() => this.setData({ uploading: false }))
      })
      .catch(err => {
        if (!wxp.isCancel(err)) wx.showToast({ title: '无法选择照片', icon: 'none' })
      })
  },

  removePhoto(e) {
    const index = Number(e.currentTarget.dataset.index)
    const photos = this.data.photos.slice()
    photos.splice(index, 1)
    this.setData({ photos })
  },

  previewPhoto(e) {
    const urls = this.data.photos.map(p => p.path)
    wx.previewImage({ urls, current: urls[Number(e.currentTarget.dataset.index)] })
  },

  submit() {
    if (this.data.submitting || this.data.uploading) return Promise.resolve()
    const errors = validate(this.data)
    if (Object.keys(errors).length) {
      this.setData({ errors })
      return Promise.resolve()
    }
    const d = this.data
    const payload = {
      title: d.title.trim(),
      type: d.types[d.typeIndex].value,
      department: d.departments[d.departmentIndex],
      content: d.content.trim(),
      photos: d.photos.map(p => p.id),
    }
    this.setData({ submitting: true, errors: {} })
    return appeals
      .submitAppeal(payload, { loading: '提交中', showError: false })
      .then(result => this.setData({ submitting: false, result }))
      .catch(err => {
        const errs = fieldErrors(err, FIELDS)
        if (err && err.code === 'APPEAL_DEPARTMENT_INVALID') errs.department = err.message
        if (err && err.code === 'APPEAL_FILE_INVALID') errs.photos = err.message
        this.setData({ submitting: false, errors: errs })
        if (!Object.keys(errs).length) wx.showToast({ title: (err && err.message) || '提交失败', icon: 'none' })
      })
  },

  copyCode() {
    wx.setClipboardData({ data: this.data.result.query_code })
  },

  copyPassword() {
    wx.setClipboardData({ data: this.data.result.query_password })
  },

  copyBoth() {
    const r = this.data.result
    wx.setClipboardData({ data: '查询码：' + r.query_code + '，查询密码：' + r.query_password })
  },

  /** Leave the result: back to 我的诉求 (redirect, so the one-time password cannot be revisited). */
  done() {
    wx.redirectTo({ url: '/pages/appeals/detail/index?id=' + this.data.result.id })
  },
})
