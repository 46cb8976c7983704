/// A notebook's name becomes its report folder `output/<name>/`, next to Folio's own
/// `output/.cache/` and the hidden temporaries of folder swaps: a name starting with `.`
/// (`.cache.md`, `...md`, `.md`) would replace one of those, or the output folder's
/// parent, so it is refused.
enum NotebookNameCheck {
    static func diagnostics(_ notebook: Notebook) -> [Diagnostic] {
        let name = notebook.name
        guard name.isEmpty || name.hasPrefix(".") else { return [] }
        let suggestion = name.drop { $0 == "." }
        return [
            notebook.diagnostic(
                line: 1, column: 1,
                "the notebook's name '\(name)' cannot name its report folder: names starting with '.' are Folio's own (output/.cache, temporary folders)",
                hint: "rename the file, e.g. to '\(suggestion.isEmpty ? "notebook" : String(suggestion)).md'")
        ]
    }
}
