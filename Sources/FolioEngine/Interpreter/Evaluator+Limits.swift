/// The interpreter's side of a cell's limits. A runaway loop is stopped (timeout,
/// `--timeout`, Ctrl-C) at whichever statement of its body was running, and the error is
/// moved to the line of the innermost loop around it, which is what the user has to
/// change. Operators that allocate ask the memory budget first.
extension Evaluator {
    func stoppingAtLoop(_ position: SourcePosition, _ body: () throws -> Flow) throws -> Flow {
        do {
            return try body()
        } catch var error as RuntimeError where error.pendingLoopPosition {
            error.moveToLoop(at: position)
            throw error
        }
    }

    /// Fails at `position` before `op` on `left` and `right` allocates over the budget
    /// (joining strings or arrays, elementwise matrix arithmetic).
    func reserveResult(of op: BinaryOperator, _ left: Value, _ right: Value, at position: SourcePosition) throws {
        let bytes: Int
        switch (left, right) {
        case (.string(let a), .string(let b)) where op == .add:
            bytes = MemoryEstimate.sum(a.utf8.count, b.utf8.count)
        case (.array(let a), .array(let b)) where op == .add:
            bytes = MemoryEstimate.product(a.count + b.count, MemoryLayout<Value>.stride)
        case (.matrix(let a), _), (_, .matrix(let a)):
            bytes = MemoryEstimate.matrix(a.rows, a.columns)
        default: return
        }
        do {
            try context.reserve(bytes, for: "'\(op.rawValue)' on \(left.typeName) and \(right.typeName)")
        } catch let error as BuiltinError {
            throw RuntimeError(message: error.message, position: position, hint: error.hint)
        }
    }
}
