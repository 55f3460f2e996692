jest.mock('../../services/auth')
jest.mock('../../services/license')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input } = require('../helpers/page')
const f = require('../helpers/fixtures')
const auth = require('../../services/auth')
const license = require('../../services/license')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/auth/register/index'
const USCC = f.uscc()
const INFO = f.licenseInfo()

let wx
beforeEach(() => {
  wx = installWx()
  require('../../utils/regions').resetRegionCache()
  license.getRegions.mockResolvedValue(f.REGIONS)
  auth.getPrivacyPolicy.mockResolvedValue({ version: '2024-08', title: '个体通隐私服务政策', content: '……' })
})

async function openPage() {
  const page = loadPage(ROUTE)
  await flush() // regions and the privacy version load on open
  return page
}

/** Choose 湖北省 / 黄石市 / 下陆区 in the 归属地 multiSelector. */
async function pickRegion(page, value = [0, 0, 0]) {
  const picker = page.querySelector('#region').querySelector('.region-picker__picker')
  picker.dispatchEvent('change', { detail: { value } })
  await flush()
}

async function findBusiness(page) {
  license.lookup.mockResolvedValueOnce(INFO)
  await pickRegion(page)
  await input(page, '#uscc', USCC.toLowerCase())
  await tap(page, '#lookup')
}

async function fillAccount(page, { phone = '13912345678', name = '张三', password = 'Abcd1234', confirm = 'Abcd1234' } = {}) {
  await input(page, '#phone', phone)
  await input(page, '#name', name)
  await input(page, '#password', password)
  await input(page, '#confirm', confirm)
}

test('starts with the 归属地 picker only; the USCC field appears once a region is chosen', async () => {
  const page = await openPage()
  expect(license.getRegions).toHaveBeenCalled()
  expect(exists(page, '#uscc')).toBe(false)

  await pickRegion(page, [0, 0, 1])
  expect(page.instance.data.regionCode).toBe('420202')
  expect(textOf(page, '#region')).toContain('湖北省 黄石市 黄石港区')
  expect(exists(page, '#uscc')).toBe(true)
  expect(exists(page, '#phone')).toBe(false)
})

test('the cascade follows the chosen province and city', async () => {
  const page = await openPage()
  const region = page.querySelector('#region')
  region.querySelector('.region-picker__picker').dispatchEvent('columnchange', { detail: { column: 1, value: 1 } })
  await flush()
  expect(region.instance.data.columns[2].map(r => r.name)).toEqual(['黄州区'])
})

test('a USCC with a wrong check character is refused before any request', async () => {
  const page = await openPage()
  await pickRegion(page)
  await input(page, '#uscc', f.tamperedUscc(USCC))
  await tap(page, '#lookup')
  expect(textOf(page, '#uscc-error')).toBe('统一社会信用代码校验位错误')
  expect(license.lookup).not.toHaveBeenCalled()
})

test('a typed USCC is looked up in the chosen region and the business is shown for confirmation', async () => {
  const page = await openPage()
  await findBusiness(page)
  expect(license.lookup).toHaveBeenCalledWith({ region_code: '420204', uscc: USCC }, expect.objectContaining({ showError: false }))
  expect(textOf(page, '#license-name')).toBe('下陆区张三便利店')
  expect(textOf(page, '#license-operator')).toBe('张三')
  expect(exists(page, '#phone')).toBe(true)
  expect(exists(page, '#confirm')).toBe(true)
})

test('a look-up error is shown under the USCC field', async () => {
  license.lookup.mockRejectedValueOnce(
    new ApiError({ code: 'ENTITY_NOT_FOUND', message: '未在市场主体登记库中查询到该主体', status: 404 })
  )
  const page = await openPage()
  await pickRegion(page)
  await input(page, '#uscc', USCC)
  await tap(page, '#lookup')
  expect(textOf(page, '#uscc-error')).toBe('未在市场主体登记库中查询到该主体')
  expect(exists(page, '#license-card')).toBe(false)
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('扫码 sends the QR text from wx.scanCode', async () => {
  wx.__responses.scanCode = { result: 'https://www.gsxt.gov.cn/index?uniscid=' + USCC, scanType: 'QR_CODE' }
  license.lookup.mockResolvedValueOnce(INFO)
  const page = await openPage()
  await pickRegion(page)
  await tap(page, '#scan')
  expect(license.lookup).toHaveBeenCalledWith(
    { region_code: '420204', qr_text: 'https://www.gsxt.gov.cn/index?uniscid=' + USCC },
    expect.any(Object)
  )
  expect(textOf(page, '#license-name')).toBe('下陆区张三便利店')
  expect(page.instance.data.uscc).toBe(USCC)
})

test('cancelling the scan is not an error', async () => {
  wx.__failures.scanCode = { errMsg: 'scanCode:fail cancel' }
  const page = await openPage()
  await pickRegion(page)
  await tap(page, '#scan')
  expect(license.lookup).not.toHaveBeenCalled()
  expect(exists(page, '#uscc-error')).toBe(false)
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('拍照/相册 uploads the chosen image to /license/scan and shows QR errors by the field', async () => {
  wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: 'wxfile://tmp/license.jpg', size: 1000 }], type: 'image' }
  license.scan.mockRejectedValueOnce(
    new ApiError({ code: 'QR_NOT_FOUND', message: '图片中未识别到二维码，请对准营业执照右上角二维码重新拍摄', status: 400 })
  )
  const page = await openPage()
  await pickRegion(page)
  await tap(page, '#photo')
  expect(wx.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }))
  expect(license.scan).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/license.jpg', region_code: '420204' }, expect.any(Object))
  expect(textOf(page, '#uscc-error')).toBe('图片中未识别到二维码，请对准营业执照右上角二维码重新拍摄')

  license.scan.mockResolvedValueOnce(INFO)
  await tap(page, '#photo')
  expect(textOf(page, '#license-operator')).toBe('张三')
})

test('submitting with nothing filled in asks for the region and the consent', async () => {
  const page = await openPage()
  await tap(page, '#submit')
  expect(textOf(page, '#region-error')).toBe('请先选择归属地')
  expect(textOf(page, '#privacy-error')).toBe('请阅读并同意《隐私服务政策》')
  expect(auth.register).not.toHaveBeenCalled()
})

test('passwords that differ are caught before submitting', async () => {
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page, { confirm: 'Abcd12345' })
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(textOf(page, '#confirm-error')).toBe('两次输入的密码不一致')
  expect(auth.register).not.toHaveBeenCalled()
})

test('a weak password and a bad phone are caught before submitting', async () => {
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page, { phone: '12345', password: 'abcdefgh', confirm: 'abcdefgh' })
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(textOf(page, '#phone-error')).toBe('请输入正确的11位手机号')
  expect(textOf(page, '#password-error')).toBe('密码至少8位，需包含字母和数字')
  expect(exists(page, '#confirm-error')).toBe(false)
  expect(auth.register).not.toHaveBeenCalled()
})

test('the privacy consent is required to register', async () => {
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page)
  await tap(page, '#submit')
  expect(textOf(page, '#privacy-error')).toBe('请阅读并同意《隐私服务政策》')
  expect(auth.register).not.toHaveBeenCalled()
})

test('registers with the confirmed business and the policy version, then enters the app', async () => {
  auth.register.mockResolvedValue({ token: f.token(1), profile: f.profile() })
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(auth.register).toHaveBeenCalledWith(
    {
      region_code: '420204',
      uscc: USCC,
      phone: '13912345678',
      name: '张三',
      password: 'Abcd1234',
      privacy_version: '2024-08',
      privacy_agreed: true,
    },
    expect.objectContaining({ showError: false })
  )
  expect(session.getAccessToken()).toBe('access-1')
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index/index' })
})

test.each([
  ['PHONE_ALREADY_REGISTERED', 409, '该手机号已注册，请直接登录', null, '#phone-error'],
  ['OPERATOR_NAME_MISMATCH', 400, '姓名与登记的经营者姓名不一致，请由经营者本人注册', null, '#name-error'],
  ['WEAK_PASSWORD', 400, '密码至少8位，且需同时包含字母和数字', null, '#password-error'],
  ['PRIVACY_NOT_AGREED', 400, '隐私服务政策已更新，请重新阅读并同意', null, '#privacy-error'],
  ['REGION_MISMATCH', 400, '该主体不属于所选归属地，请重新选择归属地', null, '#uscc-error'],
  ['VALIDATION_ERROR', 422, '手机号格式不正确', { field: 'phone' }, '#phone-error'],
  ['VALIDATION_ERROR', 422, '参数错误', { errors: [{ field: 'name', message: '姓名不能为空' }] }, '#name-error'],
])('the API error %s (%i) “%s” is shown next to its field', async (code, status, message, data, selector) => {
  auth.register.mockRejectedValue(new ApiError({ code, message, status, data }))
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  const expected = data && data.errors ? data.errors[0].message : message
  expect(textOf(page, selector)).toBe(expected)
  expect(wx.showToast).not.toHaveBeenCalled()
  expect(session.isLoggedIn()).toBe(false)
})

test('an error that belongs to no field is shown as a toast', async () => {
  auth.register.mockRejectedValue(new ApiError({ code: 'HTTP_500', message: '服务暂不可用，请稍后再试', status: 500 }))
  const page = await openPage()
  await findBusiness(page)
  await fillAccount(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(wx.showToast).toHaveBeenCalledTimes(1)
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂不可用，请稍后再试' }))
})

test('changing the region drops a business found under the old one', async () => {
  const page = await openPage()
  await findBusiness(page)
  expect(exists(page, '#license-card')).toBe(true)
  await pickRegion(page, [0, 1, 0])
  expect(exists(page, '#license-card')).toBe(false)
})
