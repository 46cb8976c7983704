/// All built-ins cells can call, grouped by module.
///
/// ## Adding a module's built-ins
/// Write one file `Sources/FolioEngine/Builtins/<Module>Builtins.swift` with
///
/// ```swift
/// import FolioPlot
/// extension BuiltinModule {
///     static let plot = BuiltinModule(name: "plot", functions: [
///         Builtin("linePlot", [.positional("y", .vector), .labeled("title", .string, default: .string(""))],
///                 returns: .figure, doc: "A line chart of `y` against its index.") { call in
///             let png = try FolioPlot.linePlot(try call.doubles(0), title: try call.string(1)) // your API
///             return .figure(FigureOutput(pngData: png, altText: "Line chart", widthPoints: 400, heightPoints: 300))
///         },
///     ])
/// }
/// ```
///
/// and add `.plot` to `BuiltinRegistry.standard` below. A built-in returning `.figure` or
/// `.table` adds it to the cell's outputs automatically. A record type is declared once as
/// a `RecordType` (`RecordTypes.swift`: name, fields with types and one-line docs) and
/// listed in the module's `records`; the built-in declares `returns: RecordType.x.valueType`
/// and returns `RecordType.x.make(["history": …, "loss": …])`, whose fields cells read as
/// `result.history` (checked by `folio lint`, listed by `folio functions`). An enum-like
/// option is a Swift enum conforming to `BuiltinOption` (`BuiltinOptions.swift`), listed
/// in the module's `enumerations` as `DecoderKind.enumeration`; a parameter takes it as
/// `.option("decoder", DecoderKind.affine)` (so `.affine` is checked by `folio lint`) and
/// the body decodes it with `try DecoderKind(call[1])`.
struct BuiltinRegistry: Sendable {
    private(set) var functions: [String: Builtin] = [:]
    /// Methods and properties: their first parameter is the receiver.
    private(set) var methods: [String: [Builtin]] = [:]
    private(set) var properties: [String: [Builtin]] = [:]
    private(set) var enumerations: [String: EnumerationType] = [:]
    private(set) var records: [String: RecordType] = [:]
    private(set) var modules: [BuiltinModule] = []

    /// Every module Folio ships.
    static let standard = BuiltinRegistry(
        modules: [.core, .math, .formatting, .collections, .matrices, .tables, .files, .plots, .models, .sweeps])

    init(modules: [BuiltinModule]) {
        for module in modules { register(module) }
    }

    mutating func register(_ module: BuiltinModule) {
        modules.append(module)
        for builtin in module.functions { functions[builtin.name] = builtin }
        for builtin in module.methods { methods[builtin.name, default: []].append(builtin) }
        for builtin in module.properties { properties[builtin.name, default: []].append(builtin) }
        for enumeration in module.enumerations where enumerations[enumeration.name] == nil { enumerations[enumeration.name] = enumeration }
        for record in module.records where records[record.name] == nil { records[record.name] = record }
    }

    func function(named name: String) -> Builtin? { functions[name] }

    /// The checked type of a written annotation (`Double`, `[Int]`, a registered enum).
    func valueType(of annotation: TypeAnnotation) -> ValueType {
        switch annotation {
        case .named("Int"): .int
        case .named("Double"), .named("Float"): .double
        case .named("Bool"): .bool
        case .named("String"): .string
        case .named("Matrix"): .matrix
        case .named(let name): enumerations[name].map { .enumeration(name, cases: $0.caseNames) } ?? .any
        case .array(let element): .array(valueType(of: element))
        case .dictionary: .dictionary
        case .function: .function
        case .tuple(let elements): .tuple(elements.map { Labelled(label: $0.label, type: valueType(of: $0.type)) })
        }
    }

    /// The method `name` whose receiver type accepts `receiver`.
    func method(named name: String, for receiver: Value) -> Builtin? {
        methods[name]?.first { $0.parameters.first?.type.convert(receiver) != nil }
    }

    func property(named name: String, for receiver: Value) -> Builtin? {
        properties[name]?.first { $0.parameters.first?.type.convert(receiver) != nil }
    }

    /// Names of the members (methods and properties) a value of this kind has.
    func memberNames(for receiver: Value) -> [String] {
        let all: [Builtin] = Array(methods.values.joined()) + Array(properties.values.joined())
        return all.filter { $0.parameters.first?.type.convert(receiver) != nil }.map(\.name)
    }

    /// Every name that can be called or read as a member (for did-you-mean in `lint`).
    var allMemberNames: Set<String> { Set(methods.keys).union(properties.keys) }
}

/// The built-ins of one Folio module (one file in `Builtins/`).
struct BuiltinModule: Sendable {
    var name: String
    var functions: [Builtin] = []
    /// Methods: `receiver.name(args)`; the first parameter is the receiver.
    var methods: [Builtin] = []
    /// Properties: `receiver.name`; the only parameter is the receiver.
    var properties: [Builtin] = []
    /// The record types its built-ins return.
    var records: [RecordType] = []
    /// The enumeration options its built-ins take (see `BuiltinOption`).
    var enumerations: [EnumerationType] = []
}
