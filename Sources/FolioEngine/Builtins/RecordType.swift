/// A record type of the built-ins, declared once: its name and fields, each with a type and
/// a one-line doc. The declaration gives `folio lint` the type of `result.field` (an
/// unknown field is an error listing the fields), builds the run-time record in field
/// order, and documents the type in `folio functions`.
struct RecordType: Sendable {
    struct Field: Sendable {
        var name: String
        var type: ValueType
        var doc: String
    }

    var name: String
    var doc: String
    var fields: [Field]

    init(_ name: String, doc: String, _ fields: [(String, ValueType, String)]) {
        self.name = name
        self.doc = doc
        self.fields = fields.map { Field(name: $0.0, type: $0.1, doc: $0.2) }
    }

    /// The type built-ins declare as their result.
    var valueType: ValueType { .record(name) }

    func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// The run-time record: one value per declared field, in declaration order (a field
    /// missing from `values` is `()`, which the record types' tests rule out).
    func make(_ values: [String: Value]) -> Value {
        .record(Record(name, fields.map { (name: $0.name, value: values[$0.name] ?? .void) }))
    }

    /// The hint for an unknown field, shared by `folio lint` and the evaluator.
    func unknownFieldHint(_ name: String) -> String {
        let names = fields.map(\.name)
        return ListingHint.text(for: name, among: names, then: "'\(self.name)' has fields " + names.joined(separator: ", "))
    }
}
