/// Text for `folio functions`: one line per built-in, or the full entry for one name.
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
        if name != nil, lines.isEmpty { return nil }
        return lines.joined(separator: "\n").trimmingTrailingNewlines()
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
