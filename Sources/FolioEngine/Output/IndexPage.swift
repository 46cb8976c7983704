import Foundation
import FolioNotebook

/// The plain `index.html` of a render: title, prose, code, outputs and error cards.
///
/// This is deliberately the one small place that makes HTML, so the full report (F4:
/// Markdown, math, numbering, templates) can replace it wholesale. Prose is shown as
/// escaped paragraphs and headings, not yet rendered Markdown.
enum IndexPage {
    static func render(_ result: RunResult, manifest: Manifest) -> String {
        let notebook = result.notebook
        let title = notebook.frontMatter.title ?? notebook.name
        var body: [String] = []
        body.append("<h1 class=\"title\">\(HTML.escape(title))</h1>")
        if !notebook.frontMatter.authors.isEmpty {
            body.append("<p class=\"authors\">\(HTML.escape(notebook.frontMatter.authors.joined(separator: ", ")))</p>")
        }
        if let abstract = notebook.frontMatter.abstract {
            body.append("<p class=\"abstract\">\(HTML.escape(abstract))</p>")
        }
        if !result.succeeded {
            body.append("<p class=\"banner\">This render has errors: see the cells marked failed or skipped.</p>")
        }
        let cellsByID = Dictionary(manifest.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let resultsByID = Dictionary(result.cells.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for block in notebook.blocks {
            switch block {
            case .prose(let prose): body.append(self.prose(prose.text))
            case .cell(let cell):
                body.append(self.cell(cell, cellsByID[cell.id], resultsByID[cell.id]))
            }
        }
        body.append(footer(result))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    private static func prose(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return paragraphs.filter { !$0.isEmpty }.map { paragraph in
            let level = paragraph.prefix { $0 == "#" }.count
            if (1...6).contains(level), paragraph.dropFirst(level).first == " ", !paragraph.contains("\n") {
                return "<h\(level)>\(HTML.escape(String(paragraph.dropFirst(level + 1))))</h\(level)>"
            }
            return "<p>\(HTML.escape(paragraph))</p>"
        }.joined(separator: "\n")
    }

    private static func cell(_ cell: Cell, _ record: Manifest.Cell?, _ result: CellResult?) -> String {
        let status = record?.status.rawValue ?? "not run"
        var parts = ["<section class=\"cell \(status)\" id=\"\(HTML.escape(cell.id))\">"]
        if cell.options.echo {
            let code = "<pre class=\"code\"><code>\(HTML.escape(cell.normalizedCodeForDisplay))</code></pre>"
            parts.append(cell.options.fold ? "<details><summary>Code</summary>\(code)</details>" : code)
        }
        for output in record?.outputs ?? [] {
            switch output.kind {
            case "text", "value":
                parts.append("<pre class=\"output \(output.kind)\">\(HTML.escape(output.text ?? ""))</pre>")
            case "figure":
                let caption = output.caption.map { "<figcaption>\(HTML.escape($0))</figcaption>" } ?? ""
                parts.append(
                    "<figure><img src=\"\(HTML.escape(output.path ?? ""))\" alt=\"\(HTML.escape(output.alt ?? ""))\" width=\"\(Int(output.widthPoints ?? 0))\">\(caption)</figure>"
                )
            case "table":
                parts.append(table(output))
            default: break
            }
        }
        if let error = result?.error {
            let expected = result?.status == .ran ? " (expected)" : ""
            parts.append(
                "<div class=\"error-card\"><p>Error\(HTML.escape(expected))</p><pre>\(HTML.escape(error.rendered))</pre></div>")
        }
        if let reason = result?.skipReason {
            parts.append("<div class=\"skipped\">Skipped: \(HTML.escape(reason))</div>")
        }
        parts.append(
            "<p class=\"cell-meta\">\(HTML.escape(cell.id)) · \(HTML.escape(status)) · \(String(format: "%.2f", record?.seconds ?? 0)) s</p>")
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    private static func table(_ output: Manifest.Output) -> String {
        let head = (output.columns ?? []).map { "<th>\(HTML.escape($0))</th>" }.joined()
        let rows = (output.rows ?? []).map { row in "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        let caption = output.caption.map { "<caption>\(HTML.escape($0))</caption>" } ?? ""
        return "<table>\(caption)<thead><tr>\(head)</tr></thead><tbody>\(rows.joined())</tbody></table>"
    }

    private static func footer(_ result: RunResult) -> String {
        let params = result.notebook.frontMatter.params.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
        return """
            <footer>Folio \(HTML.escape(FolioVersion.current)) · seed \(result.notebook.frontMatter.seed)\
            \(params.isEmpty ? "" : " · params: " + HTML.escape(params))</footer>
            """
    }

    private static let style = """
        body{font:16px/1.5 "DejaVu Sans",sans-serif;margin:0;color:#222}main{max-width:52rem;margin:2rem auto;padding:0 1rem}\
        pre{background:#f6f6f6;padding:.6rem;overflow-x:auto}.output{background:#fff;border-left:3px solid #ccc}\
        .error-card{border:1px solid #c00;background:#fff4f4;padding:.4rem}.skipped{color:#885}\
        .cell-meta{color:#888;font-size:.8rem}.banner{background:#fee;padding:.5rem;border:1px solid #c00}\
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}figure img{max-width:100%;height:auto}
        """
}

extension Cell {
    /// The code as shown in the report: option lines removed.
    var normalizedCodeForDisplay: String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//|") }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
