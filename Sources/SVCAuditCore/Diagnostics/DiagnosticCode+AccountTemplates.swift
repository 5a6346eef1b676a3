/// The messages of the event and response files (SPEC §1.5, §2.7) and of the CSV layout they
/// share.
extension DiagnosticCode {
    var accountTemplate: MessageTemplate {
        switch self {
        case .csvSyntax:
            return MessageTemplate(zh: "CSV 格式有误：{problem}", en: "CSV syntax: {problem}")
        case .csvNoHeader:
            return MessageTemplate(zh: "文件为空：第一行应为列名（至少 {columns}）",
                                   en: "the file is empty: the first row must name the columns (at least {columns})")
        case .csvUnknownColumn:
            return MessageTemplate(zh: "未知的列“{column}”{hint}；可用的列：{columns}",
                                   en: "unknown column '{column}'{hint}; the columns are: {columns}")
        case .csvDuplicateColumn:
            return MessageTemplate(zh: "列“{column}”重复", en: "column '{column}' appears twice")
        case .csvMissingColumn:
            return MessageTemplate(zh: "缺少必需的列“{column}”（或“{alias}”）", en: "the required column '{column}' (or '{alias}') is missing")
        case .csvFieldCount:
            return MessageTemplate(zh: "这一行有 {found} 个字段，列名行有 {expected} 个", en: "this row has {found} field{s:found}, the header has {expected}")
        case .csvMissingValue:
            return MessageTemplate(zh: "“{column}”不能为空", en: "'{column}' must not be empty")
        case .csvBadDate:
            return MessageTemplate(zh: "“{column}”应为 YYYY-MM-DD 格式的日期，实际为“{value}”{hint}",
                                   en: "'{column}' must be a date YYYY-MM-DD, found '{value}'{hint}")
        case .eventBadType:
            return MessageTemplate(zh: "类型应为 complaint（投诉）或 praise（表扬），实际为“{value}”{hint}",
                                   en: "type must be complaint (投诉) or praise (表扬), found '{value}'{hint}")
        case .eventBadVerified:
            return MessageTemplate(zh: "是否查实应为 yes/no（是/否），实际为“{value}”",
                                   en: "verified must be yes or no (是/否), found '{value}'")
        case .eventUnknownItem:
            return MessageTemplate(zh: "未知的条目“{item}”{hint}：所载检查表中没有这一条目",
                                   en: "unknown item '{item}'{hint}: no loaded checklist has it")
        case .eventDuplicateId:
            return MessageTemplate(zh: "编号“{id}”重复（第 {first} 行已使用）", en: "event id '{id}' is used twice (first on line {first})")
        case .eventNamesNobody:
            return MessageTemplate(zh: "{kind}“{id}”所指的{what} {subject}{hint} 本期没有受检记录{roster}：这条{kind}不影响任何评选",
                                   en: "{kind} '{id}' names {what} {subject}{hint}, who has no visit in the period{roster}: it changes no ranking")
        case .responseNoFinding:
            return MessageTemplate(zh: "没有与之对应的整改事项：{branch} {subject} 条目 {item}，{date}（截至 {as_of} 的检查中没有这项扣分）",
                                   en: "names no finding: {branch} {subject} item {item} on {date} (no visit up to {as_of} has this deduction)")
        case .responseDuplicate:
            return MessageTemplate(zh: "同一整改事项的第二条回复（第 {first} 行已有）", en: "a second response to the same finding (first on line {first})")
        default:
            preconditionFailure("\(self) has its template in DiagnosticCode+Templates.swift")
        }
    }
}
