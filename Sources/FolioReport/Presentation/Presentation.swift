import FolioEngine
import FolioNotebook

/// What a run looks like to a reader, resolved once for every renderer (as DocC's
/// RenderNode serves each of its renderers): the page, the manifest and the Jupyter export
/// read captions, alt text, numbers, figure files, anchors and "expected error" from here
/// and never work them out again.
///
/// Captions and alt text are applied here, when the report is written, not when the cell
/// runs: cell options are not part of the cache key, so a copy made at run time would go
/// stale when only an option changed.
struct Presentation {
    /// One cell as shown.
    struct PresentedCell {
        let cell: Cell
        /// Nil when the run did not reach the cell.
        let result: CellResult?
        /// The `id` of the cell's section on the page; nil when one of its outputs carries
        /// the cell's label (that output is what `@label` links to).
        let anchor: String?
        /// The cell's id in the Jupyter export (unique, at most 64 characters).
        let jupyterID: String
        let outputs: [PresentedOutput]
        /// The cell failed as its `expect-error` option said it would.
        var errorIsExpected: Bool { result?.status == .ran && result?.error != nil }
    }

    enum PresentedOutput {
        case text(String)
        case value(String)
        case figure(PresentedFigure)
        case table(PresentedTable)
    }

    struct PresentedFigure {
        let figure: FigureOutput
        /// 1-based among the cell's figures.
        let ordinal: Int
        /// `figures/<cell>.png`, … (`FigureFileNaming`).
        let path: String
        let anchor: String
        let caption: String?
        let alt: String
        /// "Figure 3": the first figure of a cell labelled `fig-…`.
        let number: Int?
    }

    struct PresentedTable {
        let table: TableOutput
        let anchor: String
        let caption: String?
        /// "Table 2": the first table of a cell labelled `tbl-…`.
        let number: Int?
    }

    /// The notebook's cells in document order.
    let cells: [PresentedCell]
    private let cellIndex: [String: Int]
    /// Jupyter ids of the prose blocks, by their index in `notebook.blocks`.
    let proseJupyterIDs: [Int: String]
    /// Every anchor the cells use, so headings get other ones.
    let cellAnchors: Set<String>
    let references: CrossReferences

    init(_ result: RunResult) {
        let notebook = result.notebook
        let references = CrossReferences(cells: notebook.cells)
        let captions = DisplayedCaptions(result)
        let resultsByID = Dictionary(result.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each cell's label is its own first: `@fig-x-2` must reach the cell labelled so,
        // not the second figure of `fig-x` (which then becomes `fig-x-3`).
        var anchors = UniqueIdentifiers()
        let primaryAnchors = Dictionary(
            notebook.cells.map { ($0.id, anchors.claim($0.id)) }, uniquingKeysWith: { first, _ in first })
        var jupyterIDs = UniqueIdentifiers(maximumLength: 64)
        var cells: [PresentedCell] = []
        var proseIDs: [Int: String] = [:]
        for (index, block) in notebook.blocks.enumerated() {
            switch block {
            case .prose:
                proseIDs[index] = jupyterIDs.claim("prose-\(index)")
            case .cell(let cell):
                let cellResult = resultsByID[cell.id]
                var figures = 0, tables = 0
                func anchor() -> String { figures + tables == 1 ? primaryAnchors[cell.id] ?? cell.id : anchors.claim(cell.id) }
                let outputs = (cellResult?.outputs ?? []).map { output -> PresentedOutput in
                    switch output {
                    case .text(let text): return .text(text)
                    case .value(let text): return .value(text)
                    case .figure(let figure):
                        figures += 1
                        let number = figures == 1 && cell.id.hasPrefix("fig-") ? references.numbers[cell.id] : nil
                        return .figure(PresentedFigure(
                            figure: figure, ordinal: figures, path: FigureFileNaming.relativePath(cellID: cell.id, ordinal: figures),
                            anchor: anchor(), caption: captions.caption(of: cell, builtIn: figure.caption),
                            alt: cell.options.alt ?? figure.altText, number: number))
                    case .table(let table):
                        tables += 1
                        let number = tables == 1 && cell.id.hasPrefix("tbl-") ? references.numbers[cell.id] : nil
                        return .table(PresentedTable(
                            table: table, anchor: anchor(), caption: captions.caption(of: cell, builtIn: table.caption),
                            number: number))
                    }
                }
                let sectionAnchor = figures + tables == 0 ? primaryAnchors[cell.id] : nil
                cells.append(PresentedCell(
                    cell: cell, result: cellResult, anchor: sectionAnchor,
                    jupyterID: jupyterIDs.claim(JupyterExport.cellID(cell.id)), outputs: outputs))
            }
        }
        self.cells = cells
        self.cellIndex = Dictionary(cells.indices.map { (cells[$0].cell.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.proseJupyterIDs = proseIDs
        self.cellAnchors = anchors.taken
        self.references = references
    }

    /// The presented cell with `id`.
    func cell(_ id: String) -> PresentedCell? { cellIndex[id].map { cells[$0] } }
}
