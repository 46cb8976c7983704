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

    init(
        result: RunResult, presentation: Presentation, provenance: Provenance, resources: Report.Resources, stylesheet: String
    ) throws {
        let notebook = result.notebook
        let front = notebook.frontMatter
        var prose = ProseRenderer(references: presentation.references, reservedAnchors: presentation.cellAnchors)
        var headings: [Heading] = []
        var usesMath = false
        var blocks: [[String: Any]] = []
        let inlineHTML = InlineValueHTML.fragments(for: notebook.inlineExpressions, results: result.inlineValues)
        for block in notebook.blocks {
            switch block {
            case .prose(let text):
                let markdown = text.text(replacingInlineExpressions: { InlineValueHTML.placeholder($0.index) })
                let rendered = prose.render(markdown, fragments: inlineHTML)
                headings += rendered.headings
                usesMath = usesMath || rendered.hasMath
                blocks.append(["isProse": true, "html": rendered.html])
            case .cell(let cell):
                guard let presented = presentation.cell(cell.id) else { continue }
                blocks.append(try PageContext.cell(presented, all: result.cells, resources: resources))
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

    private static func cell(_ presented: Presentation.PresentedCell, all: [CellResult], resources: Report.Resources) throws -> [String: Any] {
        let cell = presented.cell, result = presented.result
        let outputs = try presented.outputs.map { output -> [String: Any] in
            switch output {
            case .text(let text): return ["isText": true, "text": text]
            case .value(let text): return ["isValue": true, "text": text]
            case .table(let table): return PageContext.table(table)
            case .figure(let figure):
                return dropNils([
                    "isFigure": true, "anchor": figure.anchor, "src": try source(of: figure, resources: resources),
                    "alt": figure.alt, "width": Int(figure.figure.widthPoints.rounded()),
                    "height": Int(figure.figure.heightPoints.rounded()),
                    "hasCaption": figure.caption != nil || figure.number != nil,
                    "caption": figure.caption, "number": figure.number,
                ])
            }
        }
        var context = dropNils([
            "isCell": true, "id": cell.id, "anchor": presented.anchor, "status": result?.status.rawValue ?? "not-run",
            "echo": cell.options.echo, "fold": cell.options.fold,
            "codeHTML": SwiftHighlighter.html(cell.displayCode),
            "outputs": outputs, "timing": result.map(RunSummary.timing) ?? "not run",
        ])
        if let skipReason = result?.skipReason { context["skipReason"] = skipReason }
        if let error = result?.error {
            let dependents = all.filter { $0.blockedBy == cell.id }.map(\.id)
            context["error"] = [
                "expected": presented.errorIsExpected, "location": "\(error.file):\(error.line):\(error.column)",
                "rendered": error.rendered, "dependents": dependents, "hasDependents": !dependents.isEmpty,
            ] as [String: Any]
        }
        return context
    }

    /// A table with numeric columns right-aligned.
    private static func table(_ presented: Presentation.PresentedTable) -> [String: Any] {
        let table = presented.table
        let numeric = table.columns.indices.map { column in
            table.rows.allSatisfy { row in column < row.count && ValueFormatter.number(from: row[column]) != nil }
        }
        let alignment = { (column: Int) in numeric.indices.contains(column) && numeric[column] ? "num" : "text" }
        return dropNils([
            "isTable": true, "anchor": presented.anchor, "caption": presented.caption, "number": presented.number,
            "hasCaption": presented.caption != nil || presented.number != nil,
            "columns": table.columns.enumerated().map { ["name": $1, "alignment": alignment($0)] },
            "rows": table.rows.map { row in ["cells": row.enumerated().map { ["text": $1, "alignment": alignment($0)] }] },
        ])
    }

    private static func source(of figure: Presentation.PresentedFigure, resources: Report.Resources) throws -> String {
        switch resources {
        case .linked:
            return figure.path
        case .selfContained:
            return "data:image/png;base64," + figure.figure.pngData.base64EncodedString()
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
