extension Cell {
    /// The file line and column of `word` inside the value of option `key` (of the value
    /// itself when `word` is nil or not found), so checks of an option's contents point at
    /// the right place; nil when the cell does not set `key`.
    public func location(ofOption key: String, word: String? = nil) -> (line: Int, column: Int)? {
        guard let option = CellOptionParser.option(key, in: self) else { return nil }
        guard let word, let range = option.value.range(of: word) else { return (option.line, option.valueColumn) }
        return (option.line, option.valueColumn + option.value.distance(from: option.value.startIndex, to: range.lowerBound))
    }
}
