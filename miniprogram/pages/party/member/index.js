// 党员信息: register a member, or edit / delete one. The ID number is sent only when registering (the
// API hands it back masked, so an edit never re-sends it); phone likewise only when typed anew.
const party = require('../../../services/party')
const wxa = require('../../../utils/wx-async')
const { checkName, checkIdNumber } = require('../../../utils/validate')
const { fieldErrors } = require('../../../utils/form-errors')

const FIELDS = ['name', 'gender', 'id_number', 'phone', 'joined_on', 'org_relation', 'position']
const GENDERS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
]
Page({
  data: {
    id: null,
    loading: false,
    error: '',
    genders: GENDERS,
    name: '',
    gender: '',
    idNumber: '',
    idMasked: '',
    phone: '',
    phoneMasked: '',
    joinedOn: '',
    orgRelation: '',
    position: '',
    errors: {},
    saving: false,
  },

  onLoad(query) {
    if (!query || !query.id) return undefined
    this.setData({ id: query.id, loading: true })
    if (wx.setNavigationBarTitle) wx.setNavigationBarTitle({ title: '编辑党员信息' })
    return party
      .getMember(query.id, { showError: false })
      .then(m =>
        this.setData({
          loading: false,
          name: m.name,
          gender: m.gender,
          idMasked: m.id_number_masked,
          phoneMasked: m.phone_masked || '',
          joinedOn: m.joined_on || '',
          orgRelation: m.org_relation || '',
          position: m.position || '',
        })
      )
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  onInput(e) {
    const key = e.currentTarget.dataset.key
    const field = e.currentTarget.dataset.field
    this.setData({ [key]: e.detail.value, ['errors.' + field]: '' })
  },

  chooseGender(e) {
    this.setData({ gender: e.currentTarget.dataset.value, 'errors.gender': '' })
  },

  onJoinedChange(e) {
    this.setData({ joinedOn: e.detail.value })
  },

  validate() {
    const d = this.data
    const errors = {}
    const nameMsg = checkName(d.name)
    if (nameMsg) errors.name = nameMsg
    if (!d.gender) errors.gender = '请选择性别'
    if (!d.id) {
      const idMsg = checkIdNumber(d.idNumber)
      if (idMsg) errors.id_number = idMsg
    }
    if (d.phone.trim() && !/^1[3-9]\d{9}$/.test(d.phone.trim())) errors.phone = '请输入正确的11位手机号'
    if (!d.orgRelation.trim()) errors.org_relation = '请输入党组织关系所在地'
    if (!d.position.trim()) errors.position = '请输入职务或岗位'
    return errors
  },

  save() {
    if (this.data.saving) return Promise.resolve()
    const errors = this.validate()
    if (Object.keys(errors).length) {
      this.setData({ errors })
      return Promise.resolve()
    }
    const d = this.data
    const body = { name: d.name.trim(), gender: d.gender, org_relation: d.orgRelation.trim(), position: d.position.trim() }
    if (d.joinedOn) body.joined_on = d.joinedOn
    if (d.phone.trim()) body.phone = d.phone.trim()
    if (!d.id) body.id_number = d.idNumber.trim().toUpperCase()
    this.setData({ saving: true, errors: {} })
    const call = d.id ? party.updateMember(d.id, body, { loading: '保存中', showError: false }) : party.createMember(body, { loading: '保存中', showError: false })
    return call
      .then(() => {
        this.setData({ saving: false })
        wx.showToast({ title: '已保存', icon: 'success' })
        wx.navigateBack()
      })
      .catch(err => {
        const errs = fieldErrors(err, FIELDS)
        if (err && err.code === 'PARTY_MEMBER_EXISTS') errs.id_number = err.message
        this.setData({ saving: false, errors: errs })
        if (!Object.keys(errs).length) wx.showToast({ title: (err && err.message) || '保存失败', icon: 'none' })
      })
  },

  remove() {
    return wxa.confirm('删除后，该党员未开始活动的报名将一并取消，确定删除吗？', '删除党员').then(ok => {
      if (!ok) return null
      return party.deleteMember(this.data.id, { loading: '删除中' }).then(() => {
        wx.showToast({ title: '已删除', icon: 'none' })
        wx.navigateBack()
      }, () => null)
    })
  },
})
