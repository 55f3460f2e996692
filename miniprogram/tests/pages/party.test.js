jest.mock('../../services/party')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, trigger } = require('../helpers/page')
const party = require('../../services/party')
const { checkIdNumber } = require('../../utils/validate')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())
const TOKEN = 'gtt-party:1.1796000000.abcdefghijklmnopqrstuv'

function member(id, name, overrides = {}) {
  return Object.assign(
    { id, name, gender: 'female', gender_label: '女', id_number_masked: '4202**********0029', phone_masked: '139****5678', joined_on: '2010-07-01', org_relation: '下陆区个体私营企业党委', position: '店长' },
    overrides
  )
}

function activity(overrides = {}) {
  return Object.assign(
    {
      id: 1,
      title: '“小个专”党员主题党日活动',
      place: '团城山街道党群服务中心',
      starts_at: '2026-12-01T01:00:00+00:00',
      ends_at: '2026-12-01T04:00:00+00:00',
      capacity: 60,
      remaining: 59,
      status: 'published',
      status_label: '已发布',
      phase: 'not_started',
      phase_label: '未开始',
      checkin_opens_at: '2026-12-01T00:30:00+00:00',
      checkin_closes_at: '2026-12-01T04:00:00+00:00',
      org: { id: 19, name: '黄石市下陆区市场监督管理局' },
      cancel_reason: '',
      my_signup_count: 1,
      description: '重温入党誓词',
      my_signups: [{ member_id: 1, member_name: '李四', checked_in: false }],
      can_sign_up: true,
      can_cancel_signup: true,
      can_check_in: false,
    },
    overrides
  )
}

describe('小个专党建 hub', () => {
  test('four parts open their pages; 扫码签到 scans and opens the check-in page with the text', async () => {
    const page = loadPage('pages/party/index')
    await flush()
    expect(texts(page, '.party__name')).toEqual(['党员管理', '党员活动', '志愿服务', '先进事迹'])
    await tap(page, '#entry-activities')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/party/activities/index' })
    wx.__responses.scanCode = { result: TOKEN }
    await tap(page, '#scan')
    expect(wx.scanCode).toHaveBeenCalledWith(expect.objectContaining({ scanType: ['qrCode'] }))
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/party/checkin/index?token=' + encodeURIComponent(TOKEN) })
  })

  test('backing out of the scanner does nothing', async () => {
    const page = loadPage('pages/party/index')
    await flush()
    wx.__failures.scanCode = { errMsg: 'scanCode:fail cancel' }
    await tap(page, '#scan')
    expect(wx.navigateTo).not.toHaveBeenCalled()
    expect(wx.showToast).not.toHaveBeenCalled()
  })
})

describe('党员管理', () => {
  test('lists members masked; empty state; add opens the form', async () => {
    party.listMembers.mockResolvedValueOnce({ items: [member(1, '李四')], next: null })
    const page = loadPage('pages/party/members/index')
    await flush()
    expect(textOf(page, '.party-member__name')).toContain('李四')
    expect(textOf(page, '#member-1')).toContain('4202**********0029')
    await tap(page, '#member-1')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/party/member/index?id=1' })
    await tap(page, '#add')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/party/member/index' })
  })

  test('GB 11643 ID numbers: length, birth date and check digit', () => {
    expect(checkIdNumber('420204198503150029')).toBe('')
    expect(checkIdNumber('42020419850315002')).toBe('身份证号码应为18位')
    expect(checkIdNumber('420204198502300029')).toBe('身份证号码中的出生日期无效')
    expect(checkIdNumber('420204198503150028')).toBe('身份证号码校验位错误')
  })

  test('registering: required fields and the ID number are checked, then sent', async () => {
    const page = loadPage('pages/party/member/index')
    await flush()
    await tap(page, '#save')
    expect(textOf(page, '#name-error')).toBe('请输入姓名')
    expect(textOf(page, '#gender-error')).toBe('请选择性别')
    expect(textOf(page, '#id_number-error')).toBe('请输入身份证号码')
    expect(textOf(page, '#org_relation-error')).toBe('请输入党组织关系所在地')
    expect(party.createMember).not.toHaveBeenCalled()

    await input(page, '#name', '李四')
    await tap(page, '#gender-female')
    await input(page, '#id_number', '420204198503150029')
    await input(page, '#org_relation', '下陆区个体私营企业党委')
    await input(page, '#position', '店长')
    await trigger(page, '#joined_on', 'change', { value: '2010-07-01' })
    party.createMember.mockResolvedValue(member(1, '李四'))
    await tap(page, '#save')
    expect(party.createMember).toHaveBeenCalledWith(
      { name: '李四', gender: 'female', id_number: '420204198503150029', org_relation: '下陆区个体私营企业党委', position: '店长', joined_on: '2010-07-01' },
      expect.anything()
    )
    expect(wx.navigateBack).toHaveBeenCalled()
  })

  test('a duplicate ID number shows the API message at the field', async () => {
    const page = loadPage('pages/party/member/index')
    await flush()
    await input(page, '#name', '李四')
    await tap(page, '#gender-female')
    await input(page, '#id_number', '420204198503150029')
    await input(page, '#org_relation', '党委')
    await input(page, '#position', '店长')
    party.createMember.mockRejectedValue(new ApiError({ code: 'PARTY_MEMBER_EXISTS', message: '本单位已登记该身份证号码的党员', status: 409 }))
    await tap(page, '#save')
    expect(textOf(page, '#id_number-error')).toBe('本单位已登记该身份证号码的党员')
  })

  test('editing never re-sends the masked ID number; delete asks first', async () => {
    party.getMember.mockResolvedValue(member(1, '李四'))
    const page = loadPage('pages/party/member/index', { query: { id: '1' } })
    await flush()
    expect(textOf(page, '#id-masked')).toBe('4202**********0029')
    await input(page, '#position', '负责人')
    party.updateMember.mockResolvedValue(member(1, '李四'))
    await tap(page, '#save')
    const body = party.updateMember.mock.calls[0][1]
    expect(party.updateMember.mock.calls[0][0]).toBe('1')
    expect(body.position).toBe('负责人')
    expect(body).not.toHaveProperty('id_number')
    expect(body).not.toHaveProperty('phone')

    wx.__responses.showModal = { confirm: true }
    party.deleteMember.mockResolvedValue({ id: 1, deleted: true })
    await tap(page, '#delete')
    expect(party.deleteMember).toHaveBeenCalledWith('1', expect.anything())
  })
})

describe('党员活动', () => {
  test('three tabs query open, upcoming and past', async () => {
    party.listActivities.mockResolvedValue({ items: [activity()], next: null })
    const page = loadPage('pages/party/activities/index')
    await flush()
    expect(party.listActivities).toHaveBeenLastCalledWith({ when: 'open', limit: 50 }, expect.anything())
    expect(textOf(page, '.party-act__title')).toBe('“小个专”党员主题党日活动')
    expect(textOf(page, '.party-act__mine')).toContain('本店已报名1人')
    await tap(page, '#tab-past')
    expect(party.listActivities).toHaveBeenLastCalledWith({ when: 'past', limit: 50 }, expect.anything())
    await tap(page, '#activity-1')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/party/activity/index?id=1' })
  })

  test('detail: time in China time, sign-ups; signing up more members from 党员管理', async () => {
    party.getActivity.mockResolvedValue(activity())
    const page = loadPage('pages/party/activity/index', { query: { id: '1' } })
    await flush()
    expect(textOf(page, '#time')).toBe('2026-12-01 09:00 至 12:00')
    expect(texts(page, '.party-signup__name')).toEqual(['李四'])

    party.listMembers.mockResolvedValue({ items: [member(1, '李四'), member(2, '王五')], next: null })
    await tap(page, '#signup')
    expect(texts(page, '.party-pick')).toEqual(['王五（店长）'])
    await tap(page, '#confirm-signup')
    expect(party.signUp).not.toHaveBeenCalled()
    await tap(page, '#pick-2')
    party.signUp.mockResolvedValue(activity({ my_signups: [{ member_id: 1, member_name: '李四', checked_in: false }, { member_id: 2, member_name: '王五', checked_in: false }] }))
    await tap(page, '#confirm-signup')
    expect(party.signUp).toHaveBeenCalledWith(1, [2], expect.anything())
    expect(texts(page, '.party-signup__name')).toEqual(['李四', '王五'])
    expect(exists(page, '#picker')).toBe(false)
  })

  test('no member registered: signing up says to register first', async () => {
    party.getActivity.mockResolvedValue(activity({ my_signups: [] }))
    const page = loadPage('pages/party/activity/index', { query: { id: '1' } })
    await flush()
    party.listMembers.mockResolvedValue({ items: [], next: null })
    await tap(page, '#signup')
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '请先在“党员管理”中登记本店党员' }))
  })

  test('withdrawing a sign-up asks first', async () => {
    party.getActivity.mockResolvedValue(activity())
    const page = loadPage('pages/party/activity/index', { query: { id: '1' } })
    await flush()
    wx.__responses.showModal = { confirm: true }
    party.cancelSignup.mockResolvedValue(activity({ my_signups: [] }))
    await tap(page, '.party-signup__cancel')
    expect(party.cancelSignup).toHaveBeenCalledWith(1, 1, expect.anything())
    expect(textOf(page, '#no-signups')).toBe('本店尚未报名')
  })
})

describe('扫码签到', () => {
  test('the scanned activity with the members to check in, all ticked; confirming checks them in', async () => {
    party.scanCheckin.mockResolvedValue(
      activity({ my_signups: [{ member_id: 1, member_name: '李四', checked_in: false }, { member_id: 2, member_name: '王五', checked_in: true }] })
    )
    const page = loadPage('pages/party/checkin/index', { query: { token: encodeURIComponent(TOKEN) } })
    await flush()
    expect(party.scanCheckin).toHaveBeenCalledWith(TOKEN, expect.anything())
    expect(textOf(page, '#title')).toBe('“小个专”党员主题党日活动')
    expect(textOf(page, '#member-2')).toContain('已签到')
    expect(textOf(page, '#confirm')).toBe('确认签到（1人）')

    party.checkIn.mockResolvedValue({ activity: { id: 1, title: '“小个专”党员主题党日活动' }, members: [{ member_id: 1, member_name: '李四' }], message: '签到成功（1人）' })
    await tap(page, '#confirm')
    expect(party.checkIn).toHaveBeenCalledWith(TOKEN, [1], expect.anything())
    expect(textOf(page, '#result-message')).toBe('签到成功（1人）')
  })

  test('a forged or stale QR shows the API message and offers to scan again', async () => {
    party.scanCheckin.mockRejectedValue(new ApiError({ code: 'PARTY_QR_INVALID', message: '签到二维码无效，请扫描活动现场的签到二维码', status: 400 }))
    const page = loadPage('pages/party/checkin/index', { query: { token: 'hello' } })
    await flush()
    expect(textOf(page, '#error')).toContain('签到二维码无效')
    wx.__responses.scanCode = { result: TOKEN }
    await tap(page, '#rescan')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/party/checkin/index?token=' + encodeURIComponent(TOKEN) })
  })
})

describe('志愿服务', () => {
  test('the list shows records and the total hours', async () => {
    party.listVolunteerRecords.mockResolvedValue({
      items: [{ id: 1, service_date: '2026-11-20', place: '长乐社区', content: '义诊', participants: [{ member_id: 1, name: '李四' }, { member_id: null, name: '王五' }], participant_count: 2, hours: 2.5, photos: [] }],
      next: null,
    })
    const page = loadPage('pages/party/volunteer/index')
    await flush()
    expect(textOf(page, '#total')).toBe('共1次服务，累计5人·小时')
    expect(textOf(page, '#record-1')).toContain('李四、王五')
  })

  test('a new record: checks, members and other names, hours, photos', async () => {
    party.listMembers.mockResolvedValue({ items: [member(1, '李四')], next: null })
    const page = loadPage('pages/party/volunteer-edit/index')
    await flush()
    await tap(page, '#save')
    expect(textOf(page, '#place-error')).toBe('请输入服务地点')
    expect(textOf(page, '#participants-error')).toBe('请选择或填写参与人')
    expect(textOf(page, '#hours-error')).toContain('服务时长')

    await trigger(page, '#service_date', 'change', { value: '2026-11-20' })
    await input(page, '#place', '长乐社区')
    await input(page, '#content', '义务理发')
    await tap(page, '#member-1')
    await input(page, '#others', '王五、赵六')
    await input(page, '#hours', '2.5')
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/v.jpg' }] }
    party.uploadPhoto.mockResolvedValue({ id: 40, name: 'v.jpg' })
    await tap(page, '#add-photo')
    await flush()
    party.createVolunteerRecord.mockResolvedValue({ id: 1 })
    await tap(page, '#save')
    expect(party.createVolunteerRecord).toHaveBeenCalledWith(
      {
        service_date: '2026-11-20',
        place: '长乐社区',
        content: '义务理发',
        participants: [{ member_id: 1 }, { name: '王五' }, { name: '赵六' }],
        hours: 2.5,
        photos: [40],
      },
      expect.anything()
    )
    expect(wx.navigateBack).toHaveBeenCalled()
  })
})

describe('先进事迹', () => {
  test('list and rich-text detail', async () => {
    party.listStories.mockResolvedValue({ items: [{ id: 1, title: '诚信经营二十年的“党员小吃店”', summary: '明码标价二十年', subject: '张秀英', cover_url: null, org: { name: '下陆区局' }, published_at: '2026-12-01T00:05:06+00:00' }], next: null })
    const page = loadPage('pages/party/stories/index')
    await flush()
    expect(textOf(page, '.party-story__title')).toBe('诚信经营二十年的“党员小吃店”')
    await tap(page, '#story-1')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/party/story/index?id=1' })

    party.getStory.mockResolvedValue({ id: 1, title: '诚信经营二十年的“党员小吃店”', subject: '张秀英', org: { name: '下陆区局' }, published_at: '2026-12-01T00:05:06+00:00', body_html: '<p>二十年来</p>' })
    const detail = loadPage('pages/party/story/index', { query: { id: '1' } })
    await flush()
    expect(textOf(detail, '#title')).toBe('诚信经营二十年的“党员小吃店”')
    expect(detail.instance.data.story.body).toContain('二十年来')
  })
})
