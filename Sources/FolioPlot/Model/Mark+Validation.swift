extension Mark {
    /// Checks the mark's data (lengths, finiteness, ranges) without drawing it, so a caller
    /// can report a bad mark where it was made rather than where the figure is rendered.
    public func validate() throws {
        try drawable.validate()
    }
}
