/// An enumeration option of the built-ins (`dash: .dashed`, `method: .em`), declared once as
/// a Swift enum whose raw values are the names cells write. That one declaration gives the
/// parameter's lint type, its default, the decoding of the argument and the listing in
/// `folio functions` (one line per case).
protocol BuiltinOption: CaseIterable, RawRepresentable<String>, Sendable {
    /// The type name cells see in messages and `folio functions` (`LineDash`).
    static var typeName: String { get }
    /// What the case does, in one line.
    var summary: String { get }
}

extension BuiltinOption {
    /// The checked type of a parameter taking this option.
    static var valueType: ValueType { .enumeration(typeName, cases: allCases.map(\.rawValue)) }

    /// The case as a cell value (a parameter's default).
    var value: Value { .enumCase(type: Self.typeName, name: rawValue) }

    /// The documented type, for the registry and `folio functions`.
    static var enumeration: EnumerationType {
        EnumerationType(name: typeName, cases: allCases.map { EnumerationType.Case(name: $0.rawValue, summary: $0.summary) })
    }

    /// The case an argument names. `folio lint` and the evaluator have checked it against
    /// the cases already; anything else is an error all the same, never a trap.
    init(_ value: Value) throws {
        guard case .enumCase(_, let name) = value, let option = Self(rawValue: name) else {
            throw BuiltinError("type '\(Self.typeName)' has no case '\(value.description)'", hint: Self.enumeration.casesHint)
        }
        self = option
    }
}

/// An enumeration type of the built-ins: its name and cases, each with a one-line summary.
struct EnumerationType: Sendable {
    struct Case: Sendable {
        var name: String
        var summary: String
    }

    var name: String
    var cases: [Case]

    var caseNames: [String] { cases.map(\.name) }

    /// `cases are .solid, .dashed, .dotted`.
    var casesHint: String { Self.casesHint(caseNames) }

    static func casesHint(_ cases: [String]) -> String { "cases are " + cases.map { ".\($0)" }.joined(separator: ", ") }

    /// The hint for an unknown case `name` (`folio lint` and the evaluator): the nearest
    /// case, then all of them.
    static func unknownCaseHint(_ name: String, cases: [String]) -> String {
        ListingHint.text(for: name, among: cases, prefix: ".", then: casesHint(cases))
    }
}

extension Builtin.Parameter {
    /// A labelled option parameter with its default case: `.option("dash", LineDash.solid)`.
    static func option<Option: BuiltinOption>(_ label: String, _ defaultCase: Option) -> Builtin.Parameter {
        .labeled(label, Option.valueType, default: defaultCase.value)
    }
}
