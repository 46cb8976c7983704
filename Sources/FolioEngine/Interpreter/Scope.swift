/// A lexical scope: a cell's top level, a function call, a loop body.
final class Scope: @unchecked Sendable {
    struct Binding {
        var value: Value
        var isVar: Bool
    }

    private var bindings: [String: Binding] = [:]
    let parent: Scope?
    /// Set when the defining cell has finished: its names can still be read (by closures
    /// called from later cells, possibly concurrently) but never written.
    private(set) var isFrozen = false

    init(parent: Scope?) {
        self.parent = parent
    }

    func freeze() { isFrozen = true }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let binding = current.bindings[name] { return binding.value }
            scope = current.parent
        }
        return nil
    }

    func define(_ name: String, _ value: Value, isVar: Bool) {
        bindings[name] = Binding(value: value, isVar: isVar)
    }

    /// Why a name cannot be modified.
    enum ModifyFailure: Error {
        case undefined, constant, frozen
    }

    /// Mutates `name` in place (no copy of arrays) in the nearest scope that binds it.
    func modify(_ name: String, _ body: (inout Value) throws -> Void) throws {
        var scope: Scope? = self
        while let current = scope {
            // One hash lookup, then an in-place mutation through the index.
            if let index = current.bindings.index(forKey: name) {
                guard current.bindings.values[index].isVar else { throw ModifyFailure.constant }
                guard !current.isFrozen else { throw ModifyFailure.frozen }
                try body(&current.bindings.values[index].value)
                return
            }
            scope = current.parent
        }
        throw ModifyFailure.undefined
    }
}
