// Runtime configuration of the mini-program.
// apiBase is the origin of the Getitong API; in production it must be an HTTPS domain that is
// listed as a "request 合法域名" in the WeChat console. Developers may point a local build at
// another API by editing this file (it is the only place the address lives).
module.exports = {
  apiBase: 'http://127.0.0.1:8000',
  // All shop-owner endpoints live under this prefix (docs/api-contract.md).
  apiPrefix: '/api/v1/mp',
  // Milliseconds before wx.request gives up.
  timeout: 15000,
}
