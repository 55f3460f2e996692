// The route table. A route's `perm` guards both its menu item and navigation to it,
// using the permission codes the API returns in /me.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { Checked, Share, Key, Flag, Calendar, Star, Promotion, Medal, Trophy, Notebook, Reading, Tickets, Present, CreditCard, Money, Coin, ChatLineSquare, DataAnalysis, Document, House, List, OfficeBuilding, Setting, User, Warning, WarningFilled } from '@element-plus/icons-vue'
import { Bell, Collection, Connection, FolderOpened, Search, Stamp, Download as DownloadIcon, Aim } from '@element-plus/icons-vue'
import { EditPen, UploadFilled, DocumentChecked, Histogram, Files } from '@element-plus/icons-vue'
import AppLayout from '@/components/layout/AppLayout.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    icon?: Component
    /** Permission code needed to open the page (and to see its menu item); a list means any of them. */
    perm?: string | string[]
    /** Reachable without signing in. */
    public?: boolean
    /** Shown in the sidebar. */
    menu?: boolean
    /** Sidebar group title; items sharing it are nested under one sub-menu. */
    group?: string
    /** Menu item to highlight for a page that has none of its own (a detail page). */
    activeMenu?: string
  }
}

/** Icons of the sidebar groups named by `meta.group`. */
export const MENU_GROUP_ICONS: Record<string, Component> = { 诉求管理: ChatLineSquare, 信用修复: Checked, 金融服务: Money, 内容管理: Reading, 名特优新: Medal, 党建: Flag, 系统管理: Setting, 登记注册: Stamp, 双告知: Bell, 双随机: Aim, 信息归集: Files }

/** Any appeal role sees the queue (the API scopes what each one sees). */
const APPEAL_VIEW = ['appeal:desk', 'appeal:handle', 'appeal:supervise', 'appeal:stats']
/** Any credit-repair role (经办 / 审核 / 审批). */
const CREDIT_VIEW = ['credit:accept', 'credit:review', 'credit:approve']
/** Bank staff handle their institution's loans; supervisors manage institutions and products. */
const LOAN_VIEW = ['loan:handle', 'loan:manage']

export const appChildren: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/DashboardView.vue'),
    meta: { title: '工作台', icon: House, menu: true },
  },
  {
    path: 'entities',
    name: 'entities',
    component: () => import('@/views/entities/EntityListView.vue'),
    meta: { title: '主体库', icon: OfficeBuilding, perm: 'entity:read', menu: true },
  },
  {
    path: 'appeals',
    name: 'appeals',
    component: () => import('@/views/appeals/queue/AppealQueueView.vue'),
    meta: { title: '诉求办理', icon: ChatLineSquare, perm: APPEAL_VIEW, menu: true, group: '诉求管理' },
  },
  {
    path: 'appeals/:id(\\d+)',
    name: 'appeal-detail',
    component: () => import('@/views/appeals/detail/AppealDetailView.vue'),
    meta: { title: '诉求详情', perm: APPEAL_VIEW, group: '诉求管理', activeMenu: '/appeals' },
  },
  {
    path: 'appeals/overdue',
    name: 'appeal-overdue',
    component: () => import('@/views/appeals/supervise/AppealOverdueView.vue'),
    meta: { title: '超期督办', icon: WarningFilled, perm: 'appeal:supervise', menu: true, group: '诉求管理' },
  },
  {
    path: 'appeals/stats',
    name: 'appeal-stats',
    component: () => import('@/views/appeals/stats/AppealStatsView.vue'),
    meta: { title: '诉求统计', icon: DataAnalysis, perm: 'appeal:stats', menu: true, group: '诉求管理' },
  },
  {
    path: 'risk',
    name: 'risk',
    component: () => import('@/views/risk/RiskListView.vue'),
    meta: { title: '风险信息', icon: Warning, perm: 'entity:read', menu: true },
  },
  // ---- 信息归集 (seed 004 §二 信息提供, §四 信息管理) ----
  {
    path: 'collection/entry',
    name: 'collection-entry',
    component: () => import('@/views/collection/CollectionEntryView.vue'),
    meta: { title: '在线录入', icon: EditPen, perm: 'data:import', menu: true, group: '信息归集' },
  },
  {
    path: 'collection/imports',
    name: 'collection-imports',
    component: () => import('@/views/collection/CollectionImportView.vue'),
    meta: { title: '批量导入', icon: UploadFilled, perm: 'data:import', menu: true, group: '信息归集' },
  },
  {
    path: 'collection/records',
    name: 'collection-records',
    component: () => import('@/views/collection/CollectionRecordsView.vue'),
    meta: { title: '本部门问题数据处理', icon: DocumentChecked, perm: 'data:import', menu: true, group: '信息归集' },
  },
  {
    path: 'collection/stats',
    name: 'collection-stats',
    component: () => import('@/views/collection/CollectionStatsView.vue'),
    meta: { title: '查询统计', icon: Histogram, perm: 'data:import', menu: true, group: '信息归集' },
  },
  {
    path: 'collection/compare',
    name: 'collection-compare',
    component: () => import('@/views/collection/CollectionCompareView.vue'),
    meta: { title: '批量对比', icon: Files, perm: 'data:import', menu: true, group: '信息归集' },
  },
  // ---- end 信息归集 ----
  // ---- 登记注册, 双告知 and 双随机 (docs/registration.md, docs/notices.md, docs/supervision.md) ----
  {
    path: 'registrations',
    name: 'registrations',
    component: () => import('@/views/registration/queue/RegistrationQueueView.vue'),
    meta: { title: '登记审核', icon: Checked, perm: 'registration:review', menu: true, group: '登记注册' },
  },
  {
    path: 'registrations/:id(\\d+)',
    name: 'registration-detail',
    component: () => import('@/views/registration/detail/RegistrationDetailView.vue'),
    meta: { title: '登记申请详情', perm: 'registration:review', group: '登记注册', activeMenu: '/registrations' },
  },
  {
    path: 'registrations/licenses',
    name: 'registration-licenses',
    component: () => import('@/views/registration/license/LicenseListView.vue'),
    meta: { title: '证照登记及打印', icon: Tickets, perm: 'registration:review', menu: true, group: '登记注册' },
  },
  {
    path: 'registrations/:id(\\d+)/license',
    name: 'registration-license',
    component: () => import('@/views/registration/license/LicenseView.vue'),
    meta: { title: '营业执照', perm: 'registration:review', group: '登记注册', activeMenu: '/registrations/licenses' },
  },
  {
    path: 'registrations/archives',
    name: 'registration-archives',
    component: () => import('@/views/registration/archives/ArchiveListView.vue'),
    meta: { title: '电子档案', icon: FolderOpened, perm: 'registration:review', menu: true, group: '登记注册' },
  },
  {
    path: 'registrations/:id(\\d+)/archive',
    name: 'registration-archive',
    component: () => import('@/views/registration/archives/ArchiveDetailView.vue'),
    meta: { title: '档案详情', perm: 'registration:review', group: '登记注册', activeMenu: '/registrations/archives' },
  },
  {
    path: 'notices',
    name: 'notices',
    component: () => import('@/views/notices/manage/NoticeQueryView.vue'),
    meta: { title: '告知查询', icon: Search, perm: 'notice:manage', menu: true, group: '双告知' },
  },
  {
    path: 'notices/departments',
    name: 'notice-departments',
    component: () => import('@/views/notices/manage/NoticeDepartmentsView.vue'),
    meta: { title: '告知部门', icon: Connection, perm: 'notice:manage', menu: true, group: '双告知' },
  },
  {
    path: 'notices/rules',
    name: 'notice-rules',
    component: () => import('@/views/notices/manage/NoticeRulesView.vue'),
    meta: { title: '告知规则', icon: Collection, perm: 'notice:manage', menu: true, group: '双告知' },
  },
  {
    path: 'notices/receive',
    name: 'notice-receive',
    component: () => import('@/views/notices/inbox/NoticeReceiveView.vue'),
    meta: { title: '告知接收', icon: DownloadIcon, perm: 'notice:receive', menu: true, group: '双告知' },
  },
  {
    path: 'notices/feedback',
    name: 'notice-feedback',
    component: () => import('@/views/notices/inbox/NoticeFeedbackView.vue'),
    meta: { title: '告知反馈', icon: Promotion, perm: 'notice:receive', menu: true, group: '双告知' },
  },
  {
    path: 'notices/:id(\\d+)',
    name: 'notice-detail',
    component: () => import('@/views/notices/NoticeDetailView.vue'),
    meta: { title: '告知详情', perm: ['notice:manage', 'notice:receive'], group: '双告知' },
  },
  {
    path: 'inspections/plans',
    name: 'inspection-plans',
    component: () => import('@/views/supervision/PlanListView.vue'),
    meta: { title: '抽查方案', icon: List, perm: ['inspection:plan', 'inspection:review', 'inspector:manage'], menu: true, group: '双随机' },
  },
  {
    path: 'inspections/plans/new',
    name: 'inspection-plan-new',
    component: () => import('@/views/supervision/PlanEditView.vue'),
    meta: { title: '新建抽查方案', perm: 'inspection:plan', group: '双随机', activeMenu: '/inspections/plans' },
  },
  {
    path: 'inspections/plans/:id(\\d+)/edit',
    name: 'inspection-plan-edit',
    component: () => import('@/views/supervision/PlanEditView.vue'),
    meta: { title: '编辑抽查方案', perm: 'inspection:plan', group: '双随机', activeMenu: '/inspections/plans' },
  },
  {
    path: 'inspections/plans/:id(\\d+)',
    name: 'inspection-plan-detail',
    component: () => import('@/views/supervision/PlanDetailView.vue'),
    meta: { title: '抽查方案办理', perm: ['inspection:plan', 'inspection:review', 'inspector:manage'], group: '双随机', activeMenu: '/inspections/plans' },
  },
  {
    path: 'inspections/catalog',
    name: 'inspection-catalog',
    component: () => import('@/views/supervision/CatalogView.vue'),
    meta: { title: '检查事项', icon: Notebook, perm: ['inspection:plan', 'inspection:review', 'inspector:manage'], menu: true, group: '双随机' },
  },
  {
    path: 'inspections/inspectors',
    name: 'inspection-inspectors',
    component: () => import('@/views/supervision/InspectorListView.vue'),
    meta: { title: '执法人员库', icon: User, perm: ['inspection:plan', 'inspection:review', 'inspector:manage'], menu: true, group: '双随机' },
  },
  {
    path: 'inspections/targets',
    name: 'inspection-targets',
    component: () => import('@/views/supervision/TargetQueryView.vue'),
    meta: { title: '检查对象查询', icon: Search, perm: ['inspection:plan', 'inspection:review', 'inspector:manage'], menu: true, group: '双随机' },
  },
  {
    path: 'inspections/tasks',
    name: 'inspection-tasks',
    component: () => import('@/views/supervision/TaskListView.vue'),
    meta: { title: '抽查任务', icon: Tickets, perm: 'inspection:execute', menu: true, group: '双随机' },
  },
  {
    path: 'inspections/targets/:id(\\d+)',
    name: 'inspection-target',
    component: () => import('@/views/supervision/TargetResultView.vue'),
    meta: { title: '抽查结果', perm: ['inspection:execute', 'inspection:plan', 'inspection:review', 'inspector:manage'], group: '双随机', activeMenu: '/inspections/targets' },
  },
  // ---- end 登记注册 / 双告知 / 双随机 ----
  // ---- 联合惩戒 (docs/punishment.md): managers publish, department liaisons feed back and receive the lists ----
  {
    path: 'punishment/matters',
    name: 'punishment-matters',
    component: () => import('@/views/punishment/MatterListView.vue'),
    meta: { title: '惩戒事项', icon: Tickets, perm: 'punishment:manage', menu: true, group: '联合惩戒' },
  },
  {
    path: 'punishment/matters/new',
    name: 'punishment-publish',
    component: () => import('@/views/punishment/MatterPublishView.vue'),
    meta: { title: '发布惩戒事项', perm: 'punishment:manage', group: '联合惩戒', activeMenu: '/punishment/matters' },
  },
  {
    path: 'punishment/matters/:id(\\d+)/edit',
    name: 'punishment-edit',
    component: () => import('@/views/punishment/MatterPublishView.vue'),
    meta: { title: '修改惩戒事项', perm: 'punishment:manage', group: '联合惩戒', activeMenu: '/punishment/matters' },
  },
  {
    path: 'punishment/catalog',
    name: 'punishment-catalog',
    component: () => import('@/views/punishment/CatalogView.vue'),
    meta: { title: '惩戒目录', icon: Collection, perm: 'punishment:manage', menu: true, group: '联合惩戒' },
  },
  {
    path: 'punishment/stats',
    name: 'punishment-stats',
    component: () => import('@/views/punishment/StatsView.vue'),
    meta: { title: '惩戒统计', icon: DataAnalysis, perm: 'punishment:manage', menu: true, group: '联合惩戒' },
  },
  {
    path: 'punishment/inbox',
    name: 'punishment-inbox',
    component: () => import('@/views/punishment/InboxView.vue'),
    meta: { title: '惩戒反馈', icon: Promotion, perm: 'notice:receive', menu: true, group: '联合惩戒' },
  },
  {
    path: 'punishment/lists/serious',
    name: 'punishment-serious',
    component: () => import('@/views/punishment/ReceivedListView.vue'),
    props: { kind: 'serious_violation' },
    meta: { title: '严重违法失信企业名单', icon: Document, perm: 'notice:receive', menu: true, group: '联合惩戒' },
  },
  {
    path: 'punishment/lists/abnormal',
    name: 'punishment-abnormal',
    component: () => import('@/views/punishment/ReceivedListView.vue'),
    props: { kind: 'abnormal' },
    meta: { title: '经营异常名录', icon: Document, perm: 'notice:receive', menu: true, group: '联合惩戒' },
  },
  // ---- end 联合惩戒 ----
  {
    path: 'credit',
    name: 'credit',
    component: () => import('@/views/credit/list/CreditListView.vue'),
    meta: { title: '修复办理', icon: List, perm: CREDIT_VIEW, menu: true, group: '信用修复' },
  },
  {
    path: 'credit/:id(\\d+)',
    name: 'credit-detail',
    component: () => import('@/views/credit/detail/CreditDetailView.vue'),
    meta: { title: '信用修复申请', perm: CREDIT_VIEW, group: '信用修复', activeMenu: '/credit' },
  },
  {
    path: 'credit/serious',
    name: 'credit-serious',
    component: () => import('@/views/credit/listings/CreditListingsView.vue'),
    props: { group: 'serious' },
    meta: { title: '列严名单', icon: Document, perm: CREDIT_VIEW, menu: true, group: '信用修复' },
  },
  {
    path: 'credit/abnormal',
    name: 'credit-abnormal',
    component: () => import('@/views/credit/listings/CreditListingsView.vue'),
    props: { group: 'abnormal' },
    meta: { title: '列异名录', icon: Document, perm: CREDIT_VIEW, menu: true, group: '信用修复' },
  },
  {
    path: 'loans/applications',
    name: 'loan-applications',
    component: () => import('@/views/loans/applications/LoanApplicationsView.vue'),
    meta: { title: '贷款申请', icon: CreditCard, perm: LOAN_VIEW, menu: true, group: '金融服务' },
  },
  {
    path: 'loans/products',
    name: 'loan-products',
    component: () => import('@/views/loans/products/LoanProductsView.vue'),
    meta: { title: '贷款产品', icon: Coin, perm: LOAN_VIEW, menu: true, group: '金融服务' },
  },
  {
    path: 'loans/institutions',
    name: 'loan-institutions',
    component: () => import('@/views/loans/institutions/LoanInstitutionsView.vue'),
    meta: { title: '金融机构', icon: OfficeBuilding, perm: LOAN_VIEW, menu: true, group: '金融服务' },
  },
  {
    path: 'content/news',
    name: 'news',
    component: () => import('@/views/content/ArticleListView.vue'),
    props: { resource: 'news' },
    meta: { title: '新闻资讯', icon: Notebook, perm: 'content:edit', menu: true, group: '内容管理' },
  },
  {
    path: 'content/laws',
    name: 'laws',
    component: () => import('@/views/content/ArticleListView.vue'),
    props: { resource: 'laws' },
    meta: { title: '法律法规', icon: Reading, perm: 'content:edit', menu: true, group: '内容管理' },
  },
  {
    path: 'policies',
    name: 'policies',
    component: () => import('@/views/policies/PolicyListView.vue'),
    meta: { title: '政策事项', icon: Tickets, perm: 'content:edit', menu: true, group: '内容管理' },
  },
  {
    path: 'benefits',
    name: 'benefits',
    component: () => import('@/views/policies/BenefitListView.vue'),
    meta: { title: '免申即享', icon: Present, perm: 'content:edit', menu: true, group: '内容管理' },
  },
  {
    path: 'benefits/:id(\\d+)',
    name: 'benefit-detail',
    component: () => import('@/views/policies/BenefitDetailView.vue'),
    meta: { title: '免申即享推送', perm: 'content:edit', group: '内容管理', activeMenu: '/benefits' },
  },
  {
    path: 'recognition/notices',
    name: 'recognition-notices',
    component: () => import('@/views/recognition/NoticeListView.vue'),
    meta: { title: '认定公告', icon: Medal, perm: 'recognition:review', menu: true, group: '名特优新' },
  },
  {
    path: 'recognition/applications',
    name: 'recognition-applications',
    component: () => import('@/views/recognition/RecognitionApplicationsView.vue'),
    meta: { title: '申请审核', icon: Trophy, perm: 'recognition:review', menu: true, group: '名特优新' },
  },
  {
    path: 'recognition/applications/:id(\\d+)',
    name: 'recognition-detail',
    component: () => import('@/views/recognition/RecognitionDetailView.vue'),
    meta: { title: '名特优新申请', perm: 'recognition:review', group: '名特优新', activeMenu: '/recognition/applications' },
  },
  {
    path: 'party/activities',
    name: 'party-activities',
    component: () => import('@/views/party/ActivityListView.vue'),
    meta: { title: '党员活动', icon: Calendar, perm: 'party:manage', menu: true, group: '党建' },
  },
  {
    path: 'party/activities/:id(\\d+)',
    name: 'party-activity',
    component: () => import('@/views/party/ActivityDetailView.vue'),
    meta: { title: '活动签到', perm: 'party:manage', group: '党建', activeMenu: '/party/activities' },
  },
  {
    path: 'party/volunteer-records',
    name: 'party-volunteer',
    component: () => import('@/views/party/VolunteerRecordsView.vue'),
    meta: { title: '志愿服务', icon: Promotion, perm: 'party:manage', menu: true, group: '党建' },
  },
  {
    path: 'party/stories',
    name: 'party-stories',
    component: () => import('@/views/party/StoryListView.vue'),
    meta: { title: '先进事迹', icon: Star, perm: 'party:manage', menu: true, group: '党建' },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/users/UserListView.vue'),
    meta: { title: '用户管理', icon: User, perm: 'user:read', menu: true, group: '系统管理' },
  },
  {
    path: 'system/orgs',
    name: 'orgs',
    component: () => import('@/views/system/OrgTreeView.vue'),
    meta: { title: '机构树', icon: Share, perm: 'org:read', menu: true, group: '系统管理' },
  },
  {
    path: 'system/roles',
    name: 'roles',
    component: () => import('@/views/system/RoleListView.vue'),
    meta: { title: '角色权限', icon: Key, perm: 'user:read', menu: true, group: '系统管理' },
  },
  {
    path: 'system/audit-logs',
    name: 'audit-logs',
    component: () => import('@/views/system/AuditLogView.vue'),
    meta: { title: '审计日志', icon: Document, perm: 'audit:read', menu: true, group: '系统管理' },
  },
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/views/error/ForbiddenView.vue'),
    meta: { title: '无权限' },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/NotFoundView.vue'),
    meta: { title: '页面不存在' },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/',
    component: AppLayout,
    redirect: { name: 'dashboard' },
    children: appChildren,
  },
]
