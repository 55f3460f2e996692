jest.mock('../../services/appeals')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, trigger } = require('../helpers/page')
const a = require('../helpers/appeal-fixtures')
const appeals = require('../../services/appeals')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

describe('我的诉求', () => {
  const ROUTE = 'pages/appeals/index'

  test('lists my appeals with their status and opens one', async () => {
    appeals.listMine.mockResolvedValue({ items: [a.listItem(1), a.listItem(2, { status: 'replied', status_label: '已回复', allowed_actions: ['rate'] })], next: null })
    const page = loadPage(ROUTE)
    await flush()
    expect(texts(page, '.appeals__item-title')).toEqual(['门前占道经营1', '门前占道经营2'])
    expect(texts(page, '.appeals__status')).toEqual(['待受理', '已回复'])
    expect(textOf(page, '#appeal-2 .appeals__rate-hint')).toBe('已答复，请评价')
    expect(exists(page, '#appeal-1 .appeals__rate-hint')).toBe(false)
    await tap(page, '#appeal-2')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/appeals/detail/index?id=2' })
  })

  test('empty list, and the ways to 诉求登记 and 诉求查询', async () => {
    appeals.listMine.mockResolvedValue({ items: [], next: null })
    const page = loadPage(ROUTE)
    await flush()
    expect(textOf(page, '#empty')).toContain('暂无诉求')
    await tap(page, '#go-create')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/appeals/create/index' })
    await tap(page, '#go-query')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/appeals/query/index' })
  })

  test('an API error shows its Chinese message and retries', async () => {
    appeals.listMine.mockRejectedValueOnce(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
    const page = loadPage(ROUTE)
    await flush()
    expect(textOf(page, '#error')).toContain('请先选择当前经营主体')
    appeals.listMine.mockResolvedValueOnce({ items: [a.listItem(3)], next: null })
    await tap(page, '#error .state__action')
    expect(texts(page, '.appeals__item-title')).toEqual(['门前占道经营3'])
  })
})

describe('诉求登记', () => {
  const ROUTE = 'pages/appeals/create/index'

  async function open() {
    appeals.getOptions.mockResolvedValue(a.appealOptions())
    const page = loadPage(ROUTE)
    await flush()
    return page
  }

  async function fill(page) {
    await input(page, '#title', '门前占道经营')
    await trigger(page, '#type', 'change', { value: 1 })
    await trigger(page, '#department', 'change', { value: 2 })
    await input(page, '#content', '隔壁商户长期占道')
  }

  test('the type and department pickers come from the options endpoint', async () => {
    const page = await open()
    expect(textOf(page, '#type-value')).toBe('请选择诉求类型')
    await trigger(page, '#type', 'change', { value: 1 })
    await trigger(page, '#department', 'change', { value: 1 })
    expect(textOf(page, '#type-value')).toBe('投诉')
    expect(textOf(page, '#department-value')).toBe('食品安全')
  })

  test('an empty form is not sent: every required field says what is missing', async () => {
    const page = await open()
    await tap(page, '#submit')
    expect(appeals.submitAppeal).not.toHaveBeenCalled()
    expect(textOf(page, '#title-error')).toBe('请输入诉求标题')
    expect(textOf(page, '#type-error')).toBe('请选择诉求类型')
    expect(textOf(page, '#department-error')).toBe('请选择办理部门')
    expect(textOf(page, '#content-error')).toBe('请输入诉求内容')
  })

  test('photos are uploaded as they are picked, can be removed, and go with the appeal; then the code and password show once with copy buttons', async () => {
    const page = await open()
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/a.jpg' }, { tempFilePath: '/tmp/b.jpg' }] }
    let nextId = 11
    appeals.uploadPhoto.mockImplementation(() => Promise.resolve({ id: nextId++, name: 'x.jpg' }))
    await tap(page, '#add-photo')
    await flush()
    expect(appeals.uploadPhoto.mock.calls.map(c => c[0])).toEqual(['/tmp/a.jpg', '/tmp/b.jpg'])
    expect(textOf(page, '#photo-count')).toBe('已选2/9张')
    expect(wx.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 9, mediaType: ['image'] }))

    await tap(page, '.appeal-create__remove')
    expect(textOf(page, '#photo-count')).toBe('已选1/9张')

    await fill(page)
    appeals.submitAppeal.mockResolvedValue(a.submitted())
    await tap(page, '#submit')
    expect(appeals.submitAppeal).toHaveBeenCalledWith(
      { title: '门前占道经营', type: 'complaint', department: '其他', content: '隔壁商户长期占道', photos: [12] },
      expect.anything()
    )
    expect(textOf(page, '#query-code')).toBe('54ZHR9YAHGD6')
    expect(textOf(page, '#query-password')).toBe('3a9d96d7')
    expect(exists(page, '#submit')).toBe(false)

    await tap(page, '#copy-code')
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: '54ZHR9YAHGD6' }))
    await tap(page, '#copy-password')
    expect(wx.setClipboardData).toHaveBeenLastCalledWith(expect.objectContaining({ data: '3a9d96d7' }))
    await tap(page, '#done')
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/appeals/detail/index?id=7' })
  })

  test('no more than 9 photos: the picker only offers what still fits', async () => {
    const page = await open()
    wx.__responses.chooseMedia = opts => ({ tempFiles: Array.from({ length: opts.count }, (_, i) => ({ tempFilePath: '/tmp/' + i + '.jpg' })) })
    let nextId = 1
    appeals.uploadPhoto.mockImplementation(() => Promise.resolve({ id: nextId++ }))
    page.instance.setData({ photos: Array.from({ length: 7 }, (_, i) => ({ path: '/tmp/old' + i, id: 100 + i })) })
    await tap(page, '#add-photo')
    await flush()
    expect(wx.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2 }))
    expect(textOf(page, '#photo-count')).toBe('已选9/9张')
    expect(exists(page, '#add-photo')).toBe(false)
  })

  test('an API refusal shows its Chinese message next to the field it is about', async () => {
    const page = await open()
    await fill(page)
    appeals.submitAppeal.mockRejectedValue(new ApiError({ code: 'APPEAL_DEPARTMENT_INVALID', message: '请选择有效的办理部门', status: 400 }))
    await tap(page, '#submit')
    expect(textOf(page, '#department-error')).toBe('请选择有效的办理部门')
    expect(exists(page, '#result')).toBe(false)
  })

  test('other refusals are a toast with the message', async () => {
    const page = await open()
    await fill(page)
    appeals.submitAppeal.mockRejectedValue(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
    await tap(page, '#submit')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择当前经营主体' }))
  })

  test('options that cannot load say why and retry', async () => {
    appeals.getOptions.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
    const page = loadPage(ROUTE)
    await flush()
    expect(textOf(page, '#load-error')).toContain('网络异常')
    appeals.getOptions.mockResolvedValueOnce(a.appealOptions())
    await tap(page, '#load-error .state__action')
    expect(exists(page, '#title')).toBe(true)
  })
})

describe('诉求详情', () => {
  const ROUTE = 'pages/appeals/detail/index'

  async function open(reply) {
    appeals.getAppeal.mockResolvedValue(reply)
    const page = loadPage(ROUTE, { query: { id: '7' } })
    await flush()
    return page
  }

  test('shows the appeal, its reply and the timeline newest first', async () => {
    const page = await open(a.detail())
    expect(appeals.getAppeal).toHaveBeenCalledWith('7', expect.anything())
    const view = page.querySelector('#view')
    expect(view.querySelector('#av-title').dom.textContent).toBe('门前占道经营')
    expect(view.querySelector('#av-status').dom.textContent).toBe('已回复')
    expect(view.querySelector('#av-reply-text').dom.textContent).toBe('已责令整改')
    expect(view.querySelectorAll('.av__step-title').map(n => n.dom.textContent.trim())).toEqual(['回复（已回复）', '受理（已受理）', '提交诉求（待受理）'])
  })

  test('a photo is downloaded with the token and previewed', async () => {
    wx.__storage.set('getitong.token', { access_token: 'access-1', refresh_token: 'refresh-1' })
    const page = await open(a.detail())
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/p.png' }
    await tap(page.querySelector('#view'), '.av__file')
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/api\/v1\/mp\/appeals\/7\/files\/1$/), header: { Authorization: 'Bearer access-1' } })
    )
    expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['/tmp/p.png'] }))
  })

  test('rating: a choice is required, then 满意 is sent and the page shows the new state', async () => {
    const page = await open(a.detail())
    await tap(page, '#rate')
    expect(textOf(page, '#rating-error')).toBe('请选择评价')
    expect(appeals.rateAppeal).not.toHaveBeenCalled()

    await tap(page, '#rating-satisfied')
    await input(page, '#rate-comment', '处理及时')
    appeals.rateAppeal.mockResolvedValue(a.detail({ status: 'closed', status_label: '已评价', rating: 'satisfied', rating_label: '满意', allowed_actions: [] }))
    await tap(page, '#rate')
    expect(appeals.rateAppeal).toHaveBeenCalledWith(7, 'satisfied', '处理及时', expect.anything())
    expect(exists(page, '#rate-form')).toBe(false)
    expect(page.querySelector('#view').querySelector('#av-rating-label').dom.textContent).toBe('满意')
  })

  test('after 不满意 the appeal may be reopened once, with a reason', async () => {
    const page = await open(a.detail({ status: 'closed', status_label: '已评价', rating: 'dissatisfied', rating_label: '不满意', allowed_actions: ['reopen'] }))
    expect(exists(page, '#rate-form')).toBe(false)
    await tap(page, '#reopen')
    expect(textOf(page, '#reopen-error')).toBe('请说明需要重新办理的原因')
    await input(page, '#reopen-comment', '问题仍未解决')
    appeals.reopenAppeal.mockResolvedValue(a.detail({ status: 'accepted', status_label: '已受理', reopened_once: true, allowed_actions: [] }))
    await tap(page, '#reopen')
    expect(appeals.reopenAppeal).toHaveBeenCalledWith(7, '问题仍未解决', expect.anything())
    expect(exists(page, '#reopen-form')).toBe(false)
  })

  test('an appeal that is not mine (or gone) shows the API message', async () => {
    appeals.getAppeal.mockRejectedValue(new ApiError({ code: 'APPEAL_NOT_FOUND', message: '诉求不存在', status: 404 }))
    const page = loadPage(ROUTE, { query: { id: '99' } })
    await flush()
    expect(textOf(page, '#error')).toContain('诉求不存在')
  })
})

describe('诉求查询', () => {
  const ROUTE = 'pages/appeals/query/index'

  test('code and password are both required', async () => {
    const page = loadPage(ROUTE)
    await flush()
    await tap(page, '#query')
    expect(textOf(page, '#code-error')).toBe('请输入查询码')
    expect(textOf(page, '#password-error')).toBe('请输入查询密码')
    expect(appeals.queryAppeal).not.toHaveBeenCalled()
  })

  test('a right pair shows the appeal; a wrong one the API message', async () => {
    const page = loadPage(ROUTE)
    await flush()
    await input(page, '#code', ' 54zhr9yahgd6 ')
    await input(page, '#password', 'wrong')
    appeals.queryAppeal.mockRejectedValueOnce(new ApiError({ code: 'APPEAL_QUERY_FAILED', message: '查询码或查询密码错误', status: 400 }))
    await tap(page, '#query')
    expect(appeals.queryAppeal).toHaveBeenCalledWith('54ZHR9YAHGD6', 'wrong', expect.anything())
    expect(textOf(page, '#query-error')).toBe('查询码或查询密码错误')

    await input(page, '#password', '3a9d96d7')
    appeals.queryAppeal.mockResolvedValueOnce(a.detail({ allowed_actions: [] }))
    await tap(page, '#query')
    expect(page.querySelector('#view').querySelector('#av-code').dom.textContent).toBe('54ZHR9YAHGD6')
    await tap(page, '#again')
    expect(exists(page, '#code')).toBe(true)
  })

  test('the photos of a queried appeal open through their signed links; a stale link says so', async () => {
    const page = loadPage(ROUTE)
    await flush()
    await input(page, '#code', '54ZHR9YAHGD6')
    await input(page, '#password', '3a9d96d7')
    const signed = '/api/v1/mp/appeals/query-files/7.1.1764560000.' + 'a'.repeat(32)
    const detail = a.detail({ allowed_actions: [] })
    detail.photos = detail.photos.map(p => ({ ...p, url: signed }))
    appeals.queryAppeal.mockResolvedValueOnce(detail)
    await tap(page, '#query')
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/q.png' }
    await tap(page.querySelector('#view'), '.av__file')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/query-files\/7\.1\./) }))
    expect(wx.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: ['/tmp/q.png'] }))
    wx.__responses.downloadFile = { statusCode: 410 }
    await tap(page.querySelector('#view'), '.av__file')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '文件链接已过期，请重新查询' }))
  })
})
