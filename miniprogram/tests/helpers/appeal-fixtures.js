// Shapes of the appeals API (docs/appeals.md), as the real server sends them.

function appealOptions() {
  return {
    types: [
      { value: 'consult', label: '咨询' },
      { value: 'complaint', label: '投诉' },
      { value: 'suggestion', label: '建议' },
    ],
    departments: ['登记注册', '食品安全', '其他'],
    statuses: [],
    ratings: [
      { value: 'satisfied', label: '满意' },
      { value: 'basic', label: '基本满意' },
      { value: 'dissatisfied', label: '不满意' },
    ],
    max_photos: 9,
  }
}

function submitted(overrides = {}) {
  return Object.assign(
    {
      id: 7,
      query_code: '54ZHR9YAHGD6',
      query_password: '3a9d96d7',
      status: 'submitted',
      status_label: '待受理',
      submitted_at: '2026-12-01T00:05:22+00:00',
      finish_due_at: '2026-12-16T00:05:22+00:00',
      notice: '请妥善保存查询码和查询密码，查询密码仅显示这一次',
    },
    overrides
  )
}

function listItem(id, overrides = {}) {
  return Object.assign(
    {
      id,
      title: '门前占道经营' + id,
      type: 'complaint',
      type_label: '投诉',
      department: '其他',
      status: 'submitted',
      status_label: '待受理',
      query_code: 'CODE' + id,
      submitted_at: '2026-12-01T00:05:22+00:00',
      replied_at: null,
      overdue: false,
      rating: null,
      allowed_actions: [],
    },
    overrides
  )
}

function detail(overrides = {}) {
  return Object.assign(
    {
      id: 7,
      query_code: '54ZHR9YAHGD6',
      title: '门前占道经营',
      type: 'complaint',
      type_label: '投诉',
      department: '其他',
      content: '隔壁商户长期占道',
      photos: [{ id: 1, name: 'p.png', content_type: 'image/png', size: 69, url: '/api/v1/mp/appeals/7/files/1' }],
      business: { id: 1, name: '下陆区张记小吃店' },
      org: { id: 19, name: '黄石市下陆区市场监督管理局' },
      status: 'replied',
      status_label: '已回复',
      submitted_at: '2026-12-01T00:05:22+00:00',
      replied_at: '2026-12-03T02:00:00+00:00',
      finish_due_at: '2026-12-16T00:05:22+00:00',
      overdue: false,
      reply: '已责令整改',
      reply_files: [],
      out_of_scope: false,
      competent_department: null,
      rating: null,
      rating_label: null,
      rating_comment: null,
      reopened_once: false,
      timeline: [
        { action: 'submit', action_label: '提交诉求', to_status: 'submitted', to_status_label: '待受理', org_name: null, comment: '', at: '2026-12-01T00:05:22+00:00' },
        { action: 'accept', action_label: '受理', to_status: 'accepted', to_status_label: '已受理', org_name: '黄石市下陆区市场监督管理局', comment: '', at: '2026-12-01T03:00:00+00:00' },
        { action: 'reply', action_label: '回复', to_status: 'replied', to_status_label: '已回复', org_name: null, comment: '已责令整改', at: '2026-12-03T02:00:00+00:00' },
      ],
      allowed_actions: ['rate'],
    },
    overrides
  )
}

module.exports = { appealOptions, submitted, listItem, detail }
