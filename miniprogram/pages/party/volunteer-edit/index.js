// 志愿服务记录: date, place, what was done, who took part (members of this business and others by
// name), hours (> 0, one decimal), up to 9 photos uploaded as they are picked.
const party = require('../../../services/party')
const wxa = require('../../../utils/wx-async')
const { fieldErrors } = require('../../../utils/form-errors')

const FIELDS = ['service_date', 'place', 'content', 'participants', 'hours', 'photos']
const MAX_PHOTOS = 9

function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

Page({
  data: {
    id: null,
    loading: true,
    error: '',
    today: '',
    members: [],
    chosen: {},
    serviceDate: '',
    place: '',
    content: '',
    others: '',
    hours: '',
    photos: [], // [{id, name, path}]
    errors: {},
    saving: false,
  },

  onLoad(query) {
    const id = query && query.id
    this.setData({ id: id || null, today: today(), serviceDate: today() })
    const record = id ? party.getVolunteerRecord(id, { showError: false }) : Promise.resolve(null)
    return Promise.all([party.listMembers({ limit: 100 }, { showError: false }), record])
      .then(([members, r]) => {
        const patch = { loading: false, members: members.items || [] }
        if (r) {
          const chosen = {}
          const others = []
          ;(r.participants || []).forEach(p => {
            if (p.member_id) chosen[p.member_id] = true
            else others.push(p.name)
          })
          Object.assign(patch, {
            serviceDate: r.service_date,
            place: r.place,
            content: r.content,
            hours: String(r.hours),
            chosen,
            others: others.join('、'),
            photos: (r.photos || []).map(f => ({ id: f.id, name: f.name || '', path: '' })),
          })
        }
        this.setData(patch)
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  onInput(e) {
    const key = e.currentTarget.dataset.key
    this.setData({ [key]: e.detail.value, ['errors.' + e.currentTarget.dataset.field]: '' })
  },

  onDateChange(e) {
    this.setData({ serviceDate: e.detail.value, 'errors.service_date': '' })
  },

  toggleMember(e) {
    const id = e.currentTarget.dataset.id
    const chosen = Object.assign({}, this.data.chosen)
    if (chosen[id]) delete chosen[id]
    else chosen[id] = true
    this.setData({ chosen, 'errors.participants': '' })
  },

  addPhotos() {
    const room = MAX_PHOTOS - this.data.photos.length
    if (room <= 0) {
      wx.showToast({ title: '最多上传9张照片', icon: 'none' })
      return Promise.resolve()
    }
    return wxa
      .call('chooseMedia', { count: room, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      .then(res => {
        const paths = (res.tempFiles || []).map(f => f.tempFilePath).slice(0, room)
        return paths
          .reduce(
            (chain, path) =>
              chain.then(() =>
                party.uploadPhoto(path, { loading: '上传中' }).then(file => {
                  this.setData({ photos: this.data.photos.concat([{ id: file.id, name: file.name || '', path }]) })
                })
              ),
            Promise.resolve()
          )
          .catch(() => null)
      })
      .catch(err => {
        if (!wxa.isCancel(err)) wx.showToast({ title: '无法选择照片', icon: 'none' })
      })
  },

  removePhoto(e) {
    const photos = this.data.photos.slice()
    photos.splice(Number(e.currentTarget.dataset.index), 1)
    this.setData({ photos })
  },

  participants() {
    const fromMembers = Object.keys(this.data.chosen).map(id => ({ member_id: Number(id) }))
    const others = this.data.others
      .split(/[、,，\s]+/)
      .map(n => n.trim())
      .filter(Boolean)
      .map(name => ({ name }))
    return fromMembers.concat(others)
  },

  save() {
    if (this.data.saving) return Promise.resolve()
    const d = this.data
    const errors = {}
    if (!d.serviceDate) errors.service_date = '请选择服务日期'
    if (!d.place.trim()) errors.place = '请输入服务地点'
    if (!d.content.trim()) errors.content = '请输入服务内容'
    const participants = this.participants()
    if (!participants.length) errors.participants = '请选择或填写参与人'
    const hours = String(d.hours).trim()
    if (!/^\d{1,4}(\.\d)?$/.test(hours) || Number(hours) <= 0) errors.hours = '请输入服务时长（大于0，最多一位小数）'
    if (Object.keys(errors).length) {
      this.setData({ errors })
      return Promise.resolve()
    }
    const body = {
      service_date: d.serviceDate,
      place: d.place.trim(),
      content: d.content.trim(),
      participants,
      hours: Number(hours),
      photos: d.photos.map(p => p.id),
    }
    this.setData({ saving: true, errors: {} })
    const call = d.id
      ? party.updateVolunteerRecord(d.id, body, { loading: '保存中', showError: false })
      : party.createVolunteerRecord(body, { loading: '保存中', showError: false })
    return call
      .then(() => {
        this.setData({ saving: false })
        wx.showToast({ title: '已保存', icon: 'success' })
        wx.navigateBack()
      })
      .catch(err => {
        const errs = fieldErrors(err, FIELDS)
        if (err && err.code === 'PARTY_PHOTO_INVALID') errs.photos = err.message
        if (err && err.code === 'PARTY_MEMBER_INVALID') errs.participants = err.message
        this.setData({ saving: false, errors: errs })
        if (!Object.keys(errs).length) wx.showToast({ title: (err && err.message) || '保存失败', icon: 'none' })
      })
  },

  remove() {
    return wxa.confirm('确定删除这条志愿服务记录吗？', '删除记录').then(ok => {
      if (!ok) return null
      return party.deleteVolunteerRecord(this.data.id, { loading: '删除中' }).then(() => wx.navigateBack(), () => null)
    })
  },
})
