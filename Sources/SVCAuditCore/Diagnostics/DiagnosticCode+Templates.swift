/// The message of every code in Chinese and English. `{name}` placeholders are filled from the
/// diagnostic's arguments (see MessageTemplate); both languages must use the same ones.
///
/// A code whose problem comes in several shapes (`bad-value`: a weight of 0, an empty list, …)
/// names the field in the template and takes the shape as a `reason` phrase that carries both
/// languages itself (`DiagnosticArg.localized`): the code stays one stable class.
extension DiagnosticCode {
    public var template: MessageTemplate {
        switch self {
        // MARK: files, encodings and YAML
        case .read:
            return T(zh: "无法读取文件：{reason}", en: "cannot read the file: {reason}")
        case .path:
            return T(zh: "无法读取 '{path}'：{reason}", en: "cannot read '{path}': {reason}")
        case .limitFileSize:
            return T(zh: "{name}超过单个输入文件 {max} 字节的上限（{size} 字节）",
                     en: "{name} is over the limit of {max} bytes for one input file ({size} bytes)")
        case .limitDepth:
            return T(zh: "嵌套超过 {max} 层", en: "nesting is deeper than {max} levels")
        case .limitNodes:
            return T(zh: "文件的 YAML 节点超过 {max} 个", en: "file has more than {max} YAML nodes")
        case .limitScalar:
            return T(zh: "这个值长 {size} 字节，超过 {max} 字节的上限", en: "value is {size} bytes long, over the limit of {max} bytes")
        case .encodingUtf16:
            return T(zh: "文件是 UTF-16 编码{how}；请另存为 UTF-8（svcaudit 只读 UTF-8）",
                     en: "file is UTF-16 encoded{how}; save it as UTF-8 (svcaudit reads UTF-8 only)")
        case .encodingUtf8:
            return T(zh: "文件不是有效的 UTF-8（偏移 {offset} 处的字节 0x{byte}）；请另存为 UTF-8：GBK/GB2312 编码的文件须先转换（记事本“另存为”时编码选 UTF-8）",
                     en: "file is not valid UTF-8 (byte 0x{byte} at offset {offset}); save it as UTF-8 — GBK/GB2312 files must be converted")
        case .encodingNul:
            return T(zh: "文件含有 NUL 字节：它不是文本文件（或已损坏）", en: "file contains a NUL byte; it is not a text file (or it is damaged)")
        case .yamlEncoding:
            return T(zh: "无法读取文件：{problem}", en: "cannot read the file: {problem}")
        case .yamlSyntax:
            return T(zh: "YAML 格式错误：{problem}", en: "YAML syntax error: {problem}")
        case .yamlAlias:
            return T(zh: "不支持别名（*name）；请把值完整写出", en: "aliases (*name) are not supported; write the value out in full")
        case .yamlComplexKey:
            return T(zh: "键必须是普通文字，不能是{found}", en: "a mapping key must be plain text, not {found}")
        case .yamlInternal:
            return T(zh: "无法启动 YAML 解析器（内存不足？）", en: "could not start the YAML parser (out of memory?)")
        case .duplicateKey:
            return T(zh: "键 '{key}' 重复（第 {line} 行已写过）；第二个值被忽略",
                     en: "duplicate key '{key}' (first given at line {line}); the second value is ignored")
        case .emptyFile:
            return T(zh: "文件是空的：没有任何内容", en: "file is empty: it holds no YAML document")
        case .severalDocuments:
            return T(zh: "文件里有不止一个 YAML 文档（出现了第二个 '---'）；每个文件只放一个",
                     en: "file holds more than one YAML document (a second '---'); keep one document per file")
        case .unknownFileKind:
            return T(zh: "无法判断这是什么文件：检查记录有 'branch' 和 'date'，检查表有 'items'，评选规则有 'select' 或 'by'",
                     en: "cannot tell what this file is: a visit has 'branch' and 'date', a checklist has 'items', a policy has 'select' or 'by'")
        case .wrongFolder:
            return T(zh: "'{path}' 里是{found}，不是{expected}{fix}", en: "'{path}' holds {found}, not {expected}{fix}")

        // MARK: slips
        case .slipFullWidth:
            return T(zh: "这里的“{char}”是全角（中文输入法）的{what}；YAML 要用半角的 '{ascii}'：切换到英文输入法重新输入{after}",
                     en: "'{char}' here is a full-width {what} (typed with a Chinese input method); YAML needs the plain '{ascii}': retype it in English input mode{after}")
        case .slipColonSpace:
            return T(zh: "冒号后面少了空格：'{key}:' 后要有一个半角空格，写成 '{key}: {value}'",
                     en: "a space is missing after the colon: write '{key}: {value}' (a plain space after '{key}:')")
        case .slipNoteColon:
            return T(zh: "这段文字里有“: ”（冒号加空格），YAML 会把它当成新的键：把整段文字（如备注）放进引号，写成 {fixed}",
                     en: "the text holds ': ' (a colon and a space), which YAML reads as a new key: put the text (the note) in quotes, as {fixed}")
        case .slipTab:
            return T(zh: "这一行用了 Tab 键缩进；YAML 只能用空格缩进：把 Tab 换成空格（与上下行对齐）",
                     en: "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces (aligned with the lines around it)")
        case .slipUnbalanced:
            return T(zh: "这一行的“{open}”没有配对的“{close}”：补上“{close}”，或删掉多余的“{open}”",
                     en: "the '{open}' on this line has no matching '{close}': add the '{close}', or remove the extra '{open}'")

        // MARK: fields of any file
        case .unknownKey:
            return T(zh: "{what}：未知的键 '{key}'{hint}", en: "unknown key '{key}' in {what}{hint}")
        case .missingField:
            return T(zh: "{what}：必填字段 '{key}' {state}", en: "{what}: the required field '{key}' {state}")
        case .wrongType:
            return T(zh: "{field} 应为{expected}，这里是{found}", en: "{field} must be {expected}, found {found}")
        case .badValue:
            return T(zh: "{field}：{reason}", en: "{field}: {reason}")
        case .badDate:
            return T(zh: "'{key}' 应为 YYYY-MM-DD 格式的真实日期：{reason}", en: "'{key}' must be a real date in YYYY-MM-DD form: {reason}")
        case .badId:
            return T(zh: "{what} '{id}' 不合规：{rule}", en: "{what} '{id}' is not allowed: {rule}")

        // MARK: checklists
        case .noChecklists:
            return T(zh: "没有检查表：{reason}", en: "no checklists: {reason}")
        case .duplicateChecklistId:
            return T(zh: "检查表编号 '{id}' 已被 {other} 使用", en: "checklist id '{id}' is already used by {other}")
        case .duplicateItemId:
            return T(zh: "条目编号 '{id}' 已在{where}使用；条目编号在所有检查表中必须唯一",
                     en: "item id '{id}' is already used {where}; item ids must be unique across all checklists")
        case .badPoints:
            return T(zh: "'{key}' 必须大于 0，这里是 {value}", en: "'{key}' must be greater than 0, found {value}")
        case .perMissing:
            return T(zh: "{what}：类型是 {type}，需要 'per'（每次发生的分数）", en: "{what} is of type {type} and needs 'per' (points per occurrence)")
        case .perNotAllowed:
            return T(zh: "'per' 只用于 deduct 和 bonus 条目；此条目的类型是 {type}",
                     en: "'per' is only for deduct and bonus items; this item is of type {type}")
        case .rolesOnBranchScope:
            return T(zh: "网点类（scope: branch）检查表不能有 'roles'：它按网点评分，不按岗位",
                     en: "'roles' is for staff-scope checklists; a branch-scope checklist is scored once per visit, not per role")
        case .itemRoleOutside:
            return T(zh: "岗位 '{role}' 不在本检查表的岗位（{roles}）之内{hint}", en: "role '{role}' is not among the checklist's roles ({roles}){hint}")
        case .effectiveRange:
            return T(zh: "'effective_to'（{to}）早于 'effective_from'（{from}）：这个版本永远不会生效",
                     en: "'effective_to' ({to}) is before 'effective_from' ({from}): this version would never be in force")
        case .versionOverlap:
            return T(zh: "检查表 '{id}' 的这个版本（{interval}）与 {other} 中的版本（{otherInterval}）生效期重叠：同一检查表的各版本不能在同一天生效，请调整 effective_from / effective_to",
                     en: "this version of checklist '{id}' ({interval}) overlaps the version in {other} ({otherInterval}): versions of one checklist must not be in force on the same day; adjust effective_from / effective_to")
        case .duplicateVersion:
            return T(zh: "检查表 '{id}' 的这个版本与 {other} 中的版本都是 {version}：同一检查表的各版本要有不同的 'version'，评分结果才能说明用的是哪一版",
                     en: "this version of checklist '{id}' and the one in {other} both have {version}: versions of one checklist need different 'version' values, so that scores can name the one used")
        case .findingBelowNotScale:
            return T(zh: "'finding_below' 只用于评分（scale）条目；此条目的类型是 {type}",
                     en: "'finding_below' is only for scale items; this item is of type {type}")
        case .findingBelowRange:
            return T(zh: "'finding_below' 应大于 0 且不超过条目的分值 {points}，这里是 {value}",
                     en: "'finding_below' must be greater than 0 and at most the item's points ({points}), found {value}")
        case .breachWithoutVeto:
            return T(zh: "'breach' 写的是一票否决条目被违反时的表述；此条目没有 'veto: true'",
                     en: "'breach' words a veto breach; this item has no 'veto: true'")

        // MARK: visits
        case .unknownItem:
            return T(zh: "未知的条目编号 '{id}'{hint}", en: "unknown item id '{id}'{hint}")
        case .wrongScope:
            return T(zh: "条目 {item} 属于{scope}检查表 '{checklist}'：{fix}", en: "item {item} belongs to the {scope} checklist '{checklist}': {fix}")
        case .notApplicable:
            return T(zh: "条目 {item} 不适用于员工 {staff}：{owner}只适用于岗位 {roles}，不适用于 {role}",
                     en: "item {item} does not apply to employee {staff}: {owner} is for roles {roles}, not {role}")
        case .notAssessed:
            return T(zh: "条目 {item} 属于检查表 '{checklist}'，但本次检查的 'checklists' 没有列出它",
                     en: "item {item} belongs to checklist '{checklist}', which this visit's 'checklists' does not list")
        case .checklistNotLoaded:
            return T(zh: "没有加载检查表 '{id}'（已加载：{loaded}）{hint}", en: "checklist '{id}' is not loaded (loaded: {loaded}){hint}")
        case .noVersionInForce:
            return T(zh: "检查表 '{id}' 在 {date} 没有生效的版本（已加载的版本：{versions}）",
                     en: "checklist '{id}' has no version in force on {date} (versions loaded: {versions})")
        case .unknownVersion:
            return T(zh: "检查表 '{id}' 没有版本 '{version}'（已加载的版本：{versions}{inForce}）{hint}",
                     en: "checklist '{id}' has no version '{version}' (versions loaded: {versions}{inForce}){hint}")
        case .itemNotInVersion:
            return T(zh: "条目 '{item}' 不在检查表 '{checklist}' 的 {version} 版（{why}）中；有此条目的版本：{versions}",
                     en: "item '{item}' is not in version {version} of checklist '{checklist}' ({why}); versions that have it: {versions}")
        case .duplicateChecklist:
            return T(zh: "检查表 '{id}' 列了两次", en: "checklist '{id}' is listed twice")
        case .duplicateStaff:
            return T(zh: "工号 '{id}' 在本次检查中出现了两次（第一次在第 {line} 行）", en: "staff id '{id}' appears twice in this visit (first at line {line})")
        case .badAnswer:
            return T(zh: "{item} 是{kind}：{expected}，这里是{found}", en: "{item} is {kind}: answer {expected}, found {found}")
        case .outOfRange:
            return T(zh: "{item} 的 {value} 超出范围（{range}）", en: "{item}: {value} is out of range ({range})")
        case .limitStaff:
            return T(zh: "'staff' 列了 {count} 名员工，超过一次检查 {max} 名的上限；只读取前 {max} 名",
                     en: "'staff' lists {count} employees, over the limit of {max} for one visit; only the first {max} are read")
        case .limitAnswers:
            return T(zh: "'results' 有 {count} 个答案，超过一个映射 {max} 个的上限；只读取前 {max} 个",
                     en: "'results' holds {count} answers, over the limit of {max} for one mapping; only the first {max} are read")
        case .unanswered:
            return T(zh: "{who}：{count} 个适用条目未填写，按不适用处理、不计分：{items}",
                     en: "{who}: {count} applicable item{s:count} unanswered, excluded from the score like na: {items}")
        case .noNote:
            return T(zh: "{item} 扣了分但没有备注：请在 note 里写明扣分原因", en: "{item} is a deduction without a note: record the reason (扣分原因)")
        case .unknownRole:
            return T(zh: "未知的岗位 '{role}'（可用岗位：{roles}）{hint}", en: "unknown role '{role}' (roles: {roles}){hint}")
        case .duplicateVisitId:
            return T(zh: "检查编号 '{id}' 已被 {other} 使用；每次检查要有自己的编号", en: "visit id '{id}' is already used by {other}; give each visit its own id")
        case .duplicateVisit:
            return T(zh: "与 {other} 的网点、日期、检查人和员工都相同：这次检查是否录了两遍？",
                     en: "same branch, date, inspector and staff as {other}: is this visit recorded twice?")
        case .staffNameMismatch:
            return T(zh: "员工 {id} 在这里叫 {name}，在 {file} 里叫 {other}", en: "employee {id} is named {name} here but {other} in {file}")
        case .staffRoleMismatch:
            return T(zh: "员工 {id} 在这里的岗位是 {role}，在 {file} 里是 {other}", en: "employee {id} has role {role} here but {other} in {file}")
        case .nothingAnswered:
            return T(zh: "这次检查一个条目都没有填写（{count} 个适用条目全部空白）：填好答案再提交，或删除这个文件",
                     en: "nothing was answered: all {count} applicable items are blank; fill in the answers, or remove the file")
        case .placeholder:
            return T(zh: "'{key}' 还是模板里的占位文字 {value}：请换成真实内容", en: "'{key}' still holds the template placeholder {value}: replace it with the real value")

        // MARK: policies
        case .policyPeriodMismatch:
            return T(zh: "评选规则的标题“{title}”写的是{named}，本次统计的期间却是{asked}：请确认用的是本期的评选规则，或改正期间（--period 或 --from/--to）",
                     en: "the policy's title '{title}' names {named}, but the period asked is {asked}: check that this is the policy for that period, or correct the period (--period or --from/--to)")

        // MARK: roles
        case .duplicateRole:
            return T(zh: "岗位名称 '{name}' 同时指 '{role}' 和 '{other}'", en: "role name '{name}' means both '{role}' and '{other}'")

        // MARK: workbook import
        case .importNoSheet:
            return T(zh: "工作簿里没有可读的工作表：{reason}", en: "the workbook has no sheet to read: {reason}")
        case .importHeader:
            return T(zh: "工作表“{sheet}”第 {row} 行第 {column} 列：表头 '{header}' {reason}",
                     en: "sheet '{sheet}' row {row} column {column}: header '{header}' {reason}")
        case .importCell:
            return T(zh: "工作表“{sheet}”第 {row} 行第 {column} 列（{header}）：{reason}",
                     en: "sheet '{sheet}' row {row} column {column} ({header}): {reason}")
        case .importExists:
            return T(zh: "'{path}' 已存在，不覆盖（要覆盖请加 --force）", en: "'{path}' exists already and is not overwritten (pass --force to replace it)")

        // MARK: events, responses (their texts: DiagnosticCode+AccountTemplates.swift)
        case .csvSyntax, .csvNoHeader, .csvUnknownColumn, .csvDuplicateColumn, .csvMissingColumn, .csvFieldCount,
             .csvMissingValue, .csvBadDate, .eventBadType, .eventBadVerified, .eventUnknownItem, .eventDuplicateId, .eventNamesNobody,
             .responseNoFinding, .responseDuplicate:
            return accountTemplate
        // MARK: the roster (their texts: DiagnosticCode+RosterTemplates.swift)
        // Listed by name, not `default:`, so a new code without a template does not compile.
        case .rosterMissingFile, .rosterDateOrder, .rosterDuplicateBranch, .rosterOverlap, .rosterUnknownBranch,
             .rosterUnknownRole, .notOnRosterBranch, .notOnRosterStaff, .rosterBranchClosed, .rosterWrongBranch,
             .rosterNameMismatch:
            return rosterTemplate
        }
    }

    private typealias T = MessageTemplate
}
