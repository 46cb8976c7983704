import FolioNotebook

/// Walks one cell's statements with nested scopes, recording what it reads and reporting
/// problems. Scopes hold names and, where known, their scalar types: from literals,
/// declared types, built-in results and operators over those (enough to find `n + "s"`).
struct CellWalker {
    struct Symbol {
        var isVar: Bool
        var function: FunctionLiteral?
        /// The value's type when the checker knows it.
        var type: ValueType?
        /// Set when the name is a struct declared in a cell.
        var structDeclaration: StructDeclaration?
    }

    let checker: Checker
    /// The cell walked, or for an inline value the number of cells above it.
    let cellIndex: Int
    /// What is walked: a cell, or a single expression seen from outside a cell's code.
    enum Reader { case cell, inlineValue, workEstimate }
    private let reader: Reader
    /// Walking an expression (inline value, work estimate) rather than a cell's code.
    private var isInline: Bool { reader != .cell }
    var scopes: [[String: Symbol]] = [[:]]
    private var loopDepth = 0
    /// Nesting of switch cases (where `break` leaves the switch).
    private var switchDepth = 0
    var functionDepth = 0
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var defines: [String] = []
    private(set) var reads: [String: Int] = [:]
    private(set) var paramsRead: Set<String> = []
    private(set) var readsAllParams = false
    /// A sweep cell's variables, and those of them the cell reads.
    private var sweepVariables: Set<String> = []
    private(set) var sweepVariablesRead: Set<String> = []

    init(checker: Checker, cellIndex: Int) {
        self.checker = checker
        self.cellIndex = cellIndex
        self.reader = .cell
    }

    /// A walker for an inline value that follows `cellsAbove` cells: it sees their names.
    init(checker: Checker, inlineAfter cellsAbove: Int) {
        self.checker = checker
        self.cellIndex = cellsAbove
        self.reader = .inlineValue
    }

    /// A walker for cell `cell`'s work estimate: it sees the names of the cells above, not
    /// the cell's own (it is evaluated before the code runs).
    init(checker: Checker, workEstimateOf cell: Int) {
        self.checker = checker
        self.cellIndex = cell
        self.reader = .workEstimate
    }

    /// Declares a sweep cell's variables as constants of the cell, before walking it.
    mutating func declareSweepVariables(_ names: [String]) {
        for name in names { declare(name, Symbol(isVar: false, function: nil)) }
        sweepVariables = Set(names)
    }

    /// Walks an inline value's expression.
    mutating func walkInline(_ expr: Expr) {
        walk(expr)
    }

    /// The known types of the names this cell defines at its top level.
    var definedTypes: [String: ValueType] {
        defines.reduce(into: [:]) { types, name in types[name] = scopes[0][name]?.type }
    }

    mutating func walkTopLevel(_ statements: [Stmt]) {
        for statement in statements {
            for (name, position) in statement.definedNames {
                if let first = checker.definition(of: name), first.cell != cellIndex {
                    let line = checker.notebook.cells[first.cell].fenceLine
                    report(position, "'\(name)' is already defined by the cell at line \(line)", hint: "each top-level name is defined by one cell; rename one of them")
                } else if scopes[0][name] != nil {
                    report(position, "invalid redeclaration of '\(name)'", hint: "use 'var' and assign to change a value")
                }
            }
            walk(statement)
            for (name, _) in statement.definedNames where !defines.contains(name) { defines.append(name) }
        }
    }

    // MARK: Statements

    private mutating func walk(_ statements: [Stmt]) {
        scopes.append([:])
        for statement in statements { walk(statement) }
        scopes.removeLast()
    }

    private mutating func walk(_ statement: Stmt) {
        switch statement.kind {
        case .binding(let isVar, let pattern, let type, let value):
            var known = type.map(expectedType)
            if let value {
                let valueType = walk(value, expected: type.map(expectedType))
                if let type, let literal = value.literalKind, expectedType(type).rejectsLiteral(literal) {
                    report(value.position, "cannot convert value of type \(literal.rawValue) to specified type '\(type)'")
                }
                known = known ?? valueType
            }
            for (name, _) in pattern.names { declare(name, Symbol(isVar: isVar, function: nil, type: known)) }
        case .assign(let target, _, let value):
            walk(value)
            checkAssignable(target)
        case .expression(let expr):
            walk(expr)
        case .ifElse(let conditions, let then, let otherwise):
            for condition in conditions { walk(condition) }
            walk(then)
            if let otherwise { walk(otherwise) }
        case .forIn(let pattern, let sequence, let filter, let body, _):
            walk(sequence)
            scopes.append([:])
            for (name, _) in pattern.names { declare(name, Symbol(isVar: false, function: nil)) }
            if let filter { walk(filter) }
            loopDepth += 1
            walk(body)
            loopDepth -= 1
            scopes.removeLast()
        case .whileLoop(let condition, let body):
            walk(condition)
            loopDepth += 1
            walk(body)
            loopDepth -= 1
        case .switchCases(let subject, let cases):
            walkSwitch(walk(subject), cases)
        case .function(let literal):
            declare(literal.name ?? "", Symbol(isVar: false, function: literal))
            walkFunction(literal)
        case .structDeclaration(let declaration):
            walkStruct(declaration, at: statement.position)
        case .returnValue(let value):
            if functionDepth == 0 { report(statement.position, "'return' outside a function", hint: "a cell's last expression is its value; no 'return' is needed") }
            if let value { walk(value) }
        case .breakLoop where switchDepth > 0: break
        case .breakLoop, .continueLoop:
            if loopDepth == 0 { report(statement.position, "'break' and 'continue' are only allowed inside a loop") }
        }
    }

    /// Each case in a scope of its own holding its `let` names (of the subject's type).
    private mutating func walkSwitch(_ subjectType: ValueType?, _ cases: [SwitchCase]) {
        for switchCase in cases {
            scopes.append([:])
            for item in switchCase.items {
                switch item.pattern {
                case .wildcard: break
                case .binding(let name, _): declare(name, Symbol(isVar: false, function: nil, type: subjectType))
                case .value(let expr):
                    // A range pattern matches Doubles too (`case 0.5...1.0`), unlike a range value.
                    if case .binary(let op, let lower, let upper) = expr.kind, op == .halfOpenRange || op == .closedRange {
                        walk(lower)
                        walk(upper)
                    } else {
                        walk(expr)
                    }
                }
                if let condition = item.condition { walk(condition) }
            }
            switchDepth += 1
            for statement in switchCase.body { walk(statement) }
            switchDepth -= 1
            scopes.removeLast()
        }
    }

    mutating func walkFunction(_ literal: FunctionLiteral) {
        scopes.append([:])
        for parameter in literal.parameters {
            if let defaultValue = parameter.defaultValue { walk(defaultValue) }
            declare(parameter.name, Symbol(isVar: false, function: nil, type: parameter.type.map(expectedType)))
        }
        for index in 0..<literal.anonymousArgumentCount { declare("$\(index)", Symbol(isVar: false, function: nil)) }
        let savedLoops = (loopDepth, switchDepth)
        (loopDepth, switchDepth) = (0, 0)
        functionDepth += 1
        for statement in literal.body { walk(statement) }
        functionDepth -= 1
        (loopDepth, switchDepth) = savedLoops
        scopes.removeLast()
    }

    mutating func declare(_ name: String, _ symbol: Symbol) {
        scopes[scopes.count - 1][name] = symbol
    }

    mutating func checkAssignable(_ target: Expr, mutatingMethod: String? = nil) {
        switch target.kind {
        case .name(let name):
            if let symbol = local(name) {
                if !symbol.isVar {
                    reportConstant(name, at: target.position, mutatingMethod: mutatingMethod)
                }
            } else if let definition = checker.definition(of: name), definition.cell < cellIndex {
                let line = checker.notebook.cells[definition.cell].fenceLine
                report(
                    target.position, "cannot modify '\(name)': it is defined by the cell at line \(line)",
                    hint: "cells read the names of other cells but never change them; make a copy with 'var'")
            } else {
                walk(target)
            }
        case .member(let base, let name):
            if !checkStructField(base, name, at: target.position, mutatingMethod: mutatingMethod) { checkAssignable(base, mutatingMethod: mutatingMethod) }
        case .subscriptAccess(let base, let arguments):
            for argument in arguments { walk(argument.value) }
            checkAssignable(base, mutatingMethod: mutatingMethod)
        default:
            walk(target)
        }
    }

    // MARK: Expressions

    /// Checks `expr`; returns its type when known.
    @discardableResult
    mutating func walk(_ expr: Expr, expected: ValueType? = nil) -> ValueType? {
        switch expr.kind {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .anonymousArgument: break
        case .string(let parts):
            for case .interpolation(let inner) in parts { walk(inner) }
            return .string
        case .name(let name):
            resolve(name, at: expr.position, isCall: false)
            guard let symbol = local(name) else { return reads[name].flatMap { _ in checker.type(ofTopLevel: name, readBy: isInline ? nil : cellIndex) } }
            return symbol.type
        case .array(let elements):
            var element: ValueType?
            if case .array(let inner)? = expected { element = inner }
            for item in elements { walk(item, expected: element) }
        case .dictionary(let pairs):
            for pair in pairs {
                walk(pair.key)
                walk(pair.value)
            }
        case .tuple(let elements):
            for element in elements { walk(element.value) }
        case .binary(let op, let left, let right):
            return checkOperands(op, walk(left), walk(right), at: expr.position)
        case .prefix(let op, let operand):
            let type = walk(operand)
            return op == .not ? .bool : type
        case .ternary(let condition, let then, let otherwise):
            walk(condition)
            walk(then, expected: expected)
            walk(otherwise, expected: expected)
        case .call(let callee, let arguments):
            return walkCall(callee, arguments, at: expr.position)
        case .member(let base, let name):
            if isParamsAccess(base) {
                checkParam(name, at: expr.position)
            } else {
                return memberType(walk(base), name, at: expr.position)
            }
        case .implicitMember(let name):
            if case .enumeration(let type, let cases)? = expected, !cases.contains(name) {
                report(expr.position, "type '\(type)' has no case '.\(name)'", hint: EnumerationType.unknownCaseHint(name, cases: cases))
            }
        case .subscriptAccess(let base, let arguments):
            walk(base)
            for argument in arguments { walk(argument.value) }
        case .closure(let literal):
            walkFunction(literal)
        }
        return nil
    }

    /// Reports operands the operator does not take (`n + "s"`); returns the result's type.
    private mutating func checkOperands(_ op: BinaryOperator, _ left: ValueType?, _ right: ValueType?, at position: SourcePosition)
        -> ValueType?
    {
        guard let left, let right else { return nil }
        guard let result = op.resultType(left, right) else {
            let mismatch = op.mismatch(left.description, right.description)
            report(position, mismatch.message, hint: mismatch.hint)
            return nil
        }
        return result == .any ? nil : result
    }

    /// Checks a call; returns the result's type when known: a built-in's scalar or record,
    /// a struct's initializer, a function's declared struct result.
    private mutating func walkCall(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) -> ValueType? {
        guard case .name(let name) = callee.kind else {
            if case .member(let base, let method) = callee.kind, !isParamsAccess(base) {
                return walkMethodCall(base, method, arguments, callee: callee, at: position)
            }
            walk(callee)
            for argument in arguments { walk(argument.value) }
            return nil
        }
        let function = resolve(name, at: callee.position, isCall: true)
        switch function {
        case .notebook(let literal):
            let types = literal.parameters.map { $0.type.map(expectedType) }
            checkArguments(arguments, literal.parameterShapes, types: types, name: name, at: position)
            return structResult(of: literal)
        case .builtin(let builtin):
            checkArguments(arguments, builtin.parameterShapes, types: builtin.parameters.map(\.type), name: name, at: position)
            return trackedType(builtin.returnType)
        case .structType(let declaration):
            let types = declaration.initializerFields.map { $0.type.map(expectedType) }
            checkArguments(arguments, declaration.initializerShapes, types: types, name: name, at: position)
            return .record(declaration.name)
        case .unknown:
            for argument in arguments { walk(argument.value) }
        }
        return nil
    }

    mutating func checkArguments(
        _ arguments: [Argument], _ shapes: [ArgumentMatcher.ParameterShape], types: [ValueType?], name: String,
        at position: SourcePosition
    ) {
        let bound: [[Int]]
        do {
            bound = try ArgumentMatcher.match(arguments, to: shapes, function: name)
        } catch {
            report(error.argumentIndex.map { arguments[$0].position } ?? position, error.message, hint: error.hint)
            for argument in arguments { walk(argument.value) }
            return
        }
        var expectedTypes: [ValueType?] = Array(repeating: nil, count: arguments.count)
        for (parameter, indices) in bound.enumerated() {
            for index in indices { expectedTypes[index] = types[parameter] }
        }
        for (argument, type) in zip(arguments, expectedTypes) {
            let known = walk(argument.value, expected: type)
            if let type, let literal = argument.value.literalKind, type.rejectsLiteral(literal) {
                report(
                    argument.value.position, "cannot convert value of type \(literal.rawValue) to expected argument type \(type)",
                    hint: "'\(name)' takes \(ArgumentMatcher.describe(shapes))")
            } else if let type, let known, argument.value.literalKind == nil, type.rejects(known) {
                report(
                    argument.value.position, "cannot convert value of type \(known) to expected argument type \(type)",
                    hint: known == .matrix ? "Array(x) gives a matrix's entries as [Double] (column-major)" : "'\(name)' takes \(ArgumentMatcher.describe(shapes))")
            }
        }
    }

    // MARK: Names

    private enum Resolved {
        case notebook(FunctionLiteral)
        case builtin(Builtin)
        case structType(StructDeclaration)
        case unknown
    }

    func local(_ name: String) -> Symbol? {
        for scope in scopes.reversed() {
            if let symbol = scope[name] { return symbol }
        }
        return nil
    }

    @discardableResult
    private mutating func resolve(_ name: String, at position: SourcePosition, isCall: Bool) -> Resolved {
        if let symbol = local(name) {
            if sweepVariables.contains(name) { sweepVariablesRead.insert(name) }
            if let declaration = symbol.structDeclaration { return .structType(declaration) }
            return symbol.function.map(Resolved.notebook) ?? .unknown
        }
        if let definition = checker.definition(of: name) {
            if definition.cell < cellIndex {
                reads[name] = definition.cell
                if let declaration = checker.structDeclaration(definedBy: definition.cell, named: name) { return .structType(declaration) }
                return checker.function(definedBy: definition.cell, named: name).map(Resolved.notebook) ?? .unknown
            }
            let line = checker.notebook.cells[definition.cell].fenceLine
            let hint: String
            switch reader {
            case .cell where definition.cell == cellIndex:
                hint = "it is defined later in this cell (line \(definition.position.line)); cells see the names of the cells above them"
            case .workEstimate where definition.cell == cellIndex:
                hint = "it is defined by this cell's code, which runs after the estimate; a work estimate sees the names of the cells above"
            case .cell, .workEstimate:
                let rule = reader == .cell ? "cells see the names of the cells above them" : "a work estimate sees the names of the cells above"
                hint = "it is defined by the cell at line \(line), below this one; \(rule)"
            case .inlineValue:
                hint = "it is defined by the cell at line \(line), below this one; inline values see the names of the cells above them"
            }
            report(position, "'\(name)' is used before its definition", hint: hint)
            return .unknown
        }
        if let builtin = checker.registry.function(named: name) { return .builtin(builtin) }
        if name == "params" {
            readsAllParams = true
            return .unknown
        }
        let candidates = scopes.flatMap(\.keys) + Array(checker.registry.functions.keys) + visibleGlobals() + ["params"]
        let kind = isCall ? "unknown function '\(name)'" : "cannot find '\(name)' in scope"
        let isParam = checker.notebook.frontMatter.param(name) != nil
        report(
            position, kind,
            hint: isParam
                ? "did you mean 'params.\(name)'?" : DidYouMean.hint(for: name, among: candidates.filter { !$0.hasPrefix("$") }))
        return .unknown
    }

    private func visibleGlobals() -> [String] {
        checker.allTopLevelNames.filter { (checker.definition(of: $0)?.cell ?? cellIndex) < cellIndex }
    }

    /// `params` itself (not a local shadowing it).
    func isParamsAccess(_ base: Expr) -> Bool {
        if case .name("params") = base.kind, local("params") == nil { return true }
        return false
    }

    private mutating func checkParam(_ name: String, at position: SourcePosition) {
        let declared = checker.notebook.frontMatter.params.map(\.name)
        if declared.contains(name) {
            paramsRead.insert(name)
        } else {
            report(
                position, "unknown param '\(name)'",
                hint: DidYouMean.hint(
                    for: name, among: declared,
                    fallback: declared.isEmpty ? "declare it under 'params:' in the front matter" : "params are " + declared.joined(separator: ", ")))
        }
    }

    /// The checked type of a written annotation; a struct declared above is a record type.
    func expectedType(_ annotation: TypeAnnotation) -> ValueType {
        if case .named(let name) = annotation, structDeclaration(named: name) != nil { return .record(name) }
        return checker.registry.valueType(of: annotation)
    }

    mutating func report(_ position: SourcePosition, _ message: String, hint: String? = nil) {
        diagnostics.append(checker.diagnostic(position, message, hint: hint))
    }
}

extension Expr {
    /// The kind of literal this expression is, if it is one.
    var literalKind: LiteralKind? {
        switch kind {
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .string: .string
        case .array: .array
        case .dictionary: .dictionary
        case .closure: .closure
        case .implicitMember: .implicitMember
        case .prefix(.negate, let operand): operand.literalKind == .int ? .int : operand.literalKind == .double ? .double : nil
        default: nil
        }
    }
}
