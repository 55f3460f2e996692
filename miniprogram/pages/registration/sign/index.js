// 电子签名页 — the page of a signer's signing link (REGISTRATION_SIGN_URL?token=…, docs/registration.md). No login:
// the token is the credential. It is opened from the applicant's wizard (?token=) or by scanning the signer's QR
// code (WeChat hands the scanned link over as `q`). Shows what is signed and its documents, takes the hand-written
// signature on a canvas and uploads it as a PNG.
const registration = require('../../../services/registration')
const wxa = require('../../../utils/wx-async')
const { toast } = require('../../../utils/request')
const { openPdf } = require('../../../utils/download')

const LINE_WIDTH = 4

Page({
  data: { loading: true, error: '', info: null, token: '', drawn: false, sending: false, done: false, signedAt: '' },

  onLoad(query) {
    const token = registration.signTokenFrom(query)
    this.setData({ token })
    if (!token) {
      this.setData({ loading: false, error: '签名链接无效或已失效' })
      return Promise.resolve()
    }
    return this.load()
  },

  onUnload() {
    this.pad = null
  },

  load() {
    this.setData({ loading: true, error: '' })
    return registration
      .getSigning(this.data.token, { showError: false })
      .then(info => this.setData({ loading: false, info, done: !!(info.signer && info.signer.signed) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openDocument(e) {
    const code = e.currentTarget.dataset.code
    const doc = ((this.data.info && this.data.info.documents) || []).find(d => d.code === code)
    return openPdf(registration.signingDocumentUrl(this.data.token, code), { auth: false, what: doc ? doc.title : '文书' })
  },

  // ---- the signature pad (canvas 2d)
  /** The canvas node and its context, set up once (white background, ink style, device pixel ratio). */
  getPad() {
    if (this.pad) return Promise.resolve(this.pad)
    return new Promise(resolve => {
      wx.createSelectorQuery()
        .select('#pad')
        .fields({ node: true, size: true })
        .exec(res => {
          const found = res && res[0]
          if (!found || !found.node) {
            resolve(null)
            return
          }
          const canvas = found.node
          const ctx = canvas.getContext('2d')
          const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : typeof wx.getSystemInfoSync === 'function' ? wx.getSystemInfoSync() : {}
          const dpr = (info && info.pixelRatio) || 1
          canvas.width = found.width * dpr
          canvas.height = found.height * dpr
          ctx.scale(dpr, dpr)
          ctx.fillStyle = '#ffffff'
          ctx.fillRect(0, 0, found.width, found.height)
          ctx.strokeStyle = '#111111'
          ctx.lineWidth = LINE_WIDTH
          ctx.lineCap = 'round'
          ctx.lineJoin = 'round'
          this.pad = { canvas, ctx, width: found.width, height: found.height }
          resolve(this.pad)
        })
    })
  },

  point(e) {
    const t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0]) || (e.detail && e.detail.touches && e.detail.touches[0])
    return t ? { x: t.x, y: t.y } : null
  },

  onTouchStart(e) {
    const p = this.point(e)
    if (!p) return Promise.resolve()
    return this.getPad().then(pad => {
      if (!pad) return
      pad.ctx.beginPath()
      pad.ctx.moveTo(p.x, p.y)
      this.last = p
    })
  },

  onTouchMove(e) {
    const p = this.point(e)
    if (!p || !this.pad || !this.last) return
    this.pad.ctx.lineTo(p.x, p.y)
    this.pad.ctx.stroke()
    this.last = p
    if (!this.data.drawn) this.setData({ drawn: true })
  },

  onTouchEnd() {
    this.last = null
  },

  clearPad() {
    if (this.pad) {
      this.pad.ctx.fillStyle = '#ffffff'
      this.pad.ctx.fillRect(0, 0, this.pad.width, this.pad.height)
    }
    this.last = null
    this.setData({ drawn: false })
  },

  /** The signature as a PNG temp file. */
  exportPad() {
    return this.getPad().then(pad => {
      if (!pad) throw new Error('no canvas')
      return wxa.call('canvasToTempFilePath', { canvas: pad.canvas, fileType: 'png' }).then(res => res.tempFilePath)
    })
  },

  submit() {
    if (this.data.sending) return Promise.resolve()
    if (!this.data.drawn) {
      wx.showToast({ title: '请先在签名区内手写签名', icon: 'none' })
      return Promise.resolve()
    }
    return wxa.confirm('本人已阅读全部文书，确认以此手写签名签署吗？', '确认签名').then(ok => {
      if (!ok) return null
      this.setData({ sending: true })
      return this.exportPad()
        .catch(() => {
          throw Object.assign(new Error('签名图片生成失败，请重试'), { local: true })
        })
        .then(path => registration.sign(this.data.token, path, { showError: false, loading: '提交中' }))
        .then(res => {
          this.setData({ sending: false, done: true, signedAt: res.signed_at || '' })
          wx.showToast({ title: '签名成功', icon: 'success' })
        })
        .catch(err => {
          this.setData({ sending: false })
          if (err && err.code === 'REGISTRATION_ALREADY_SIGNED') this.setData({ done: true })
          if (err && err.local) wx.showToast({ title: err.message, icon: 'none' })
          else toast(err)
        })
    })
  },

  back() {
    wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/home/index/index' }) })
  },
})
