import Foundation

extension BuiltinModule {
    /// Tables shown in the report.
    static let tables = BuiltinModule(
        name: "tables",
        functions: [
            Builtin(
                "table",
                [
                    .labeled("columns", .array(.string)), .labeled("rows", .array(.array(.any))),
                    .labeled("caption", .string, default: .string("")),
                ],
                returns: .table,
                doc: """
                    A table with the given column names and rows; cells are formatted like inline values \
                    (Doubles with 3 significant digits, `3.61×10⁻⁷`; see `format`). It becomes one of the \
                    cell's outputs.
                    """
            ) { call in
                let columns = try call.array(0).map(\.description)
                let rows = try call.array(1).enumerated().map { index, row -> [String] in
                    guard case .array(let cells) = row else { throw BuiltinError("row \(index) is not an array") }
                    guard cells.count == columns.count else {
                        throw BuiltinError("row \(index) has \(cells.count) cells for \(columns.count) columns")
                    }
                    return cells.map(ValueFormatter().text)
                }
                let caption = try call.string(2)
                return .table(TableOutput(columns: columns, rows: rows, caption: caption.isEmpty ? nil : caption))
            }
        ])
}
