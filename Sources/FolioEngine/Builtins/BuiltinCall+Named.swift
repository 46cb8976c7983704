extension BuiltinCall {
    /// The arguments keyed by parameter name, for built-ins with many optional settings.
    var argumentsByName: [String: Value] {
        Dictionary(zip(builtin.parameters.map(\.name), arguments), uniquingKeysWith: { first, _ in first })
    }
}
