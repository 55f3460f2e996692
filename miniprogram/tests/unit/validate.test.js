const validate = require('../../utils/validate')
const { fieldErrors } = require('../../utils/form-errors')
const { ApiError } = require('../../utils/request')

describe('USCC (GB 32100-2015)', () => {
  // Published codes with correct check characters.
  test.each(['91110000600037341L', '91350100M000100Y43'])('%s is valid', code => {
    expect(validate.checkUscc(code)).toBe('')
  })

  test('lower case and spaces are normalised', () => {
    expect(validate.normalizeUscc(' 91110000 600037341l ')).toBe('91110000600037341L')
  })

  test('a wrong check character, a bad format and an empty value are told apart', () => {
    expect(validate.checkUscc('91110000600037341M')).toBe('统一社会信用代码校验位错误')
    expect(validate.checkUscc('91110000600037341')).toBe('统一社会信用代码格式不正确')
    expect(validate.checkUscc('9111000060003734IL')).toBe('统一社会信用代码格式不正确') // I is not in the set
    expect(validate.checkUscc('')).toBe('请输入统一社会信用代码')
  })
})

test('phones and passwords follow the API rules', () => {
  expect(validate.checkPhone('13900000001')).toBe('')
  expect(validate.checkPhone('12900000001')).toBe('请输入正确的11位手机号')
  expect(validate.checkPassword('Shop@2026')).toBe('')
  expect(validate.checkPassword('12345678')).toBe('密码至少8位，需包含字母和数字')
  expect(validate.checkPassword('abc123')).toBe('密码至少8位，需包含字母和数字')
})

describe('fieldErrors', () => {
  const err = (code, message, data = null) => new ApiError({ code, message, status: 400, data })

  test('maps stable codes to the form field they are about', () => {
    expect(fieldErrors(err('USCC_CHECK_FAILED', '校验位错误'), ['uscc', 'phone'])).toEqual({ uscc: '校验位错误' })
    expect(fieldErrors(err('PHONE_ALREADY_REGISTERED', '已注册'), ['uscc', 'phone'])).toEqual({ phone: '已注册' })
  })

  test('ignores fields the form does not have', () => {
    expect(fieldErrors(err('OPERATOR_NAME_MISMATCH', '不一致'), ['uscc'])).toEqual({})
    expect(fieldErrors(err('LOGIN_FAILED', '错误'), ['phone', 'password'])).toEqual({})
  })

  test('reads VALIDATION_ERROR details in the shapes the API sends', () => {
    expect(fieldErrors(err('VALIDATION_ERROR', '手机号格式不正确', { field: 'phone' }), ['phone'])).toEqual({ phone: '手机号格式不正确' })
    expect(
      fieldErrors(
        err('VALIDATION_ERROR', '参数错误', { errors: [{ field: 'password', message: 'too short' }, { field: 'region_code', message: 'required' }] }),
        ['password', 'region']
      )
    ).toEqual({ password: '格式不正确', region: '此项为必填项' })
  })

  test('keeps Chinese field messages and words English ones in Chinese', () => {
    const data = {
      errors: [
        { field: 'phone', message: 'Field required', type: 'missing' },
        { field: 'name', message: '姓名不能为空', type: 'value_error' },
      ],
    }
    expect(fieldErrors(err('VALIDATION_ERROR', '参数错误', data), ['phone', 'name'])).toEqual({
      phone: '此项为必填项',
      name: '姓名不能为空',
    })
  })
})
