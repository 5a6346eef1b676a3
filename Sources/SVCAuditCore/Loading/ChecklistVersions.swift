import Foundation

/// Versions over time (SPEC §1.1): what the catalog needs to pick, for a visit's date or its
/// `versions:` pins, the checklists it is checked and scored against.

extension Checklist {
    /// Whether the version carries `effective_from` or `effective_to`.
    public var hasDates: Bool { effectiveFrom != nil || effectiveTo != nil }

    /// Whether the two versions are in force on some common day (open ends reach forever).
    public func overlaps(_ other: Checklist) -> Bool {
        (effectiveFrom ?? .earliest) <= (other.effectiveTo ?? .latest) && (other.effectiveFrom ?? .earliest) <= (effectiveTo ?? .latest)
    }

    /// The days it is in force: 2026-01-01 至 2026-08-31, 2026-09-01 起, 至 2026-08-31, 长期有效.
    public func interval(_ lang: Language) -> String {
        switch (effectiveFrom, effectiveTo, lang) {
        case (let f?, let t?, .zh): return "\(f) 至 \(t)"
        case (let f?, let t?, .en): return "\(f) to \(t)"
        case (let f?, nil, .zh): return "\(f) 起"
        case (let f?, nil, .en): return "from \(f)"
        case (nil, let t?, .zh): return "至 \(t)"
        case (nil, let t?, .en): return "until \(t)"
        case (nil, nil, .zh): return "长期有效"
        case (nil, nil, .en): return "no end dates"
        }
    }

    /// The version as outputs name it: its `version`, or a word for none.
    public func versionLabel(_ lang: Language) -> String {
        version ?? (lang == .en ? "(no version)" : "（无版本号）")
    }

    /// 2026.1（至 2026-08-31）
    public func versionWithInterval(_ lang: Language) -> String {
        lang == .en ? "\(versionLabel(lang)) (\(interval(lang)))" : "\(versionLabel(lang))（\(interval(lang))）"
    }

    var intervalArg: DiagnosticArg { .phrase(interval(.zh), interval(.en)) }
    var versionArg: DiagnosticArg { version.map { .text("'\($0)'") } ?? .phrase("没有 'version'", "no 'version'") }

    /// Every version of one checklist with its interval, for messages.
    static func versionsArg(_ list: [Checklist]) -> DiagnosticArg {
        .localized(zh: list.map { $0.versionWithInterval(.zh) }.joined(separator: "、"),
                   en: list.map { $0.versionWithInterval(.en) }.joined(separator: ", "))
    }
}

extension Day {
    static let earliest = Day(year: 1, month: 1, day: 1)!
    static let latest = Day(year: 9999, month: 12, day: 31)!
}

/// The version of a checklist one visit was checked and scored against (`versions` in the
/// score JSON, SPEC §3.1).
public struct VersionUsed: Sendable, Equatable, Hashable {
    public var id: String
    public var version: String?
    public init(id: String, version: String?) { self.id = id; self.version = version }
}

/// One numbering of every item and section of every loaded version, so that tallies over
/// visits scored against different versions meet by item id (and checklist id and section
/// name), never by a position in one version's catalog. Item ids are unique across checklist
/// ids (SPEC §1.1), so an item id names its checklist.
public struct ItemUniverse: Sendable {
    public struct Section: Sendable, Hashable {
        public let checklist: String
        public let name: String
    }

    /// The latest versions' items in catalog order first (so with one version of each
    /// checklist this is the catalog's own flat numbering), then items only older versions have.
    public let itemIDs: [String]
    /// The checklist id of each item, numbered like `itemIDs`.
    public let itemChecklists: [String]
    private let itemNumber: [String: Int]
    public let sections: [Section]
    private let sectionNumber: [Section: Int]

    init(latest: [Checklist], families: [String: [Checklist]]) {
        var ids: [String] = [], owners: [String] = [], numbers: [String: Int] = [:]
        var sections: [Section] = [], sectionNumbers: [Section: Int] = [:]
        func add(_ c: Checklist) {
            for item in c.items {
                if numbers[item.id] == nil {
                    numbers[item.id] = ids.count
                    ids.append(item.id)
                    owners.append(c.id)
                }
                if let name = item.section {
                    let s = Section(checklist: c.id, name: name)
                    if sectionNumbers[s] == nil { sectionNumbers[s] = sections.count; sections.append(s) }
                }
            }
        }
        latest.forEach(add)
        for id in families.keys.sorted() { families[id]!.reversed().dropFirst().forEach(add) }
        itemIDs = ids; itemChecklists = owners; itemNumber = numbers
        self.sections = sections; sectionNumber = sectionNumbers
    }

    public func number(of itemID: String) -> Int? { itemNumber[itemID] }
    public func owner(of itemID: String) -> String? { itemNumber[itemID].map { itemChecklists[$0] } }
    func number(of section: Section) -> Int? { sectionNumber[section] }

    /// The section names of checklist `id` in order (latest version's first).
    public func sectionNames(of checklistID: String) -> [String] {
        sections.filter { $0.checklist == checklistID }.map(\.name)
    }
}

/// The catalogs of the version combinations in use: one per stretch of days between the
/// loaded versions' effective dates, built once at load; combinations that pins ask for are
/// built on first use and kept (under a lock: the reader runs on several threads).
final class VersionResolver: @unchecked Sendable {
    let families: [String: [Checklist]]
    /// Checklist ids in catalog order; a combination is a version index per id (-1: none in force).
    let ids: [String]
    let familyIndex: [String: Int]
    let universe: ItemUniverse
    let roles: RoleCatalog
    /// Stretch k ≥ 1 starts on `starts[k - 1]` and runs to the day before the next start;
    /// stretch 0 is every day before `starts[0]`.
    private let starts: [Day]
    private let stretchCombination: [Int]
    private let combinations: [[Int]]
    private let catalogs: [ChecklistCatalog]
    private var pinned: [[Int]: ChecklistCatalog] = [:]
    private let lock = NSLock()

    init(families: [String: [Checklist]], universe: ItemUniverse, roles: RoleCatalog) {
        self.families = families
        ids = families.keys.sorted()
        familyIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        self.universe = universe
        self.roles = roles
        var bounds = Set<Day>()
        for list in families.values {
            for c in list {
                if let f = c.effectiveFrom { bounds.insert(f) }
                if let t = c.effectiveTo, t < .latest { bounds.insert(t.adding(days: 1)) }
            }
        }
        let starts = bounds.sorted()
        self.starts = starts
        let ids = self.ids
        var combinations: [[Int]] = [], stretchCombination: [Int] = []
        for k in 0...starts.count {
            // A version is in force on a whole stretch or on none of it (every bound starts one).
            let combo = ids.map { id in
                families[id]!.firstIndex { c in k == 0 ? c.effectiveFrom == nil : c.inForce(on: starts[k - 1]) } ?? -1
            }
            if let i = combinations.firstIndex(of: combo) {
                stretchCombination.append(i)
            } else {
                stretchCombination.append(combinations.count)
                combinations.append(combo)
            }
        }
        self.combinations = combinations
        self.stretchCombination = stretchCombination
        var built: [ChecklistCatalog] = []
        for combo in combinations {
            built.append(Self.build(combo, ids: ids, families: families, universe: universe, roles: roles))
        }
        catalogs = built
    }

    private static func build(_ combo: [Int], ids: [String], families: [String: [Checklist]], universe: ItemUniverse,
                              roles: RoleCatalog) -> ChecklistCatalog {
        let list = zip(ids, combo).compactMap { id, v in v >= 0 ? families[id]![v] : nil }
        return ChecklistCatalog(sorted: list, families: families, universe: universe, roles: roles, resolver: nil)
    }

    private func stretch(_ day: Day) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Per checklist id (like `ids`), the version index in force on `day` (-1: none).
    func combination(on day: Day) -> [Int] { combinations[stretchCombination[stretch(day)]] }

    func catalog(on day: Day) -> ChecklistCatalog { catalogs[stretchCombination[stretch(day)]] }

    func catalog(for combo: [Int]) -> ChecklistCatalog {
        if let i = combinations.firstIndex(of: combo) { return catalogs[i] }
        lock.lock()
        defer { lock.unlock() }
        if let c = pinned[combo] { return c }
        let c = Self.build(combo, ids: ids, families: families, universe: universe, roles: roles)
        pinned[combo] = c
        return c
    }
}

/// Why a version asked for on the command line (`checklists show --on/--version`, `diff`)
/// cannot be shown: a typed diagnostic without a file.
public struct VersionProblem: Error, Sendable {
    public var code: DiagnosticCode
    public var args: DiagnosticArgs
    public func message(_ lang: Language) -> String { Diagnostic.text(code, args, lang) }
}

extension ChecklistCatalog {
    /// Which version of a checklist to show.
    public enum VersionChoice: Sendable {
        /// The latest (the one the catalog lists).
        case latest
        /// The one in force on a day.
        case on(Day)
        /// The one with this `version`.
        case named(String)
    }

    /// The version of checklist `id` that `choice` names, or why there is none.
    public func version(of id: String, _ choice: VersionChoice) -> Result<Checklist, VersionProblem> {
        guard let list = families[id], let latest = list.last else {
            return .failure(VersionProblem(code: .checklistNotLoaded, args: ["id": .text(id), "loaded": .list(ids),
                                                                              "hint": .hint(Suggestion.closest(to: id, in: ids))]))
        }
        switch choice {
        case .latest:
            return .success(latest)
        case .on(let day):
            if let c = list.first(where: { $0.inForce(on: day) }) { return .success(c) }
            return .failure(VersionProblem(code: .noVersionInForce, args: noVersionInForce(id, on: day)))
        case .named(let v):
            if let c = list.first(where: { $0.version == v }) { return .success(c) }
            return .failure(VersionProblem(code: .unknownVersion, args: [
                "id": .text(id), "version": .text(v), "versions": Checklist.versionsArg(list), "inForce": .text(""),
                "hint": .hint(Suggestion.closest(to: v, in: list.compactMap(\.version)))]))
        }
    }
}
