// 电子营业执照 of an approved registration: the licence fields and its QR code (the national licence QR that
// 注册 scans to find the business), the PDF, and where to collect the paper licence.
const registration = require('../../../services/registration')
const { openPdf } = require('../../../utils/download')

/** A PNG data URL as a local file (<image> and previewImage want a path); the data URL itself when that fails. */
function qrPath(dataUrl, uscc) {
  const m = /^data:image\/png;base64,(.+)$/.exec(dataUrl || '')
  if (!m || typeof wx.getFileSystemManager !== 'function' || !wx.env || !wx.env.USER_DATA_PATH) return Promise.resolve(dataUrl || '')
  const path = wx.env.USER_DATA_PATH + '/license-qr-' + uscc + '.png'
  return new Promise(resolve => {
    wx.getFileSystemManager().writeFile({
      filePath: path,
      data: m[1],
      encoding: 'base64',
      success: () => resolve(path),
      fail: () => resolve(dataUrl),
    })
  })
}

Page({
  data: { loading: true, error: '', license: null, qr: '' },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return registration
      .getLicense(this.id, { showError: false })
      .then(license => qrPath(license.qr_image, license.uscc).then(qr => this.setData({ loading: false, license, qr })))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  previewQr() {
    if (this.data.qr) wx.previewImage({ urls: [this.data.qr], current: this.data.qr })
  },

  downloadPdf() {
    return openPdf(registration.documentUrl(this.id, 'license'), { what: '营业执照' })
  },
})
