// A `wx` object for tests: every API a jest.fn, storage kept in memory.
// Callback-style APIs succeed with `responses[name]` (an object or a function of the options)
// unless `failures[name]` is set, in which case `fail` gets it (a function of the options may return
// nothing to let that call succeed).

const CALLBACK_APIS = [
  'request',
  'uploadFile',
  'login',
  'scanCode',
  'chooseMedia',
  'showModal',
  'showActionSheet',
  'navigateTo',
  'redirectTo',
  'reLaunch',
  'switchTab',
  'navigateBack',
  'setClipboardData',
  'downloadFile',
  'openDocument',
  'previewImage',
]

function createWx() {
  const storage = new Map()
  const responses = {}
  const failures = {}
  const wx = {
    __storage: storage,
    __responses: responses,
    __failures: failures,
    getStorageSync: jest.fn(key => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key, value) => {
      storage.set(key, JSON.parse(JSON.stringify(value)))
    }),
    removeStorageSync: jest.fn(key => {
      storage.delete(key)
    }),
    showToast: jest.fn(),
    showLoading: jest.fn(),
    hideLoading: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    setNavigationBarTitle: jest.fn(),
  }
  CALLBACK_APIS.forEach(name => {
    wx[name] = jest.fn(options => {
      options = options || {}
      const failure = typeof failures[name] === 'function' ? failures[name](options) : failures[name]
      if (failure) {
        if (options.fail) options.fail(failure)
      } else {
        const response = responses[name]
        const res = typeof response === 'function' ? response(options) : response || { errMsg: name + ':ok' }
        if (options.success) options.success(res)
      }
      if (options.complete) options.complete()
    })
  })
  return wx
}

/** Install a fresh mock as the global `wx` and return it. */
function installWx() {
  const wx = createWx()
  global.wx = wx
  return wx
}

module.exports = { createWx, installWx }
