// One appeal as the shop owner sees it: status, what was asked, the public timeline, the reply and
// the rating. Used by 我的诉求 detail and 诉求查询 (both get the same view from the API).
const { chinaDateTime } = require('../../utils/datetime')
const { openFile } = require('../../utils/files')

const STATUS_TONES = { submitted: 'orange', accepted: 'blue', transferred: 'blue', reported: 'blue', replied: 'green', closed: 'grey' }

function view(a) {
  if (!a) return null
  return Object.assign({}, a, {
    tone: STATUS_TONES[a.status] || 'grey',
    submittedText: chinaDateTime(a.submitted_at),
    dueText: chinaDateTime(a.finish_due_at),
    repliedText: chinaDateTime(a.replied_at),
    timeline: (a.timeline || [])
      .slice()
      .reverse()
      .map(t => Object.assign({}, t, { atText: chinaDateTime(t.at) })),
  })
}

Component({
  // card, tag, hint … come from app.wxss
  options: { addGlobalClass: true },
  properties: {
    appeal: { type: Object, value: null },
    // 诉求查询 (code + password) gets signed links that open without login; set false to list names only
    canOpenFiles: { type: Boolean, value: true },
  },
  data: { v: null },
  observers: {
    appeal(a) {
      this.setData({ v: view(a) })
    },
  },
  methods: {
    openPhoto(e) {
      if (!this.data.canOpenFiles) return Promise.resolve(false)
      return openFile(this.data.v.photos[Number(e.currentTarget.dataset.index)])
    },
    openReplyFile(e) {
      if (!this.data.canOpenFiles) return Promise.resolve(false)
      return openFile(this.data.v.reply_files[Number(e.currentTarget.dataset.index)])
    },
  },
  lifetimes: {
    attached() {
      this.setData({ v: view(this.data.appeal) })
    },
  },
})
