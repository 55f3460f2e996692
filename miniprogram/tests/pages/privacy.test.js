jest.mock('../../services/auth')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, tap } = require('../helpers/page')
const auth = require('../../services/auth')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/auth/privacy/index'

beforeEach(() => {
  installWx()
})

test('shows the policy from GET /privacy-policy', async () => {
  auth.getPrivacyPolicy.mockResolvedValue({ version: '2024-08', title: '个体通隐私服务政策', content: '一、我们收集的信息' })
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '.privacy__title')).toBe('个体通隐私服务政策')
  expect(textOf(page, '.privacy__version')).toBe('版本：2024-08')
  expect(textOf(page, '.privacy__content')).toBe('一、我们收集的信息')
})

test('a failed load can be retried', async () => {
  auth.getPrivacyPolicy
    .mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
    .mockResolvedValueOnce({ version: '1', title: '个体通隐私服务政策', content: '内容' })
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('网络异常，请检查网络后重试')
  await tap(page, '#error .state__action')
  expect(textOf(page, '.privacy__content')).toBe('内容')
})
