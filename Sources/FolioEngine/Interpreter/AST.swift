/// A position in the notebook file: 1-based line and character column.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// The cell language's syntax tree, lowered from SwiftSyntax so the checker and the
/// evaluator work on a small, closed set of constructs with file positions.
struct Expr: Sendable {
    var kind: ExprKind
    var position: SourcePosition
}

indirect enum ExprKind: Sendable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string([StringPart])
    case name(String)
    /// `$0`, `$1`, … inside a closure.
    case anonymousArgument(Int)
    case array([Expr])
    case dictionary([(key: Expr, value: Expr)])
    /// A tuple of two or more elements (a single parenthesised expression is unwrapped).
    case tuple([(label: String?, value: Expr)])
    case binary(BinaryOperator, Expr, Expr)
    case prefix(PrefixOperator, Expr)
    case ternary(Expr, Expr, Expr)
    case call(Expr, [Argument])
    case member(Expr, String)
    /// `.affine`: resolved against the expected type.
    case implicitMember(String)
    case subscriptAccess(Expr, [Argument])
    case closure(FunctionLiteral)
}

enum StringPart: Sendable {
    case text(String)
    case interpolation(Expr)
}

struct Argument: Sendable {
    var label: String?
    var value: Expr
    var position: SourcePosition
    var isTrailingClosure = false
}

enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||"
    case halfOpenRange = "..<", closedRange = "..."

    /// Swift's precedence groups, higher binds tighter.
    var precedence: Int {
        switch self {
        case .multiply, .divide, .remainder: 5
        case .add, .subtract: 4
        case .halfOpenRange, .closedRange: 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 2
        case .and: 1
        case .or: 0
        }
    }
}

enum PrefixOperator: String, Sendable {
    case negate = "-", not = "!", plus = "+"
}

/// A `func` declaration or a closure literal.
struct FunctionLiteral: Sendable {
    var name: String?
    var parameters: [ParameterDeclaration]
    /// A `func`'s declared result type when it is a plain name (`-> Point`): `folio lint`
    /// follows a struct result into member accesses (`make().x`).
    var returnType: TypeAnnotation? = nil
    var body: [Stmt]
    var position: SourcePosition
    /// For closures without a parameter list: how many `$n` arguments the body uses.
    var anonymousArgumentCount: Int
    /// The declaration's source text and where it starts, so cached functions can be rebuilt.
    var source: FunctionSource?
    /// Whether the body contains a closure, `func` or `struct` (which capture scopes):
    /// only a body that makes none is compiled (`CompiledFunction`). True when unknown.
    var bodyMakesClosures = true
}

struct FunctionSource: Sendable, Codable, Hashable {
    var text: String
    var line: Int
    var column: Int
}

struct ParameterDeclaration: Sendable {
    /// The argument label (`nil` for `_`).
    var label: String?
    var name: String
    var type: TypeAnnotation?
    var defaultValue: Expr?
    var position: SourcePosition
}

/// A written type: only names, arrays and dictionaries are understood.
indirect enum TypeAnnotation: Sendable, Equatable, CustomStringConvertible {
    case named(String)
    case array(TypeAnnotation)
    case dictionary(TypeAnnotation, TypeAnnotation)
    case function
    /// `(x: Double, y: Double)`.
    case tuple([Labelled<TypeAnnotation>])

    var description: String {
        switch self {
        case .named(let name): name
        case .array(let element): "[\(element)]"
        case .dictionary(let key, let value): "[\(key): \(value)]"
        case .function: "function"
        case .tuple(let elements): Labelled.describe(elements)
        }
    }
}

/// A tuple element's optional label and its type.
struct Labelled<Element: Sendable & Equatable & CustomStringConvertible>: Sendable, Equatable {
    var label: String?
    var type: Element

    /// `(x: Double, Int)`.
    static func describe(_ elements: [Labelled]) -> String {
        "(" + elements.map { ($0.label.map { "\($0): " } ?? "") + $0.type.description }.joined(separator: ", ") + ")"
    }
}

struct Stmt: Sendable {
    var kind: StmtKind
    var position: SourcePosition
}

indirect enum StmtKind: Sendable {
    case binding(isVar: Bool, pattern: Pattern, type: TypeAnnotation?, value: Expr?)
    /// `target = value` or `target op= value`; targets are names, members or subscripts.
    case assign(target: Expr, op: BinaryOperator?, value: Expr)
    case expression(Expr)
    case ifElse(conditions: [Expr], then: [Stmt], otherwise: [Stmt]?)
    /// `bodyMakesClosures`: the body contains a closure or `func`, so every iteration needs
    /// its own scope (otherwise one scope is reused, which is much faster).
    case forIn(pattern: Pattern, sequence: Expr, filter: Expr?, body: [Stmt], bodyMakesClosures: Bool)
    case whileLoop(condition: Expr, body: [Stmt])
    /// `switch subject { case …: … default: … }`: the first case with a matching item runs;
    /// `break` leaves the switch.
    case switchCases(subject: Expr, cases: [SwitchCase])
    case function(FunctionLiteral)
    /// `struct Name { … }`: binds `Name` to the type, which builds values by its memberwise initializer.
    case structDeclaration(StructDeclaration)
    case returnValue(Expr?)
    case breakLoop
    case continueLoop
}

extension [Stmt] {
    /// Whether the block binds names at its top level (and so needs a scope of its own).
    var declaresNames: Bool {
        contains { statement in
            switch statement.kind {
            case .binding, .function, .structDeclaration: true
            default: false
            }
        }
    }
}

/// One `case …:` (or `default:`, with no items) of a switch.
struct SwitchCase: Sendable {
    /// Empty for `default`.
    var items: [CaseItem]
    var body: [Stmt]
    var position: SourcePosition

    /// Whether the case matches every subject (`default`, `case _`, `case let x`).
    var isCatchAll: Bool {
        items.isEmpty || items.contains { item in
            guard item.condition == nil else { return false }
            switch item.pattern {
            case .wildcard, .binding: return true
            case .value: return false
            }
        }
    }
}

/// One pattern of a `case`, with its `where` condition.
struct CaseItem: Sendable {
    var pattern: CasePattern
    var condition: Expr?
}

enum CasePattern: Sendable {
    /// A value (equal), a range (contains the subject) or an enum case `.name`.
    case value(Expr)
    /// `let name`: binds the subject.
    case binding(String, SourcePosition)
    case wildcard
}

indirect enum Pattern: Sendable {
    case name(String, SourcePosition)
    case wildcard
    case tuple([Pattern])

    /// The names bound, in order.
    var names: [(String, SourcePosition)] {
        switch self {
        case .name(let name, let position): [(name, position)]
        case .wildcard: []
        case .tuple(let elements): elements.flatMap(\.names)
        }
    }
}
