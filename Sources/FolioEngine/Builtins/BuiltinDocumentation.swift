/// Text for `folio functions`: one line per built-in, enumeration type and record type, or
/// the full entry for one name (a built-in; an enumeration with a line per case and who
/// takes it; a record with a line per field and who returns it).
enum BuiltinDocumentation {
    static func render(registry: BuiltinRegistry, name: String?) -> String? {
        var lines: [String] = []
        for module in registry.modules {
            let entries = module.functions.map { ($0, "") } + module.methods.map { ($0, "method on \($0.parameters[0].type)") }
                + module.properties.map { ($0, "property of \($0.parameters[0].type)") }
            for (builtin, kind) in entries where name == nil || builtin.name == name {
                if name == nil {
                    let summary = builtin.documentation.split(separator: "\n").first.map(String.init) ?? ""
                    lines.append("\(pad(module.name)) \(display(builtin, kind))")
                    lines.append("             \(summary)")
                } else {
                    lines.append(display(builtin, kind) + (kind.isEmpty ? "" : "    (\(kind))"))
                    lines.append("")
                    lines.append(builtin.documentation)
                    lines.append("")
                    if case .record(let type) = builtin.returnType, let record = registry.records[type] {
                        lines += ["Returns \(type):"] + fieldTable(record) + [""]
                    }
                }
            }
        }
        lines += enumerations(registry: registry, name: name) + records(registry: registry, name: name)
        if name != nil, lines.isEmpty { return nil }
        return lines.joined(separator: "\n").trimmingTrailingNewlines()
    }

    /// `enum NormKind: .frobenius, .spectral, .nuclear`; for one, each case with its line and
    /// the built-ins taking it.
    private static func enumerations(registry: BuiltinRegistry, name: String?) -> [String] {
        var lines: [String] = []
        for (type, enumeration) in registry.enumerations.sorted(by: { $0.key < $1.key }) where name == nil || type == name {
            if name == nil {
                lines.append("\(pad("enum")) \(type): " + enumeration.caseNames.map { ".\($0)" }.joined(separator: ", "))
                continue
            }
            let takers = registry.modules.flatMap { $0.functions + $0.methods }.filter { builtin in
                builtin.parameters.contains { if case .enumeration(type, _) = $0.type { true } else { false } }
            }
            lines += ["enum \(type)", ""] + table(enumeration.cases.map { (".\($0.name)", $0.summary) }) + [""]
            lines.append("Taken by: " + takers.map { "\($0.name)(…)" }.joined(separator: ", ") + ".")
        }
        return lines
    }

    /// `record PCA: mean, components, …`; for one, its fields with types and lines, and the
    /// built-ins returning it.
    private static func records(registry: BuiltinRegistry, name: String?) -> [String] {
        var lines: [String] = []
        for (type, record) in registry.records.sorted(by: { $0.key < $1.key }) where name == nil || type == name {
            if name == nil {
                lines.append("\(pad("record")) \(type): " + record.fields.map(\.name).joined(separator: ", "))
                continue
            }
            let makers = registry.modules.flatMap(\.functions).filter { $0.returnType == record.valueType }
            lines += ["record \(type)", "", record.doc, ""]
            lines += fieldTable(record) + [""]
            lines.append("Returned by: " + makers.map { "\($0.name)(…)" }.joined(separator: ", ") + ".")
        }
        return lines
    }

    private static func fieldTable(_ record: RecordType) -> [String] {
        table(record.fields.map { ("\($0.name): \($0.type)", $0.doc) })
    }

    /// Two aligned columns, indented.
    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
    }

    private static func pad(_ kind: String) -> String { kind.padding(toLength: 12, withPad: " ", startingAt: 0) }

    private static func display(_ builtin: Builtin, _ kind: String) -> String {
        guard !kind.isEmpty else { return builtin.signature }
        var receiverless = builtin
        receiverless.parameters.removeFirst()
        if kind.hasPrefix("property") { return ".\(builtin.name) -> \(builtin.returnType)" }
        return "." + receiverless.signature
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
