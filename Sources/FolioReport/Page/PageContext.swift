import Foundation
import FolioEngine
import FolioNotebook

/// The values the Mustache templates see, built from a run. Strings placed with `{{…}}`
/// are escaped by Mustache; the few placed with `{{{…}}}` (prose, highlighted code, head
/// and scripts) are HTML this module made from escaped parts.
struct PageContext {
    let dictionary: [String: Any]
    /// Whether any prose has math, so the page needs KaTeX.
    let usesMath: Bool

    init(result: RunResult, provenance: Provenance, resources: Report.Resources, stylesheet: String) throws {
        let notebook = result.notebook
        let front = notebook.frontMatter
        let references = CrossReferences(cells: notebook.cells)
        var prose = ProseRenderer(references: references)
        let resultsByID = Dictionary(result.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var headings: [Heading] = []
        var usesMath = false
        var blocks: [[String: Any]] = []
        let inlineHTML = InlineValueHTML.fragments(for: notebook.inlineExpressions, results: result.inlineValues)
        let captions = DisplayedCaptions(result)
        for block in notebook.blocks {
            switch block {
            case .prose(let text):
                let markdown = text.text(replacingInlineExpressions: { InlineValueHTML.placeholder($0.index) })
                let rendered = prose.render(markdown, fragments: inlineHTML)
                headings += rendered.headings
                usesMath = usesMath || rendered.hasMath
                blocks.append(["isProse": true, "html": rendered.html])
            case .cell(let cell):
                blocks.append(try PageContext.cell(
                    cell, result: resultsByID[cell.id], all: result.cells, references: references, captions: captions,
                    resources: resources))
            }
        }
        // The abstract is Markdown too (links, math, `@tbl-…` references), rendered like prose.
        let abstract = front.abstract.map { prose.render($0) }
        usesMath = usesMath || abstract?.hasMath == true
        let failed = result.cells.filter { $0.status == .failed }.count
        let skipped = result.cells.filter { $0.status == .skipped }.count
        let inlineFailed = result.inlineValues.filter { $0.status == .failed }.count
        self.usesMath = usesMath
        dictionary = PageContext.dropNils([
            "title": front.title ?? notebook.name,
            "authors": front.authors, "hasAuthors": !front.authors.isEmpty,
            "date": front.date, "abstractHTML": abstract?.html,
            "toc": headings.map { ["level": $0.level, "id": $0.id, "html": $0.html] }, "hasToc": headings.count > 1,
            "blocks": blocks,
            "hasErrors": failed + skipped + inlineFailed > 0, "failedCount": failed, "skippedCount": skipped,
            "hasInlineFailures": inlineFailed > 0, "inlineFailedCount": inlineFailed,
            "provenance": PageContext.provenance(provenance, result: result),
            "head": try PageContext.head(stylesheet: stylesheet, resources: resources, katex: usesMath),
            "scripts": try PageContext.scripts(resources: resources, katex: usesMath),
        ])
    }

    /// The dictionary without its nil entries, which Mustache would print as "nil" instead
    /// of treating as absent. (Plain unwrapping: reflecting on each value costs the Swift
    /// runtime a conformance scan per new type, about 1.5 ms per page.)
    static func dropNils(_ dictionary: [String: Any?]) -> [String: Any] {
        dictionary.compactMapValues { $0 }
    }

    private static func cell(
        _ cell: Cell, result: CellResult?, all: [CellResult], references: CrossReferences, captions: DisplayedCaptions,
        resources: Report.Resources
    ) throws -> [String: Any] {
        var figureIndex = 0
        let outputs = try (result?.outputs ?? []).map { output -> [String: Any] in
            switch output {
            case .text(let text): return ["isText": true, "text": text]
            case .value(let text): return ["isValue": true, "text": text]
            case .table(let table):
                return PageContext.table(table, cell: cell, caption: captions.caption(of: cell, builtIn: table.caption), references: references)
            case .figure(let figure):
                figureIndex += 1
                let caption = captions.caption(of: cell, builtIn: figure.caption)
                return dropNils([
                    "isFigure": true, "anchor": figureIndex == 1 ? cell.id : "\(cell.id)-\(figureIndex)",
                    "src": try source(of: figure, cellID: cell.id, ordinal: figureIndex, resources: resources),
                    "alt": cell.options.displayedAlt(figure.altText), "width": Int(figure.widthPoints.rounded()),
                    "height": Int(figure.heightPoints.rounded()), "hasCaption": caption != nil || references.name(of: cell.id) != nil,
                    "caption": caption, "number": figureIndex == 1 ? references.numbers[cell.id] : nil,
                ])
            }
        }
        var context: [String: Any] = [
            "isCell": true, "id": cell.id, "anchor": cell.id, "status": result?.status.rawValue ?? "not-run",
            "echo": cell.options.echo, "fold": cell.options.fold,
            "codeHTML": SwiftHighlighter.html(cell.displayCode),
            "outputs": outputs, "timing": result.map(RunSummary.timing) ?? "not run",
        ]
        if let skipReason = result?.skipReason { context["skipReason"] = skipReason }
        if let error = result?.error {
            let dependents = all.filter { $0.blockedBy == cell.id }.map(\.id)
            context["error"] = [
                "expected": result?.status == .ran, "location": "\(error.file):\(error.line):\(error.column)",
                "rendered": error.rendered, "dependents": dependents, "hasDependents": !dependents.isEmpty,
            ] as [String: Any]
        }
        return context
    }

    /// A table with numeric columns right-aligned.
    private static func table(_ table: TableOutput, cell: Cell, caption: String?, references: CrossReferences) -> [String: Any] {
        let numeric = table.columns.indices.map { column in
            table.rows.allSatisfy { row in column < row.count && ValueFormatter.number(from: row[column]) != nil }
        }
        let alignment = { (column: Int) in numeric.indices.contains(column) && numeric[column] ? "num" : "text" }
        return dropNils([
            "isTable": true, "anchor": cell.id, "caption": caption,
            "number": references.numbers[cell.id],
            "columns": table.columns.enumerated().map { ["name": $1, "alignment": alignment($0)] },
            "rows": table.rows.map { row in ["cells": row.enumerated().map { ["text": $1, "alignment": alignment($0)] }] },
        ])
    }

    private static func source(of figure: FigureOutput, cellID: String, ordinal: Int, resources: Report.Resources) throws -> String {
        switch resources {
        case .linked:
            return FigureFileNaming.relativePath(cellID: cellID, ordinal: ordinal)
        case .selfContained:
            return "data:image/png;base64," + figure.pngData.base64EncodedString()
        }
    }

    private static func provenance(_ provenance: Provenance, result: RunResult) -> [String: Any] {
        let params = result.notebook.frontMatter.params.map { ["name": $0.name, "value": $0.value.description] }
        return dropNils([
            "folioVersion": provenance.folioVersion, "commit": provenance.gitCommit.map { String($0.prefix(12)) },
            "dirty": provenance.gitDirty, "swiftVersion": provenance.swiftVersion,
            "operatingSystem": provenance.operatingSystem, "cpu": provenance.cpu, "mode": provenance.mode,
            "seed": String(result.notebook.frontMatter.seed), "wallSeconds": RunSummary.seconds(provenance.wallSeconds),
            "computeSeconds": RunSummary.seconds(result.computeSeconds),
            "params": params, "hasParams": !params.isEmpty,
            "cells": result.cells.map {
                [
                    "id": $0.id, "status": $0.status.rawValue, "seconds": RunSummary.seconds($0.seconds),
                    "computedSeconds": RunSummary.seconds($0.computedSeconds),
                ]
            },
            "inputs": provenance.inputFiles.sorted { $0.key < $1.key }.map { ["path": $0.key, "sha256": $0.value] },
            "hasInputs": !provenance.inputFiles.isEmpty,
        ])
    }

    /// The stylesheets: Folio's, and KaTeX's when the page has math.
    private static func head(stylesheet: String, resources: Report.Resources, katex usesKaTeX: Bool) throws -> String {
        let style = "<style>\n\(stylesheet.replacing("</style", with: "<\\/style"))</style>"
        guard usesKaTeX else { return style }
        switch resources {
        case .linked:
            return "<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">\n" + style
        case .selfContained(let katex):
            return "<style>\(try katex.inlinedStylesheet())</style>\n" + style
        }
    }

    /// The scripts: image-load marking always, KaTeX and its typesetting when the page has math.
    private static func scripts(resources: Report.Resources, katex usesKaTeX: Bool) throws -> String {
        let markImages = """
            window.addEventListener("load", function () {
              document.querySelectorAll("img").forEach(function (image) {
                image.dataset.state = image.complete && image.naturalWidth > 0 ? "loaded" : "broken";
              });
            });
            """
        guard usesKaTeX else { return "<script>\n\(markImages)\n</script>" }
        let typeset = """
            <script>
            document.querySelectorAll(".math").forEach(function (element) {
              katex.render(element.textContent, element, {displayMode: element.classList.contains("display"), throwOnError: false});
            });
            \(markImages)
            </script>
            """
        switch resources {
        case .linked:
            return "<script src=\"assets/katex/katex.min.js\"></script>\n" + typeset
        case .selfContained(let katex):
            return "<script>\(try katex.script().replacing("</script", with: "<\\/script"))</script>\n" + typeset
        }
    }
}
