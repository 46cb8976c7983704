/// Text for `folio functions`: one line per built-in and per enumeration type, or the full
/// entry for one name (a built-in, or an enumeration with its cases and who takes it).
enum BuiltinDocumentation {
    static func render(registry: BuiltinRegistry, name: String?) -> String? {
        var lines: [String] = []
        for module in registry.modules {
            let entries = module.functions.map { ($0, "") } + module.methods.map { ($0, "method on \($0.parameters[0].type)") }
                + module.properties.map { ($0, "property of \($0.parameters[0].type)") }
            for (builtin, kind) in entries where name == nil || builtin.name == name {
                if name == nil {
                    let summary = builtin.documentation.split(separator: "\n").first.map(String.init) ?? ""
                    lines.append("\(module.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(display(builtin, kind))")
                    lines.append("             \(summary)")
                } else {
                    lines.append(display(builtin, kind) + (kind.isEmpty ? "" : "    (\(kind))"))
                    lines.append("")
                    lines.append(builtin.documentation)
                    lines.append("")
                }
            }
        }
        lines += enumerations(registry: registry, name: name)
        if name != nil, lines.isEmpty { return nil }
        return lines.joined(separator: "\n").trimmingTrailingNewlines()
    }

    /// `enum NormKind: .frobenius, .spectral, .nuclear` and, for one, the built-ins taking it.
    private static func enumerations(registry: BuiltinRegistry, name: String?) -> [String] {
        var lines: [String] = []
        for (type, cases) in registry.enumerations.sorted(by: { $0.key < $1.key }) where name == nil || type == name {
            let list = cases.map { ".\($0)" }.joined(separator: ", ")
            if name == nil {
                lines.append("\("enum".padding(toLength: 12, withPad: " ", startingAt: 0)) \(type): \(list)")
                continue
            }
            let takers = registry.modules.flatMap { $0.functions + $0.methods }.filter { builtin in
                builtin.parameters.contains { if case .enumeration(type, _) = $0.type { true } else { false } }
            }
            lines += ["enum \(type)", "", "Cases: \(list).", "", "Taken by: " + takers.map { "\($0.name)(…)" }.joined(separator: ", ") + "."]
        }
        return lines
    }

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
