/**
 * Every text of the browser admin, in Chinese and English: the one dictionary. Pages ask for a
 * key with {@link translate}; a missing key is a type error, so the two languages never drift.
 *
 * @module
 */

import { PERF_MESSAGES } from "../admin/performance/perf_messages.ts";

/** The languages the admin speaks. */
export type Lang = "zh" | "en";

/** Every language, Chinese first (the default). */
export const LANGS: readonly Lang[] = ["zh", "en"];

const M = {
  // ---- shell
  app_name: { zh: "吹哨 · 派单规则", en: "Whistle rules" },
  skip_to_content: { zh: "跳到正文", en: "Skip to content" },
  nav_overview: { zh: "概览", en: "Overview" },
  nav_units: { zh: "承办单位", en: "Units" },
  nav_matter_types: { zh: "事项准入清单", en: "Admission list" },
  nav_rules: { zh: "例外规则", en: "Exception rules" },
  nav_drafts: { zh: "草稿", en: "Drafts" },
  nav_versions: { zh: "版本历史", en: "Versions" },
  nav_try: { zh: "试派单", en: "Try a case" },
  nav_users: { zh: "用户", en: "Users" },
  nav_tokens: { zh: "API 令牌", en: "API tokens" },
  signed_in_as: { zh: "{name}（{role}）", en: "{name} ({role})" },
  sign_out: { zh: "退出", en: "Sign out" },
  switch_lang: { zh: "English", en: "中文" },
  switch_lang_title: { zh: "Switch to English", en: "切换到中文" },
  role_admin: { zh: "管理员", en: "admin" },
  role_policy_editor: { zh: "规则编辑", en: "policy editor" },
  role_auditor: { zh: "审计员", en: "auditor" },
  role_viewer: { zh: "只读用户", en: "viewer" },
  yes: { zh: "是", en: "yes" },
  no: { zh: "否", en: "no" },
  none: { zh: "无", en: "none" },
  save: { zh: "保存", en: "Save" },
  cancel: { zh: "取消", en: "Cancel" },
  edit: { zh: "编辑", en: "Edit" },
  remove: { zh: "删除", en: "Remove" },
  add: { zh: "添加", en: "Add" },
  search: { zh: "搜索", en: "Search" },
  filter_all: { zh: "全部", en: "All" },
  actions: { zh: "操作", en: "Actions" },
  back: { zh: "返回", en: "Back" },
  loading: { zh: "加载中…", en: "Loading…" },
  page_of: {
    zh: "第 {page} / {pages} 页，共 {total} 条",
    en: "Page {page} of {pages}, {total} in all",
  },
  previous_page: { zh: "上一页", en: "Previous" },
  next_page: { zh: "下一页", en: "Next" },
  read_only_note: {
    zh: "只读：这是正在生效的版本。要修改，请新建草稿。",
    en: "Read only: this is the active version. To change it, start a draft.",
  },
  confirm_remove: { zh: "确定删除 {item}？", en: "Remove {item}?" },

  // ---- sign-in
  login_title: { zh: "登录", en: "Sign in" },
  login_name: { zh: "用户名", en: "User name" },
  login_password: { zh: "密码", en: "Password" },
  login_submit: { zh: "登录", en: "Sign in" },
  login_invalid: { zh: "用户名或密码不正确。", en: "Wrong user name or password." },
  login_throttled: {
    zh: "失败次数过多，请 {minutes} 分钟后再试。",
    en: "Too many failed attempts; try again in {minutes} minutes.",
  },
  login_hint: {
    zh: "还没有账号？由管理员创建；第一个管理员用这条命令创建：",
    en: "No account? An admin creates one; the first admin comes from:",
  },
  signed_out: { zh: "已退出。", en: "Signed out." },

  // ---- errors
  error_forbidden_title: { zh: "无权操作", en: "Not allowed" },
  error_forbidden: {
    zh: "您的角色（{role}）不能执行此操作。",
    en: "Your role ({role}) may not do this.",
  },
  error_csrf: {
    zh: "请求未通过跨站校验，请刷新页面后重试。",
    en: "The request failed the cross-site check; reload the page and try again.",
  },
  error_not_found_title: { zh: "未找到", en: "Not found" },
  error_not_found: { zh: "没有这个页面或对象。", en: "There is no such page or item." },
  error_conflict_title: { zh: "无法完成", en: "Cannot do that" },
  error_internal_title: { zh: "出错了", en: "Something went wrong" },
  error_internal: {
    zh: "服务器出错，已记录（请求号 {id}）。",
    en: "The server failed; it has been logged (request {id}).",
  },
  error_bad_request_title: { zh: "请求有误", en: "Bad request" },

  // ---- overview
  overview_title: { zh: "概览", en: "Overview" },
  overview_active: { zh: "生效版本", en: "Active version" },
  overview_active_line: {
    zh: "第 {version} 版，{when} 由 {who} 启用",
    en: "Version {version}, activated {when} by {who}",
  },
  overview_counts: {
    zh: "{units} 个单位 · {types} 个事项 · {rules} 条例外规则",
    en: "{units} units · {types} matter types · {rules} exception rules",
  },
  overview_intake_today: { zh: "今日受理", en: "Received today" },
  overview_overdue: { zh: "已超期未办结", en: "Overdue, not resolved" },
  overview_overdue_help: {
    zh: "超过办结期限且未办结、未关闭的案件",
    en: "cases past their resolve deadline, not resolved or closed",
  },
  overview_open_drafts: { zh: "进行中的草稿", en: "Open drafts" },
  overview_no_drafts: { zh: "暂无草稿。", en: "No open drafts." },
  overview_links: { zh: "常用", en: "Shortcuts" },

  // ---- units
  units_title: { zh: "承办单位", en: "Units" },
  units_help: {
    zh: "上级单位即升级链的下一站：超期案件移交上级。",
    en: "A unit's parent is the next step of its escalation chain: late cases move up to it.",
  },
  units_hierarchy: {
    zh: "区 → 街道 → 社区 → 网格",
    en: "District → streets → communities → grids",
  },
  units_departments: { zh: "部门与企业", en: "Departments and enterprises" },
  units_others: { zh: "其他单位", en: "Other units" },
  unit_code: { zh: "编码", en: "Code" },
  unit_name: { zh: "名称", en: "Name" },
  unit_tier: { zh: "层级", en: "Tier" },
  unit_parent: { zh: "上级", en: "Parent" },
  unit_owns: { zh: "承办事项", en: "Matter types" },
  tier_city: { zh: "市", en: "city" },
  tier_district: { zh: "区", en: "district" },
  tier_street: { zh: "街道", en: "street" },
  tier_community: { zh: "社区", en: "community" },
  tier_grid: { zh: "网格", en: "grid" },
  tier_department: { zh: "部门", en: "department" },
  tier_enterprise: { zh: "企业", en: "enterprise" },
  fallback_unit: { zh: "兜底单位（人工派单）", en: "Fallback unit (manual dispatch)" },

  // ---- admission list
  mt_title: { zh: "事项准入清单", en: "Admission list" },
  mt_code: { zh: "事项编码", en: "Code" },
  mt_name: { zh: "事项名称", en: "Matter type" },
  mt_name_zh: { zh: "中文名称", en: "Chinese name" },
  mt_name_en: { zh: "英文名称", en: "English name" },
  mt_category: { zh: "类别", en: "Category" },
  mt_owner: { zh: "承办单位", en: "Owner" },
  mt_time_limits: { zh: "时限", en: "Time limits" },
  mt_time_class: { zh: "时限类别", en: "Time-limit class" },
  mt_limits_line: {
    zh: "签收 {accept} · 办结 {resolve}",
    en: "accept {accept} · resolve {resolve}",
  },
  mt_search_placeholder: { zh: "编码、名称或单位", en: "code, name or unit" },
  mt_all_categories: { zh: "全部类别", en: "All categories" },
  mt_all_owners: { zh: "全部承办单位", en: "All owners" },
  mt_none_found: { zh: "没有符合条件的事项。", en: "No matter type matches." },
  mt_add_title: { zh: "添加事项", en: "Add a matter type" },
  mt_exists: { zh: "事项编码 {code} 已存在。", en: "Matter type {code} exists already." },
  mt_removed: { zh: "已删除事项 {code}。", en: "Removed matter type {code}." },
  category_dispute: { zh: "矛盾纠纷", en: "disputes" },
  category_public_order: { zh: "社会治安", en: "public order" },
  category_public_safety: { zh: "公共安全", en: "public safety" },
  category_public_service: { zh: "公共服务", en: "public services" },

  // ---- findings
  findings_title: { zh: "校验结果", en: "Validation" },
  findings_none: { zh: "没有发现问题。", en: "No problems found." },
  findings_summary: {
    zh: "{errors} 个错误，{warnings} 个警告",
    en: "{errors} errors, {warnings} warnings",
  },
  severity_error: { zh: "错误", en: "error" },
  severity_warning: { zh: "警告", en: "warning" },
  findings_block_publish: {
    zh: "有错误的草稿不能发布。",
    en: "A draft with errors cannot be published.",
  },

  // ---- exception rules
  rules_title: { zh: "例外规则", en: "Exception rules" },
  rules_help: {
    zh: "例外规则覆盖准入清单：条件全部（或任一）成立时，案件改派指定单位或提级。优先级高者先行。",
    en:
      "Exception rules override the admission list: when all (or any) conditions hold, the case goes to the named unit or up a level. Higher priority wins.",
  },
  rules_none: { zh: "没有例外规则。", en: "No exception rules." },
  rule_name: { zh: "规则名", en: "Rule name" },
  rule_description: { zh: "说明", en: "Description" },
  rule_priority: { zh: "优先级", en: "Priority" },
  rule_conditions: { zh: "条件", en: "Conditions" },
  rule_outcome: { zh: "结果", en: "Outcome" },
  rule_new: { zh: "新建规则", en: "New rule" },
  rule_edit_title: { zh: "编辑规则 {name}", en: "Edit rule {name}" },
  rule_new_title: { zh: "新建例外规则", en: "New exception rule" },
  rule_match_all: { zh: "以下条件全部成立", en: "all of these hold" },
  rule_match_any: { zh: "以下条件任一成立", en: "any of these holds" },
  rule_group: { zh: "匹配方式", en: "Match" },
  rule_fact: { zh: "事实", en: "Fact" },
  rule_operator: { zh: "比较", en: "Operator" },
  rule_value: { zh: "值", en: "Value" },
  rule_value_help: {
    zh: "多个值（属于、不属于、包含任一词）用逗号分隔。",
    en: "Several values (in, not in, any of the words): separate with commas.",
  },
  rule_add_condition: { zh: "添加条件", en: "Add a condition" },
  rule_remove_condition: { zh: "删除此条件", en: "Remove this condition" },
  rule_event: { zh: "命中后", en: "When it matches" },
  rule_event_assign: { zh: "改派给", en: "assign to" },
  rule_event_raise: { zh: "提级（级数）", en: "raise levels" },
  rule_event_assist: { zh: "增加协办单位", en: "add assisting units" },
  rule_assign_line: { zh: "改派 {unit}", en: "assign to {unit}" },
  rule_raise_line: { zh: "提级 {levels} 级", en: "raise {levels} level(s)" },
  rule_assist_line: { zh: "协办：{units}", en: "assisting: {units}" },
  rule_mode_structured: { zh: "表单", en: "Form" },
  rule_mode_json: { zh: "JSON", en: "JSON" },
  rule_json_label: {
    zh: "规则 JSON（json-rules-engine 格式）",
    en: "Rule JSON (json-rules-engine format)",
  },
  rule_nested_note: {
    zh: "这条规则有嵌套条件，只能以 JSON 编辑。",
    en: "This rule has nested conditions; edit it as JSON.",
  },
  rule_check: { zh: "检查", en: "Check" },
  rule_check_ok: { zh: "规则有效。", en: "The rule is valid." },
  rule_json_syntax: {
    zh: "JSON 第 {line} 行第 {column} 列：{message}",
    en: "JSON line {line}, column {column}: {message}",
  },
  rule_saved: { zh: "已保存规则 {name}。", en: "Saved rule {name}." },
  rule_removed: { zh: "已删除规则 {name}。", en: "Removed rule {name}." },
  rule_not_a_number: { zh: "“{value}”不是数字", en: '"{value}" is not a number' },
  rule_name_required: { zh: "请填写规则名", en: "a rule needs a name" },
  rule_name_taken: { zh: "已有名为 {name} 的规则", en: "a rule named {name} exists already" },
  op_equal: { zh: "等于", en: "equals" },
  op_notEqual: { zh: "不等于", en: "does not equal" },
  op_lessThan: { zh: "小于", en: "less than" },
  op_lessThanInclusive: { zh: "小于等于", en: "at most" },
  op_greaterThan: { zh: "大于", en: "greater than" },
  op_greaterThanInclusive: { zh: "大于等于", en: "at least" },
  op_in: { zh: "属于", en: "is one of" },
  op_notIn: { zh: "不属于", en: "is none of" },
  op_contains: { zh: "包含", en: "contains" },
  op_doesNotContain: { zh: "不包含", en: "does not contain" },
  op_containsText: { zh: "文本包含", en: "text contains" },
  op_containsAnyText: { zh: "文本包含任一词", en: "text contains any of" },
  cond_all: { zh: "全部", en: "all" },
  cond_any: { zh: "任一", en: "any" },
  cond_not: { zh: "非", en: "not" },

  // ---- drafts
  drafts_title: { zh: "草稿", en: "Drafts" },
  drafts_help: {
    zh: "草稿是生效版本的私有副本：修改、校验、模拟，然后发布为新版本。发布前不影响派单。",
    en:
      "A draft is a private copy of the active version: edit, validate, simulate, then publish it as a new version. Nothing routes by it until then.",
  },
  draft_new: { zh: "新建草稿", en: "New draft" },
  draft_note: { zh: "备注", en: "Note" },
  draft_note_placeholder: {
    zh: "例如：居家养老事项改由司法局承办",
    en: "e.g. move elderly care to the justice bureau",
  },
  draft_title: { zh: "草稿 {id}", en: "Draft {id}" },
  draft_base: { zh: "基于第 {version} 版", en: "from version {version}" },
  draft_base_none: { zh: "基于导入的文件", en: "from imported files" },
  draft_status_open: { zh: "编辑中", en: "open" },
  draft_status_published: { zh: "已发布为第 {version} 版", en: "published as version {version}" },
  draft_meta: {
    zh: "{author} 创建 · 第 {revision} 次修改 · {when} 更新",
    en: "by {author} · revision {revision} · updated {when}",
  },
  draft_published_note: {
    zh: "此草稿已发布，只读。",
    en: "This draft was published and is read only.",
  },
  draft_discard: { zh: "放弃草稿", en: "Discard draft" },
  draft_discard_confirm: { zh: "确定放弃此草稿？", en: "Discard this draft?" },
  draft_discarded: { zh: "草稿已放弃。", en: "Draft discarded." },
  draft_stale: {
    zh: "注意：草稿基于第 {base} 版，但现在生效的是第 {active} 版。发布时以差异为准。",
    en:
      "Note: this draft started from version {base}, but version {active} is active now. Review the diff before publishing.",
  },
  tab_summary: { zh: "概况与校验", en: "Summary" },
  tab_matter_types: { zh: "准入清单", en: "Admission list" },
  tab_rules: { zh: "例外规则", en: "Exception rules" },
  tab_simulate: { zh: "模拟", en: "Simulate" },
  tab_publish: { zh: "发布", en: "Publish" },
  col_id: { zh: "编号", en: "Id" },
  col_status: { zh: "状态", en: "Status" },
  col_author: { zh: "作者", en: "Author" },
  col_updated: { zh: "更新时间", en: "Updated" },
  col_created: { zh: "创建时间", en: "Created" },

  // ---- simulation
  sim_title: { zh: "模拟", en: "Simulation" },
  sim_help: {
    zh: "用近期真实案件回放草稿：看哪些案件会改派、从哪里到哪里。",
    en: "Replays the draft against recent real cases: which cases would move, from where to where.",
  },
  sim_days: { zh: "回放最近天数", en: "Days to replay" },
  sim_baseline: { zh: "对比基准", en: "Compare with" },
  sim_baseline_active: { zh: "生效版本的派单", en: "the active version's decisions" },
  sim_baseline_stored: { zh: "案件当前承办单位", en: "each case's current owner" },
  sim_start: { zh: "开始模拟", en: "Run simulation" },
  sim_status_queued: { zh: "排队中", en: "queued" },
  sim_status_running: { zh: "进行中", en: "running" },
  sim_status_succeeded: { zh: "已完成", en: "done" },
  sim_status_failed: { zh: "失败", en: "failed" },
  sim_progress: {
    zh: "已回放 {processed} / {total} 件",
    en: "{processed} of {total} cases replayed",
  },
  sim_summary: {
    zh: "{cases} 件案件中，{moved} 件会改派，{unchanged} 件不变。",
    en: "Of {cases} cases, {moved} would move and {unchanged} would stay.",
  },
  sim_moves: { zh: "改派去向", en: "What moves where" },
  sim_moved: { zh: "会改派", en: "Would move" },
  sim_from: { zh: "原承办单位", en: "From" },
  sim_to: { zh: "新承办单位", en: "To" },
  sim_count: { zh: "件数", en: "Cases" },
  sim_samples: { zh: "示例案件", en: "Sample cases" },
  sim_load: { zh: "各单位工作量变化", en: "Load per unit" },
  sim_before: { zh: "之前", en: "Before" },
  sim_after: { zh: "之后", en: "After" },
  sim_net: { zh: "净变化", en: "Net" },
  sim_no_moves: { zh: "没有案件会改派。", en: "No case would move." },
  sim_changed_since: {
    zh: "模拟后草稿又有修改，结果可能已过时。",
    en: "The draft changed after this simulation; the result may be outdated.",
  },
  sim_previous: { zh: "以往模拟", en: "Earlier simulations" },
  sim_period: { zh: "{from} 至 {to}", en: "{from} to {to}" },
  sim_draft_errors: {
    zh: "模拟时草稿有 {n} 个错误。",
    en: "The draft had {n} errors when simulated.",
  },
  sim_open: { zh: "查看", en: "Open" },

  // ---- publish
  publish_title: { zh: "发布草稿", en: "Publish the draft" },
  publish_help: {
    zh: "发布后，草稿成为第 {next} 版并立即在所有实例生效；旧版本保留，可随时回滚。",
    en:
      "Publishing makes the draft version {next}, in force on every instance at once; earlier versions stay and can be re-activated.",
  },
  publish_diff: { zh: "与生效的第 {version} 版相比", en: "Compared with active version {version}" },
  publish_note: { zh: "发布说明", en: "Publish note" },
  publish_confirm: { zh: "确认发布", en: "Publish" },
  publish_blocked: {
    zh: "草稿有错误，不能发布：",
    en: "The draft has errors and cannot be published:",
  },
  publish_unchanged: {
    zh: "草稿与生效版本相同，无需发布。",
    en: "The draft is identical to the active version; nothing to publish.",
  },
  publish_stale: {
    zh: "在您确认前，第 {version} 版已生效。请查看新的差异后再发布。",
    en:
      "Version {version} became active before you confirmed. Review the new diff and publish again.",
  },
  published: {
    zh: "已发布为第 {version} 版并生效。",
    en: "Published as version {version}; it is active now.",
  },

  // ---- diff
  diff_none: { zh: "没有差异。", en: "No differences." },
  diff_changes: { zh: "{n} 处变更", en: "{n} changes" },
  diff_added: { zh: "新增", en: "added" },
  diff_removed: { zh: "删除", en: "removed" },
  diff_changed: { zh: "修改", en: "changed" },
  diff_field: { zh: "字段", en: "Field" },
  diff_before: { zh: "之前", en: "Before" },
  diff_after: { zh: "之后", en: "After" },
  diff_name: { zh: "规则集名称", en: "Ruleset name" },
  diff_section_units: { zh: "承办单位", en: "Units" },
  diff_section_matter_types: { zh: "事项", en: "Matter types" },
  diff_section_exception_rules: { zh: "例外规则", en: "Exception rules" },
  diff_section_time_limit_classes: { zh: "时限类别", en: "Time-limit classes" },
  diff_reordered: { zh: "例外规则的顺序有变化。", en: "The exception rules were reordered." },

  // ---- versions
  versions_title: { zh: "版本历史", en: "Version history" },
  version_col: { zh: "版本", en: "Version" },
  version_active: { zh: "生效中", en: "active" },
  version_compare: { zh: "比较", en: "Compare" },
  version_from: { zh: "从", en: "From" },
  version_to: { zh: "到", en: "To" },
  version_diff_title: { zh: "第 {from} 版 → 第 {to} 版", en: "Version {from} → version {to}" },
  version_rollback: { zh: "重新启用", en: "Re-activate" },
  rollback_title: { zh: "重新启用第 {version} 版", en: "Re-activate version {version}" },
  rollback_help: {
    zh: "第 {version} 版将替代第 {active} 版立即生效（不产生新版本号），并记入决策日志。",
    en:
      "Version {version} replaces version {active} at once (no new version number); the switch is logged.",
  },
  rollback_note: { zh: "回滚原因", en: "Reason" },
  rollback_confirm: { zh: "确认启用", en: "Re-activate" },
  rolled_back: { zh: "第 {version} 版已重新生效。", en: "Version {version} is active again." },
  rollback_already: {
    zh: "第 {version} 版已在生效中。",
    en: "Version {version} is already active.",
  },

  // ---- try a case
  try_title: { zh: "试派单", en: "Try a case" },
  try_help: {
    zh: "填写案件事实，查看派给谁、为什么。不保存任何数据。",
    en: "Fill in a case's facts and see who would own it and why. Nothing is stored.",
  },
  try_ruleset: { zh: "规则", en: "Rules" },
  try_ruleset_active: { zh: "生效的第 {version} 版", en: "active version {version}" },
  try_ruleset_draft: { zh: "草稿 {id}", en: "draft {id}" },
  try_type: { zh: "事项", en: "Matter type" },
  try_area: { zh: "区域编码（街道/社区）", en: "Area code (street/community)" },
  try_grid: { zh: "网格编码", en: "Grid code" },
  try_urgency: { zh: "紧急程度", en: "Urgency" },
  urgency_normal: { zh: "一般", en: "normal" },
  urgency_urgent: { zh: "紧急", en: "urgent" },
  try_channel: { zh: "渠道", en: "Channel" },
  try_source: { zh: "上报系统", en: "Source" },
  try_text: { zh: "标题与描述", en: "Title and description" },
  try_reported_at: { zh: "上报时间（北京时间）", en: "Reported at (Beijing time)" },
  try_submit: { zh: "试派", en: "Decide" },
  try_owner: { zh: "承办单位", en: "Owner" },
  try_list_owner: { zh: "清单承办单位", en: "Admission-list owner" },
  try_priority: { zh: "优先级", en: "Priority" },
  try_fallback: { zh: "转人工派单（兜底）", en: "went to manual dispatch (fallback)" },
  try_deadlines: { zh: "期限", en: "Deadlines" },
  try_accept_by: { zh: "签收期限", en: "Accept by" },
  try_resolve_by: { zh: "办结期限", en: "Resolve by" },
  try_reason: { zh: "理由", en: "Reason" },
  try_matched: { zh: "命中的例外规则", en: "Exception rules that matched" },
  try_matched_none: { zh: "没有例外规则命中。", en: "No exception rule matched." },
  try_why: { zh: "条件与本案事实", en: "Conditions and this case's facts" },
  try_fact_value: { zh: "本案：{value}", en: "this case: {value}" },
  try_unknown_type: { zh: "请选择事项。", en: "Choose a matter type." },
  try_bad_time: { zh: "上报时间无法识别。", en: "The report time is not a date." },

  // ---- users
  users_title: { zh: "用户", en: "Users" },
  user_name: { zh: "用户名", en: "Name" },
  user_role: { zh: "角色", en: "Role" },
  user_sessions: { zh: "在线会话", en: "Live sessions" },
  user_disabled: { zh: "已停用", en: "disabled" },
  user_create: { zh: "新建用户", en: "New user" },
  user_password: {
    zh: "初始密码（至少 {min} 个字符）",
    en: "Initial password (at least {min} characters)",
  },
  user_new_password: { zh: "新密码", en: "New password" },
  user_set_password: { zh: "重设密码", en: "Set password" },
  user_change_role: { zh: "修改角色", en: "Change role" },
  user_disable: { zh: "停用", en: "Disable" },
  user_enable: { zh: "启用", en: "Enable" },
  user_signout_all: { zh: "结束其会话", en: "End sessions" },
  user_created: { zh: "已创建用户 {name}。", en: "Created user {name}." },
  user_updated: { zh: "已更新用户 {name}。", en: "Updated user {name}." },
  user_not_self: { zh: "不能停用或降级自己。", en: "You cannot disable or demote yourself." },
  problem_name_invalid: {
    zh: "用户名须为 2–64 个字符：小写字母、数字、. _ -",
    en: "A name has 2–64 characters: lowercase letters, digits, . _ -",
  },
  problem_name_taken: { zh: "用户名已存在", en: "That name is taken" },
  problem_role_invalid: { zh: "请选择角色", en: "Choose a role" },
  problem_password_too_short: {
    zh: "密码至少 {min} 个字符",
    en: "The password needs at least {min} characters",
  },
  problem_password_too_long: { zh: "密码太长", en: "The password is too long" },

  // ---- tokens
  tokens_title: { zh: "API 令牌", en: "API tokens" },
  tokens_help: {
    zh: "上游系统（12345 热线、网格 App）用令牌调用 API。令牌只显示一次，库中只存其哈希。",
    en:
      "Upstream systems (the 12345 hotline, grid apps) call the API with a token. A token is shown once; only its hash is stored.",
  },
  token_name: { zh: "名称", en: "Name" },
  token_role: { zh: "角色", en: "Role" },
  token_unit: { zh: "单位", en: "Unit" },
  token_unit_help: { zh: "角色为 unit 时必填", en: "needed for role unit" },
  token_create: { zh: "新建令牌", en: "New token" },
  token_created: {
    zh: "令牌“{name}”已创建。它只显示这一次，请立即妥善保存：",
    en: 'Token "{name}" created. It is shown only now; store it safely:',
  },
  token_revoke: { zh: "吊销", en: "Revoke" },
  token_revoked: { zh: "已吊销", en: "revoked" },
  token_revoked_note: {
    zh: "已吊销令牌 {name}（各实例 30 秒内停止接受）。",
    en: "Revoked token {name} (every instance stops accepting it within 30 s).",
  },
  token_live: { zh: "有效", en: "live" },
  token_name_invalid: { zh: "请填写 1–100 个字符的名称", en: "Give a name of 1–100 characters" },
  token_unit_invalid: {
    zh: "角色 unit 需要单位编码，其他角色不填",
    en: "Role unit needs a unit code; other roles take none",
  },

  // ---- performance (views/admin/performance/perf_messages.ts)
  ...PERF_MESSAGES,
} as const satisfies Record<string, { zh: string; en: string }>;

/** The key of a message. */
export type MessageKey = keyof typeof M;

/** Values for a message's `{placeholders}`. */
export type MessageParams = Record<string, string | number>;

/**
 * A message in `lang`, with its `{placeholders}` filled in. The result is plain text: pages put
 * it into the HTML through hono/jsx, which escapes it.
 *
 * @example
 * ```ts
 * import {
 *   isMessageKey, LANGS, type Lang, type MessageKey, type MessageParams, translate,
 * } from "./messages.ts";
 * const lang: Lang = LANGS[1];
 * const key: MessageKey = "page_of";
 * const params: MessageParams = { page: 2, pages: 20, total: 2000 };
 * translate(lang, key, params); // "Page 2 of 20, 2000 in all"
 * translate("zh", "nav_versions"); // "版本历史"
 * isMessageKey("op_in"); // true
 * ```
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text: string = M[key][lang];
  if (!params) return text;
  return text.replace(
    /\{(\w+)\}/g,
    (whole, name: string) => Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** True when `key` names a message (for keys built at run time, e.g. `op_${operator}`). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(M, key);
}
