import Foundation

/// `--format csv`: one table per file (SPEC §3), the document's main table or `--table NAME`,
/// with every data column; values in the output language, an empty cell for a missing value.
public enum CSVRenderer: Renderer {
    public static let format = OutputFormat.csv
    public static let description = "one table, for Excel"

    public static func render(_ report: any Report, _ ctx: RenderContext) throws -> Data {
        let doc = report.document(ctx)
        guard let t = doc.csvTable(named: ctx.table, data: true) else {
            throw OutputError(path: "--table", reason: "no table '\(ctx.table ?? "")' here; tables: \(doc.tableNames(data: true).joined(separator: ", "))")
        }
        return Data(text(t, doc.tables(data: true).filter { $0.name == t.name }, bom: ctx.bom).utf8)
    }

    /// `tables`: every table of the name (a 整改清单 has one per branch) written as one.
    static func text(_ t: Table, _ tables: [Table], bom: Bool) -> String {
        let cols = t.visible(display: false)
        let rows = tables.flatMap { tt in
            tt.rows.map { r in cols.map { i in Table.text(tt.cell(r, i), tt.columns[i].kind, missing: "") } }
        }
        return CSVDocument(header: cols.map { t.columns[$0].header }, rows: rows).render(bom: bom)
    }
}
