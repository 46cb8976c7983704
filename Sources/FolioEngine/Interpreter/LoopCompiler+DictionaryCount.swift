/// `counts[k] = counts[k, default: d] op x`, the counting idiom of Swift dictionaries,
/// compiled as one in-place update of the entry: one hash lookup instead of a read and a
/// write (two lookups), and no copy of the dictionary for the read.
///
/// Only when the key, `d` and `x` are names or literals (evaluating them again, or in
/// another order, changes nothing) and, at run time, the key hashes and the container is a
/// dictionary; anything else runs `otherwise`, the assignment as written, so every error is
/// the one the read or the write reports.
extension LoopCompiler {
    mutating func dictionaryCount(
        _ target: Expr, _ valueExpr: Expr, slot: (scope: Scope, index: Int), otherwise: @escaping Block, in scope: Scope
    ) -> Block? {
        guard case .subscriptAccess(let base, let written) = target.kind, case .name(let name) = base.kind, written.count == 1,
            written[0].label == nil,
            case .binary(let op, let read, let operand) = valueExpr.kind, op != .and, op != .or,
            case .subscriptAccess(let readBase, let arguments) = read.kind, case .name(name) = readBase.kind,
            arguments.count == 2, arguments[0].label == nil, arguments[1].label == "default",
            Self.isRepeatable(written[0].value), Self.isRepeatable(arguments[1].value), Self.isRepeatable(operand),
            Self.same(written[0].value, arguments[0].value)
        else { return nil }
        let evaluator = self.evaluator, position = valueExpr.position
        let keyOperand = self.operand(written[0].value, in: scope), fallbackOperand = self.operand(arguments[1].value, in: scope)
        let valueOperand = self.operand(operand, in: scope)
        return {
            guard let key = DictionaryKey(try keyOperand.value()) else { return try otherwise() }
            let fallback = try fallbackOperand.value(), value = try valueOperand.value()
            let counted = try evaluator.updateDictionary(&slot.scope[slot: slot.index], key, missing: fallback) { entry in
                entry = try evaluator.binary(op, entry, value, at: position)
            }
            return counted ? .normal : try otherwise()
        }
    }

    /// A name or a literal (a string without interpolations): evaluating it twice, or
    /// earlier, gives the same value.
    private static func isRepeatable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .int, .double, .bool: true
        case .string(let parts): parts.allSatisfy { if case .text = $0 { true } else { false } }
        default: false
        }
    }

    /// Whether two repeatable expressions are the same name or literal.
    private static func same(_ a: Expr, _ b: Expr) -> Bool {
        switch (a.kind, b.kind) {
        case (.name(let x), .name(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        default: false
        }
    }
}
