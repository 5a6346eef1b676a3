/// The messages of the roster codes (SPEC §1.4): the roster files' own errors, and the
/// warnings of visits checked against the roster.
extension DiagnosticCode {
    var rosterTemplate: MessageTemplate {
        switch self {
        case .rosterMissingFile:
            return MessageTemplate(zh: "名册目录中没有 {file}（名册需要 branches.csv 和 staff.csv，waivers.csv 可选）",
                                   en: "the roster folder has no {file} (a roster needs branches.csv and staff.csv; waivers.csv is optional)")
        case .rosterDateOrder:
            return MessageTemplate(zh: "起始日期 {from} 晚于截止日期 {to}", en: "'from' {from} is after 'to' {to}")
        case .rosterDuplicateBranch:
            return MessageTemplate(zh: "网点编号 {id} 重复（第 {first} 行已有）", en: "branch id {id} appears twice (already on line {first})")
        case .rosterOverlap:
            return MessageTemplate(zh: "员工 {id} 的任职时段重叠：{span} 与第 {other} 行的 {otherSpan} 有重叠（同一天只能在一个网点）",
                                   en: "assignments of employee {id} overlap: {span} overlaps {otherSpan} on line {other} (one branch per day)")
        case .rosterUnknownBranch:
            return MessageTemplate(zh: "网点编号 {id} 不在 branches.csv 中{hint}", en: "branch {id} is not in branches.csv{hint}")
        case .rosterUnknownRole:
            return MessageTemplate(zh: "未知岗位“{role}”{hint}；已加载的检查表中的岗位：{roles}",
                                   en: "unknown role '{role}'{hint}; the roles of the loaded checklists: {roles}")
        case .notOnRosterBranch:
            return MessageTemplate(zh: "网点 {id} 不在名册中{hint}", en: "branch {id} is not on the roster{hint}")
        case .notOnRosterStaff:
            return MessageTemplate(zh: "员工 {id}（{name}）在 {date} 不在名册中", en: "employee {id} ({name}) is not on the roster on {date}")
        case .rosterBranchClosed:
            return MessageTemplate(zh: "网点 {id} 在 {date} 不在营业期内（名册：{span}）",
                                   en: "branch {id} is not open on {date} (roster: {span})")
        case .rosterWrongBranch:
            return MessageTemplate(zh: "员工 {id}（{name}）在 {date} 按名册属于网点 {assigned}，却在网点 {branch} 受检",
                                   en: "employee {id} ({name}) is assigned to branch {assigned} on {date} but was observed at {branch}")
        case .rosterNameMismatch:
            return MessageTemplate(zh: "{what} {id} 在检查记录中名为“{found}”，名册中为“{roster}”",
                                   en: "{what} {id} is named '{found}' in the visit but '{roster}' on the roster")
        default:
            preconditionFailure("\(self) has its template in DiagnosticCode+Templates.swift")
        }
    }
}
