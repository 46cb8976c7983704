import FolioMath

/// Runs lowered statements: the tree-walking interpreter of the cell language.
///
/// It never traps: integer overflow, out-of-range indices, division by zero and runaway
/// loops or recursion become `RuntimeError`s at the failing expression.
final class Evaluator {
    let context: CellContext
    var callDepth = 0
    var compiledFunctions = CompiledFunctions()
    /// Arguments of compiled calls on their way into a frame (see `CompiledFunction`).
    var argumentStack: [Value] = []

    static let maximumCallDepth = 200
    /// Range loops of at least this many iterations are compiled first (LoopCompiler);
    /// shorter ones cost less to walk than to compile.
    static let compiledLoopMinimum = 16
    /// The most elements a range may turn into (a typo like `0..<10_000_000_000` must not
    /// exhaust memory).
    static let maximumMaterializedCount = 20_000_000

    init(context: CellContext) {
        self.context = context
        context.evaluator = self
    }

    enum Flow {
        case normal, breakLoop, continueLoop
        case returned(Value)
    }

    /// Runs a cell's top level in `scope`; returns the value of a final expression statement.
    func runCell(_ statements: [Stmt], in scope: Scope) throws -> Value? {
        defer { compiledFunctions.removeAll() }
        var last: Value?
        for statement in statements {
            last = nil
            if case .expression(let expr) = statement.kind {
                try tick(at: statement.position)
                last = try evaluate(expr, in: scope)
                continue
            }
            if case .returned = try execute(statement, in: scope) {
                throw RuntimeError(message: "'return' outside a function", position: statement.position, hint: nil)
            }
        }
        return last
    }

    func execute(_ statements: [Stmt], in scope: Scope) throws -> Flow {
        for statement in statements {
            let flow = try execute(statement, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    /// Counts a step; a reason to stop (timeout, Ctrl-C) becomes an error at `position`.
    @inline(__always)
    func tick(at position: SourcePosition) throws {
        do {
            try context.tick()
        } catch {
            throw RuntimeError(stopped: error, at: position)
        }
    }

    func execute(_ statement: Stmt, in scope: Scope) throws -> Flow {
        try tick(at: statement.position)
        switch statement.kind {
        case .binding(let isVar, let pattern, let type, let valueExpr):
            var value = try valueExpr.map { try evaluate($0, in: scope, expected: type) } ?? defaultValue(for: type)
            if let type, valueExpr != nil {
                guard let converted = convert(value, to: type) else {
                    throw RuntimeError(
                        message: "cannot convert value of type \(value.typeName) to specified type '\(type)'",
                        position: valueExpr?.position ?? statement.position, hint: nil)
                }
                value = converted
            }
            try bind(pattern, to: value, in: scope, isVar: isVar, at: statement.position)
        case .assign(let target, let op, let valueExpr):
            let value = try evaluate(valueExpr, in: scope)
            try mutate(target, in: scope) { try self.assign(op, value, to: &$0, at: statement.position) }
        case .expression(let expr):
            _ = try evaluate(expr, in: scope)
        case .ifElse(let conditions, let then, let otherwise):
            var holds = true
            for condition in conditions where holds {
                holds = try truth(condition, in: scope)
            }
            if holds { return try executeBlock(then, in: scope) }
            if let otherwise { return try executeBlock(otherwise, in: scope) }
        case .forIn(let pattern, let sequenceExpr, let filter, let body, let bodyMakesClosures):
            return try stoppingAtLoop(statement.position) {
                try forLoop(pattern, sequenceExpr, filter, body, freshScopes: bodyMakesClosures, in: scope)
            }
        case .whileLoop(let condition, let body):
            return try stoppingAtLoop(statement.position) {
                while try truth(condition, in: scope) {
                    try tick(at: statement.position)
                    let flow = try executeBlock(body, in: scope)
                    switch flow {
                    case .breakLoop: return .normal
                    case .returned: return flow
                    case .normal, .continueLoop: continue
                    }
                }
                return .normal
            }
        case .switchCases(let subject, let cases):
            let flow = try switchCases(try evaluate(subject, in: scope), cases, in: scope, at: statement.position)
            if case .breakLoop = flow { return .normal }
            return flow
        case .function(let literal):
            scope.define(literal.name ?? "", .function(.closure(Closure(literal: literal, scope: scope))), isVar: false)
        case .structDeclaration(let declaration):
            scope.define(declaration.name, .function(.structType(StructType(declaration: declaration, scope: scope))), isVar: false)
        case .returnValue(let expr):
            return .returned(try expr.map { try evaluate($0, in: scope) } ?? .void)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        }
        return .normal
    }

    /// Runs a nested block, in a scope of its own only if it declares names.
    private func executeBlock(_ statements: [Stmt], in scope: Scope) throws -> Flow {
        try execute(statements, in: statements.declaresNames ? Scope(parent: scope) : scope)
    }

    /// A for-in loop. Closures may capture an iteration's variables, so a body that makes
    /// closures gets a fresh scope per iteration; any other body reuses one scope.
    private func forLoop(
        _ pattern: Pattern, _ sequenceExpr: Expr, _ filter: Expr?, _ body: [Stmt], freshScopes: Bool, in scope: Scope
    ) throws -> Flow {
        let sequence = try evaluate(sequenceExpr, in: scope)
        if !freshScopes, filter == nil, case .range(let lower, let upper) = sequence,
            upper.subtractingReportingOverflow(lower).overflow || upper - lower >= Self.compiledLoopMinimum,
            case .name(let name, _) = pattern, !body.usesNameBeforeDeclaring(bound: [name])
        {
            var compiler = LoopCompiler(evaluator: self)
            return try compiler.rangeLoop(name, bounds: { sequence }, body, in: scope, at: sequenceExpr.position)()
        }
        let sharedScope = freshScopes ? nil : Scope(parent: scope)
        func iterate(_ element: Value) throws -> Flow? {
            try tick(at: sequenceExpr.position)
            let iterationScope = sharedScope ?? Scope(parent: scope)
            try bind(pattern, to: element, in: iterationScope, isVar: false, at: sequenceExpr.position)
            if let filter, try !truth(filter, in: iterationScope) { return nil }
            let flow = try execute(body, in: iterationScope)
            switch flow {
            case .breakLoop: return .normal
            case .returned: return flow
            case .normal, .continueLoop: return nil
            }
        }
        switch sequence {
        case .range(let lower, let upper):
            var index = lower
            while index < upper {
                if let flow = try iterate(.int(index)) { return flow }
                index += 1
            }
        case .array(let elements):
            for element in elements {
                if let flow = try iterate(element) { return flow }
            }
        case .dictionary(let dictionary):
            for entry in dictionary.entries {
                let pair = Value.tuple([TupleField(label: "key", value: entry.key.value), TupleField(label: "value", value: entry.value)])
                if let flow = try iterate(pair) { return flow }
            }
        case .string(let text):
            for character in text {
                if let flow = try iterate(.string(String(character))) { return flow }
            }
        default:
            throw RuntimeError(
                message: "cannot iterate over a value of type \(sequence.typeName)", position: sequenceExpr.position,
                hint: "for-in works on ranges, arrays, dictionaries and strings")
        }
        return .normal
    }

    func bind(_ pattern: Pattern, to value: Value, in scope: Scope, isVar: Bool, at position: SourcePosition) throws {
        switch pattern {
        case .name(let name, _): scope.define(name, value, isVar: isVar)
        case .wildcard: break
        case .tuple(let patterns):
            guard case .tuple(let fields) = value, fields.count == patterns.count else {
                throw RuntimeError(
                    message: "cannot destructure \(value.typeName) into \(patterns.count) names", position: position, hint: nil)
            }
            for (inner, field) in zip(patterns, fields) {
                try bind(inner, to: field.value, in: scope, isVar: isVar, at: position)
            }
        }
    }

    private func defaultValue(for type: TypeAnnotation?) -> Value {
        switch type {
        case .array?: .array([])
        case .dictionary?: .dictionary(DictionaryValue())
        default: .void
        }
    }

    /// Converts to a declared type (`let x: Double = 1` holds 1.0).
    func convert(_ value: Value, to type: TypeAnnotation) -> Value? {
        valueType(of: type).convert(value)
    }

    func valueType(of annotation: TypeAnnotation) -> ValueType {
        context.registry.valueType(of: annotation)
    }

    func truth(_ expr: Expr, in scope: Scope) throws -> Bool {
        try truth(try evaluate(expr, in: scope), at: expr.position)
    }

    /// A condition's value, which must be a Bool.
    func truth(_ value: Value, at position: SourcePosition) throws -> Bool {
        guard case .bool(let result) = value else {
            throw RuntimeError(message: "condition must be Bool, got \(value.typeName)", position: position, hint: nil)
        }
        return result
    }

    // MARK: Assignment

    /// Applies `body` to the storage `target` names, in place.
    func mutate(_ target: Expr, in scope: Scope, _ body: (inout Value) throws -> Void) throws {
        switch target.kind {
        case .name(let name):
            do {
                try scope.modify(name, body)
            } catch let failure as Scope.ModifyFailure {
                switch failure {
                case .undefined:
                    throw RuntimeError(message: "cannot find '\(name)' in scope", position: target.position, hint: nil)
                case .constant:
                    throw RuntimeError(
                        message: "cannot assign to '\(name)': it is a 'let' constant", position: target.position,
                        hint: "declare it with 'var' to change it")
                case .frozen:
                    throw RuntimeError(
                        message: "cannot modify '\(name)': it belongs to another cell", position: target.position,
                        hint: "cells read the names of other cells but never change them")
                }
            }
        case .subscriptAccess(let base, let arguments):
            let indices = try arguments.map { try evaluate($0.value, in: scope) }
            try mutate(base, in: scope) { container in
                try self.updateSubscript(&container, indices, arguments, at: target.position, body)
            }
        case .member(let base, let name):
            try mutate(base, in: scope) { container in
                try self.updateMember(&container, name, at: target.position, body)
            }
        default:
            throw RuntimeError(message: "cannot assign to this expression", position: target.position, hint: nil)
        }
    }
}
