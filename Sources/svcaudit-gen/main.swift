import SVCAuditCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// svcaudit-gen: writes N realistic, valid visit files for benchmarks and tests.
// Output is byte-identical for the same --count, --seed and checklists.
//
//   svcaudit-gen --count N --seed S --out DIR [--checklists DIR] [--realistic] [--branches B] [--staff S]
//
// Default: clean ~6 KB files (every checklist, 5–8 staff, every answer given, every deduction
// with its note). --realistic: files as inspectors really write them, 0.5–4 KB — 1–6 staff,
// some checklists assessed, some `na`, some long notes — and about half the files carry each
// kind of warning: an unanswered item, a deduction without a note, a role no checklist names.
// The bank has about one branch for every 25 files (a quarter of visits; 12 to 20,000
// branches, 7–12 staff each); --branches B fixes it, so that more files are more visits of the
// same bank (make bench measures memory per file that way), and --staff S gives every branch
// S staff (SPEC §5's bank: --branches 20000 --staff 20).

/// SplitMix64: small, fast and the same on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    /// True with probability p (0...1).
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

func fail(_ message: String) -> Never {
    fputs("svcaudit-gen: \(message)\n", stderr)
    exit(64)
}

func need<T>(_ x: T?, _ message: String) -> T {
    guard let x else { fail(message) }
    return x
}

func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

var count = 1000
var seed: UInt64 = 1
var outDir: String?
var checklistDir = "checklists"
var realistic = false
var fixedBranches: Int?
var fixedStaff: Int?
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    func value() -> String { need(args.popFirst(), "\(a) needs a value") }
    switch a {
    case "--count": count = need(Int(value()), "--count takes a whole number")
    case "--seed": seed = need(UInt64(value()), "--seed takes a whole number")
    case "--out": outDir = value()
    case "--checklists": checklistDir = value()
    case "--realistic": realistic = true
    case "--branches": fixedBranches = need(Int(value()).flatMap { $0 >= 1 ? $0 : nil }, "--branches takes a whole number, 1 or more")
    // Staff ids are the branch number and two digits; 99 is the branch's trainee.
    case "--staff": fixedStaff = need(Int(value()).flatMap { (1...98).contains($0) ? $0 : nil }, "--staff takes a whole number from 1 to 98")
    case "-h", "--help":
        print("usage: svcaudit-gen --count N --seed S --out DIR [--checklists DIR] [--realistic] [--branches B] [--staff S]")
        exit(0)
    default: fail("unknown argument '\(a)'")
    }
}
guard let outDir else { fail("--out DIR is required") }
guard count >= 0 else { fail("--count must be 0 or more") }

let loaded = ChecklistSource.load(directory: checklistDir)
if loaded.diagnostics.contains(where: { $0.severity == .error }) {
    for d in loaded.diagnostics { fputs("\(d.file): \(d.message(.en))\n", stderr) }
    fail("the checklists in '\(checklistDir)' do not load")
}
let catalog = loaded.catalog
/// The checklists of the versions in force on a day (SPEC §1.1 "Versions over time").
func lists(on day: Day) -> (staff: [Checklist], branch: [Checklist]) {
    let c = catalog.resolved(on: day).checklists.filter(\.assessedByDefault)
    return (c.filter { $0.scope == .staff }, c.filter { $0.scope == .branch })
}
// Set for each visit from its date.
var (staffLists, branchLists) = lists(on: Day(year: 2026, month: 7, day: 1)!)
let roles = ["teller", "teller", "teller", "lobby_manager", "account_manager", "account_manager", "security"]

// MARK: The bank: regions, parents (支行 groups), branches and their staff.

let cities = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水", "南京",
              "苏州", "无锡", "常州", "南通", "扬州", "合肥", "芜湖", "福州", "厦门", "泉州", "南昌", "济南",
              "青岛", "烟台", "郑州", "武汉", "长沙", "广州", "深圳", "佛山", "东莞", "南宁", "海口", "成都",
              "重庆", "贵阳", "昆明", "西安", "兰州", "西宁", "银川", "太原", "石家庄", "天津", "北京", "上海",
              "沈阳", "大连", "长春", "哈尔滨", "呼和浩特", "乌鲁木齐", "拉萨", "珠海", "惠州", "中山", "汕头", "洛阳"]
let places = ["城中", "城东", "城西", "城南", "城北", "新区", "高新", "开发区", "滨江", "江北", "湖滨", "人民路",
              "解放路", "中山路", "建设路", "文化路", "和平路", "胜利路", "长安", "朝阳", "东风", "科技园", "火车站",
              "大学城", "工业园", "港区", "金融街", "世纪大道", "万达", "体育场"]
let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
let given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
             "秀英", "霞", "平", "刚", "桂英", "建华", "晓燕", "国强", "志刚", "海燕", "丽娟", "文博", "子涵", "思远",
             "雨桐", "浩然", "欣怡", "俊杰", "佳琪", "宇航", "梦瑶", "晨曦", "嘉怡"]

struct Employee { let id, name, role: String }
struct BranchInfo {
    let id, name, parent, region: String
    let staff: [Employee]
    let inspectors: [String]
}

var rng = SplitMix64(seed: seed)
// Thousands of branches at bank scale: about 25 visits a branch a quarter, at least 12 branches.
let branchCount = fixedBranches ?? max(12, min(20_000, count / 25))
let regionCount = max(2, min(cities.count, branchCount / 150))
let parentsPerRegion = max(2, branchCount / regionCount / 12)
var branches: [BranchInfo] = []
branches.reserveCapacity(branchCount)
for b in 0..<branchCount {
    let region = b % regionCount
    let parent = (b / regionCount) % parentsPerRegion
    let city = cities[region]
    let number = 1000 + b
    let place = places[(b / regionCount) % places.count]
    let n = fixedStaff ?? 7 + rng.below(6)
    var staff: [Employee] = []
    for e in 0..<n {
        let role = e < roles.count ? roles[e] : rng.pick(roles)
        staff.append(Employee(id: "E\(number)\(pad2(e + 1))",
                              name: rng.pick(surnames) + rng.pick(given), role: role))
    }
    let inspectors = (0..<6).map { _ in rng.pick(surnames) + rng.pick(given) }
    branches.append(BranchInfo(
        id: "BR\(number)", name: "\(place)\(b / (regionCount * places.count) + 1 > 1 ? String(b / (regionCount * places.count) + 1) : "")支行",
        parent: "\(city)第\(parent + 1)管辖支行", region: "\(city)分行", staff: staff, inspectors: inspectors))
}

// MARK: Answers

let deductionNotes = ["接待时神态冷淡", "神情略显疲惫", "未起身相迎", "未使用礼貌用语", "单手接收凭证", "工牌佩戴不规范",
                      "未主动引导客户", "办理业务时接听私人电话", "台面物品摆放杂乱", "未按规定着装", "对客户提问不耐烦",
                      "等候区客户未及时安抚", "未执行唱收唱付", "业务办毕未提醒客户带齐物品", "妆容不符合规范"]
let branchNotes = ["取号机缺纸", "宣传折页过期未撤", "饮水机无水", "意见簿未及时回复", "公告栏信息未更新",
                   "地面有积水", "灯箱部分不亮", "填单台缺少笔"]
let breachNotes = ["经查实客户投诉一次", "技术等级未达标即上岗"]
/// Realistic files: sometimes the inspector writes a paragraph.
let longNotes = [
    "上午十点左右客户较多，该员工在办理一笔转账业务时未使用礼貌用语，客户询问手续费时回答生硬，未主动解释收费标准，客户表示不满后才补充说明，已当场提醒并要求整改，后续复查。",
    "检查时发现工作台面摆放水杯、私人手机及与业务无关的资料，抽屉未上锁，凭证未及时入柜，存在一定安全隐患；已与网点负责人沟通，要求当日整改并拍照留存备查。",
    "客户排队等候约二十分钟，大堂经理未主动安抚和分流，等候区座椅不足，部分老年客户站立等候，叫号系统播报音量偏小，建议网点优化高峰期人员安排。",
]

func show(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String(x)
}

/// One answer line's value (after "ID: ").
func answer(_ item: ChecklistItem, notes: [String], month: Int, rng: inout SplitMix64, bareDeduction: Bool = false) -> String {
    func long(_ result: String, _ note: String) -> String {
        // A realistic file's one deduction without its reason (a warning).
        if bareDeduction { return result }
        let note = realistic && rng.chance(0.2) ? rng.pick(longNotes) : note
        if rng.chance(0.25) {
            let day = 1 + rng.below(28)
            return "{result: \(result), note: \(note), fix_by: 2026-\(pad2(min(12, month + 1)))-\(pad2(day))}"
        }
        return "{result: \(result), note: \(note)}"
    }
    if rng.chance(realistic ? 0.06 : 0.03) { return rng.chance(0.5) ? "na" : "不适用" }
    switch item.type {
    case .check:
        if item.veto {
            return rng.chance(0.004) ? long("不合格", rng.pick(breachNotes)) : "合格"
        }
        if rng.chance(0.08) { return long(rng.chance(0.8) ? "不合格" : "fail", rng.pick(notes)) }
        return rng.chance(0.9) ? "合格" : "pass"
    case .scale:
        if rng.chance(0.7) { return show(item.points) }
        let halves = Int(item.points * 2)
        let x = Double(rng.below(halves)) / 2
        return long(show(x), rng.pick(notes))
    case .deduct:
        if item.veto {
            return rng.chance(0.004) ? long("1", rng.pick(breachNotes)) : "0"
        }
        return rng.chance(0.08) ? long(String(1 + rng.below(2)), rng.pick(notes)) : "0"
    case .bonus:
        return rng.chance(0.15) ? String(1 + rng.below(3)) : "0"
    }
}

// MARK: Visits

/// A realistic visit body: 1–6 staff, one to all staff checklists assessed (listed in
/// `checklists:`), and — each in about half the files — one unanswered item, one deduction
/// without a note, one employee in a role no checklist names (见习柜员, a trainee).
func realisticBody(_ b: BranchInfo, month: Int, into text: inout String, rng: inout SplitMix64) {
    var lists = staffLists.filter { _ in rng.chance(0.45) }
    if lists.isEmpty { lists = [rng.pick(staffLists)] }
    let want = min(b.staff.count, 1 + rng.below(6))
    // Keep the file within about 0.5–4 KB: fewer families when many are observed, more when few.
    while lists.count > 1, want * lists.reduce(0, { $0 + $1.items.count }) > 90 { lists.removeLast() }
    while want * lists.reduce(0, { $0 + $1.items.count }) < 20, let more = staffLists.first(where: { c in !lists.contains { $0.id == c.id } }) {
        lists.append(more)
    }
    let withBranch = want <= 3 || rng.chance(0.3)
    let assessed = (withBranch ? branchLists : []) + lists
    text += "checklists: [\(assessed.map(\.id).sorted().joined(separator: ", "))]\n"
    let unanswered = rng.chance(0.5)
    let bare = rng.chance(0.5)
    let oddRole = rng.chance(0.5)
    var skipped = false, bareDone = false
    // Every employee's (and the branch's) applicable items, the skipped one left out.
    func items(_ list: [ChecklistItem], notes: [String], indent: String) {
        for item in list {
            if unanswered, !skipped, rng.chance(0.15) { skipped = true; continue }
            var value = answer(item, notes: notes, month: month, rng: &rng)
            if bare, !bareDone, !item.veto, item.type == .check, rng.chance(0.2) {
                value = "不合格"
                bareDone = true
            }
            text += "\(indent)\(item.id): \(value)\n"
        }
    }
    if withBranch {
        text += "results:\n"
        items(branchLists.flatMap(\.items), notes: branchNotes, indent: "  ")
    }
    var chosen = Array(b.staff.indices)
    for k in 0..<want { chosen.swapAt(k, k + rng.below(chosen.count - k)) }
    var observed = chosen.prefix(want).sorted().map { b.staff[$0] }
    // The branch's trainee (见习), always in a role no checklist names.
    if oddRole { observed[observed.count - 1] = Employee(id: b.id.replacingOccurrences(of: "BR", with: "E") + "99", name: "见习生", role: "trainee") }
    text += "staff:\n"
    for e in observed {
        let role = e.role
        text += "  - id: \(e.id)\n    name: \(e.name)\n    role: \(role)\n    results:\n"
        var mine: [ChecklistItem] = []
        for c in lists {
            // A role no checklist names gets the items open to every role only.
            if role == "trainee" {
                guard c.roles == nil else { continue }
                mine += c.items.filter { $0.roles == nil }
            } else if c.applies(toRole: role) {
                mine += c.items.filter { $0.applies(toRole: role) }
            }
        }
        if mine.isEmpty { text.removeLast("    results:\n".count); continue }  // nothing applies: no results
        items(mine, notes: deductionNotes, indent: "      ")
    }
}

var perBranchDay: [String: Int] = [:]
let monthStart = [7: 0, 8: 31, 9: 62]
var written = 0
var made = Set<String>()
var text = ""
text.reserveCapacity(16 * 1024)
for i in 0..<count {
    let b = branches[i % branchCount]
    let dayOfQuarter = rng.below(92)
    let month = dayOfQuarter < 31 ? 7 : dayOfQuarter < 62 ? 8 : 9
    let day = dayOfQuarter - monthStart[month]! + 1
    let date = "2026-\(pad2(month))-\(pad2(day))"
    let key = b.id + date
    let seq = (perBranchDay[key] ?? 0) + 1
    perBranchDay[key] = seq
    let id = "\(b.id)-\(date.filter { $0 != "-" })-\(pad2(seq))"
    (staffLists, branchLists) = lists(on: Day(year: 2026, month: month, day: day)!)

    text.removeAll(keepingCapacity: true)
    text += "id: \(id)\nbranch:\n  id: \(b.id)\n  name: \(b.name)\n  parent: \(b.parent)\n  region: \(b.region)\n"
    text += "date: \(date)\ninspector: \(b.inspectors[(seq - 1) % b.inspectors.count])\n"
    let methods = ["onsite", "onsite", "onsite", "video", "mystery", "self"]
    text += "method: \(methods[rng.below(methods.count)])\n"
    if realistic {
        realisticBody(b, month: month, into: &text, rng: &rng)
    } else {
        text += "results:\n"
        for c in branchLists {
            for item in c.items {
                text += "  \(item.id): \(answer(item, notes: branchNotes, month: month, rng: &rng))\n"
            }
        }
        // Several employees: a random subset of the branch's roster, in roster order.
        let want = min(b.staff.count, 5 + rng.below(4))
        var chosen = Array(b.staff.indices)
        for k in 0..<want { chosen.swapAt(k, k + rng.below(chosen.count - k)) }
        text += "staff:\n"
        for e in chosen.prefix(want).sorted().map({ b.staff[$0] }) {
            text += "  - id: \(e.id)\n    name: \(e.name)\n    role: \(e.role)\n    results:\n"
            for c in staffLists where c.applies(toRole: e.role) {
                for item in c.items where item.applies(toRole: e.role) {
                    text += "      \(item.id): \(answer(item, notes: deductionNotes, month: month, rng: &rng))\n"
                }
            }
        }
    }

    let dir = "\(outDir)/2026-\(pad2(month))/\(b.region)"
    if !made.contains(dir) {
        var path = ""
        for part in dir.split(separator: "/", omittingEmptySubsequences: false) {
            path += (path.isEmpty && part.isEmpty) ? "/" : (path.isEmpty || path == "/" ? "" : "/") + part
            if !part.isEmpty { mkdir(path, 0o755) }
        }
        made.insert(dir)
    }
    let file = "\(dir)/\(id).yaml"
    guard let f = fopen(file, "wb") else { fail("cannot write \(file)") }
    var t = text
    t.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, f) }
    fclose(f)
    written += 1
}
let staffCount = branches.reduce(0) { $0 + $1.staff.count }
fputs("svcaudit-gen: wrote \(written) visit files (\(branchCount) branches, \(staffCount) staff, \(regionCount) regions) to \(outDir)\n", stderr)
