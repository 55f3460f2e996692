// A `wx` for Node: wx.request and wx.uploadFile over fetch, storage in memory, UI calls recorded.
// Lets the services/ layer run unchanged against a real API.
const fs = require('fs')
const path = require('path')

function withQuery(url, data) {
  if (!data || typeof data !== 'object') return url
  const params = new URLSearchParams()
  Object.keys(data).forEach(key => {
    if (data[key] !== undefined && data[key] !== null) params.append(key, String(data[key]))
  })
  const qs = params.toString()
  if (!qs) return url
  return url + (url.includes('?') ? '&' : '?') + qs
}

function headersOf(response) {
  const out = {}
  response.headers.forEach((value, key) => {
    out[key] = value
  })
  return out
}

async function send(url, init, timeout) {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeout || 15000)
  try {
    return await fetch(url, Object.assign({}, init, { signal: controller.signal }))
  } finally {
    clearTimeout(timer)
  }
}

function createNodeWx() {
  const storage = new Map()
  const ui = { toasts: [], reLaunches: [] }

  const wx = {
    __ui: ui,
    getStorageSync: key => (storage.has(key) ? JSON.parse(storage.get(key)) : ''),
    setStorageSync: (key, value) => storage.set(key, JSON.stringify(value)),
    removeStorageSync: key => storage.delete(key),
    showToast: options => ui.toasts.push(options.title),
    showLoading: () => {},
    hideLoading: () => {},
    reLaunch: options => {
      ui.reLaunches.push(options.url)
      if (options.complete) options.complete()
    },

    request(options) {
      const method = (options.method || 'GET').toUpperCase()
      const header = Object.assign({}, options.header)
      let url = options.url
      const init = { method, headers: header }
      if (method === 'GET' || method === 'DELETE') url = withQuery(url, options.data)
      else if (options.data !== undefined) init.body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data)
      send(url, init, options.timeout)
        .then(async response => {
          const text = await response.text()
          let data = text
          try {
            data = JSON.parse(text) // wx.request's default dataType 'json'
          } catch (err) {
            // not JSON: hand back the text, as wx does
          }
          options.success && options.success({ statusCode: response.status, data, header: headersOf(response) })
        })
        .catch(err => options.fail && options.fail({ errMsg: 'request:fail ' + err.message }))
    },

    uploadFile(options) {
      const form = new FormData()
      Object.keys(options.formData || {}).forEach(key => form.append(key, String(options.formData[key])))
      let bytes
      try {
        bytes = fs.readFileSync(options.filePath)
      } catch (err) {
        options.fail && options.fail({ errMsg: 'uploadFile:fail ' + err.message })
        return
      }
      form.append(options.name, new Blob([bytes]), path.basename(options.filePath))
      send(options.url, { method: 'POST', headers: Object.assign({}, options.header), body: form }, options.timeout)
        .then(async response => {
          // wx.uploadFile always hands back the body as text
          options.success && options.success({ statusCode: response.status, data: await response.text() })
        })
        .catch(err => options.fail && options.fail({ errMsg: 'uploadFile:fail ' + err.message }))
    },
  }
  return wx
}

module.exports = { createNodeWx }
