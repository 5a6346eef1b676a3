import ArgumentParser
import SVCAuditCore

/// `--events FILE` (SPEC §1.5): complaints and praise that are not visits.
struct EventOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Complaints and praise (CSV: id,date,branch,staff,type,verified,item,note or 编号,日期,网点编号,工号,类型,是否查实,条目,说明); only verified ones count.", valueName: "file"))
    var events: String?

    /// The events, checked against the loaded checklists' items; a broken file prints its
    /// diagnostics and exits 1. Empty without --events.
    func load(_ catalog: ChecklistCatalog, quiet: Bool) throws -> EventLog {
        guard let events else { return EventLog(events: [], catalog: catalog) }
        var items = Set<String>()
        for id in catalog.everyItemID { items.insert(id) }
        let (list, diags) = EventLoader.load(events, items: items)
        Console.diagnostics(diags, quiet: quiet)
        guard let list else { throw ExitCode(1) }
        return EventLog(events: list, catalog: catalog)
    }
}
