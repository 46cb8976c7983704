/// A lexical scope: a cell's top level, a function call, a loop body.
final class Scope: @unchecked Sendable {
    struct Binding {
        var value: Value
        var isVar: Bool
    }

    /// Names and their bindings, in definition order. Most scopes (a closure call, a loop
    /// body) hold a handful of names, which a linear search finds faster than hashing; a
    /// scope with many names (a cell's top level) also gets a hash index.
    private var names: [String] = []
    private var bindings: [Binding] = []
    private var index: [String: Int]?
    private static let indexThreshold = 8
    let parent: Scope?
    /// Set when the defining cell has finished: its names can still be read (by closures
    /// called from later cells, possibly concurrently) but never written.
    private(set) var isFrozen = false

    init(parent: Scope?) {
        self.parent = parent
    }

    /// A scope binding distinct `names` to `values` as constants at once (a call's
    /// arguments); passing the same `names` array to every call costs no allocation.
    init(parent: Scope?, names: [String], values: [Value]) {
        self.parent = parent
        self.names = names
        self.bindings = values.map { Binding(value: $0, isVar: false) }
        if names.count > Self.indexThreshold {
            index = Dictionary(zip(names, names.indices), uniquingKeysWith: { first, _ in first })
        }
    }

    func freeze() { isFrozen = true }

    /// How many names this scope binds (not its parents).
    var bindingCount: Int { names.count }

    /// Where `name` is bound in this scope (not its parents).
    @inline(__always)
    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        return names.firstIndex(of: name)
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let position = current.position(of: name) { return current.bindings[position].value }
            scope = current.parent
        }
        return nil
    }

    func define(_ name: String, _ value: Value, isVar: Bool) {
        let binding = Binding(value: value, isVar: isVar)
        if let position = position(of: name) {
            bindings[position] = binding
            return
        }
        names.append(name)
        bindings.append(binding)
        if index != nil {
            index?[name] = names.count - 1
        } else if names.count > Self.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: zip(names, names.indices))
        }
    }

    /// Where `name` is bound, in this scope or the nearest parent that binds it: the scope
    /// and the binding's index there. Bindings are only ever appended or overwritten, so
    /// the index stays valid for the scope's lifetime (compiled loops read through it).
    func slot(of name: String) -> (scope: Scope, index: Int)? {
        var scope: Scope? = self
        while let current = scope {
            if let position = current.position(of: name) { return (current, position) }
            scope = current.parent
        }
        return nil
    }

    /// Whether the binding at `index` may be assigned (a `var` of a cell still running).
    func isAssignable(at index: Int) -> Bool { bindings[index].isVar && !isFrozen }

    /// The value at a slot found by `slot(of:)`, read or changed in place.
    subscript(slot index: Int) -> Value {
        get { bindings[index].value }
        _modify { yield &bindings[index].value }
    }

    /// Why a name cannot be modified.
    enum ModifyFailure: Error {
        case undefined, constant, frozen
    }

    /// Mutates `name` in place (no copy of arrays) in the nearest scope that binds it.
    func modify(_ name: String, _ body: (inout Value) throws -> Void) throws {
        var scope: Scope? = self
        while let current = scope {
            if let position = current.position(of: name) {
                guard current.bindings[position].isVar else { throw ModifyFailure.constant }
                guard !current.isFrozen else { throw ModifyFailure.frozen }
                try body(&current.bindings[position].value)
                return
            }
            scope = current.parent
        }
        throw ModifyFailure.undefined
    }
}
