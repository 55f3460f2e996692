/**
 * Shared by the tests in tests/api that run the services/ layer against a REAL Getitong API
 * (GETITONG_API=http://127.0.0.1:PORT): the skip when it is not set, one shop-owner session per file
 * (the API limits owner logins per IP and minute), a staff client over fetch, and a real PNG file.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const zlib = require('zlib')
const { createNodeWx } = require('./node-wx')

const API = (process.env.GETITONG_API || '').replace(/\/+$/, '')
const DEMO_PHONE = '13900000001'
const DEMO_PASSWORD = 'Shop@2026'

/** Run `define` when GETITONG_API is set; otherwise one skipped test saying how to run them. */
function whenApi(what, define) {
  if (!API) {
    const message = 'GETITONG_API is not set: the real-API ' + what + ' tests in tests/api are skipped (run e.g. GETITONG_API=http://127.0.0.1:8000 npm test)'
    // eslint-disable-next-line no-console
    console.warn(message)
    test.skip(message, () => {})
    return
  }
  jest.setTimeout(30000)
  global.wx = createNodeWx()
  require('../../config').apiBase = API
  define()
}

/**
 * The demo owner signed in once for the file (beforeAll) and put back into the session before each test,
 * on a fresh wx; logged out at the end. Returns () => the login result.
 */
function ownerSession() {
  const request = require('../../utils/request')
  const session = require('../../utils/session')
  const auth = require('../../services/auth')
  const quiet = { showError: false }
  let demo = null
  beforeAll(async () => {
    global.wx = createNodeWx()
    demo = await auth.login({ phone: DEMO_PHONE, password: DEMO_PASSWORD }, quiet)
  })
  beforeEach(() => {
    global.wx = createNodeWx()
    request._reset()
    if (demo) session.save(demo)
  })
  afterAll(async () => {
    if (!demo) return
    global.wx = createNodeWx()
    request._reset()
    await auth.logout(demo.token.refresh_token, quiet).catch(() => null)
  })
  return () => demo
}

/** Staff side over fetch: {login, call (JSON envelope → data), fetch (raw Response), logout}. */
function staff(username, password) {
  let token = null
  const headers = () => (token ? { Authorization: 'Bearer ' + token.access_token } : {})
  async function call(method, url, body) {
    const response = await fetch(API + '/api/v1/admin' + url, {
      method,
      headers: Object.assign({ 'content-type': 'application/json' }, headers()),
      body: body ? JSON.stringify(body) : undefined,
    })
    const envelope = await response.json()
    if (envelope.code !== 'OK') throw new Error(method + ' ' + url + ' → ' + envelope.code + ' ' + envelope.message)
    return envelope.data
  }
  return {
    async login() {
      token = (await call('POST', '/auth/login', { username, password })).token
    },
    call,
    fetch: url => fetch(API + '/api/v1/admin' + url, { headers: headers() }),
    async logout() {
      if (token) await call('POST', '/auth/logout', { refresh_token: token.refresh_token }).catch(() => null)
    },
  }
}

/** A valid 1×1 PNG in a temp file (what wx.chooseMedia would hand back). */
function tinyPng(name = 'photo', rgb = [200, 20, 30]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = buf => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0].concat(rgb)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
  const file = path.join(os.tmpdir(), 'getitong-' + name + '-' + process.pid + '.png')
  fs.writeFileSync(file, png)
  return file
}

/** The text of the QR code in a PNG (what wx.scanCode returns when the camera sees it). */
function decodeQrPng(buffer) {
  const { PNG } = require('pngjs')
  const jsQR = require('jsqr')
  const img = PNG.sync.read(Buffer.from(buffer))
  const found = jsQR(new Uint8ClampedArray(img.data), img.width, img.height)
  if (!found) throw new Error('no QR code in the image')
  return found.data
}

module.exports = { API, DEMO_PHONE, DEMO_PASSWORD, whenApi, ownerSession, staff, tinyPng, decodeQrPng }
