import FolioNotebook

/// A `struct` declared in a cell: stored properties, getter-only computed properties and
/// methods. Values are built by the memberwise initializer and are records whose `type`
/// is this declaration (so they copy on assignment like every other value).
struct StructDeclaration: Sendable {
    /// A stored property: `let x: Double` or `var count = 0`.
    struct Field: Sendable {
        var name: String
        var isVar: Bool
        var type: TypeAnnotation?
        var defaultValue: Expr?
        var position: SourcePosition

        /// Whether the memberwise initializer takes it: every field but a `let` with a value.
        var isInitialized: Bool { isVar || defaultValue == nil }
    }

    /// A method; a `mutating` one may assign to `self`'s properties.
    struct Method: Sendable {
        var literal: FunctionLiteral
        var isMutating: Bool
    }

    var name: String
    var fields: [Field] = []
    /// Computed properties as functions of no parameters named like the property.
    var computedProperties: [FunctionLiteral] = []
    var methods: [Method] = []
    var position: SourcePosition
    /// The declaration's text, so cached struct types and values can be rebuilt.
    var source: FunctionSource

    /// The memberwise initializer's parameters: the initialized fields, in declaration order.
    var initializerFields: [Field] { fields.filter(\.isInitialized) }

    var initializerShapes: [ArgumentMatcher.ParameterShape] {
        initializerFields.map {
            ArgumentMatcher.ParameterShape(label: $0.name, name: $0.name, hasDefault: $0.defaultValue != nil, isVariadic: false, isFunction: $0.type == .function)
        }
    }

    func field(named name: String) -> Field? { fields.first { $0.name == name } }
    func method(named name: String) -> Method? { methods.first { $0.literal.name == name } }
    func computedProperty(named name: String) -> FunctionLiteral? { computedProperties.first { $0.name == name } }

    /// Every name a value of this type answers to (implicit `self` resolves them).
    var memberNames: Set<String> {
        Set(fields.map(\.name) + computedProperties.compactMap(\.name) + methods.compactMap(\.literal.name))
    }

    /// `'Point' has properties x, y, norm and methods scaled(by:), move(dx:dy:)` (for hints).
    var membersDescription: String {
        let properties = fields.map(\.name) + computedProperties.compactMap(\.name)
        let methodNames = methods.map { method in
            (method.literal.name ?? "") + "(" + method.literal.parameters.map { "\($0.label ?? "_"):" }.joined() + ")"
        }
        var parts: [String] = []
        if !properties.isEmpty { parts.append("properties " + properties.joined(separator: ", ")) }
        if !methodNames.isEmpty { parts.append("methods " + methodNames.joined(separator: ", ")) }
        return "'\(name)' has " + (parts.isEmpty ? "no members" : parts.joined(separator: " and "))
    }
}

/// A struct type at run time: its declaration and the scope its methods see.
final class StructType: @unchecked Sendable {
    let declaration: StructDeclaration
    /// The defining cell's scope (read-only once that cell has finished).
    let scope: Scope

    init(declaration: StructDeclaration, scope: Scope) {
        self.declaration = declaration
        self.scope = scope
    }

    var name: String { declaration.name }
}

extension StructDeclaration {
    /// The hint for an unknown member, shared by `folio lint` and the evaluator.
    func unknownMemberHint(_ name: String) -> String {
        ListingHint.text(for: name, among: memberNames, then: membersDescription)
    }
}

/// A hint for an unknown name among a known few (a struct's members, a record's fields, an
/// enumeration's cases): the nearest one if any is near, then the whole list.
enum ListingHint {
    static func text(for name: String, among candidates: some Sequence<String>, prefix: String = "", then listing: String) -> String {
        let suggestion = DidYouMean.suggestions(for: name, among: candidates).first.map { "did you mean '\(prefix)\($0)'? " } ?? ""
        return suggestion + listing
    }
}
