import Foundation

/// `output/<name>/check/index.html`: the drift table and, for every drifted figure, the
/// committed and the new image side by side with a diff image (changed pixels in red over a
/// faint copy of the figure). Images are copied beside the page, so it stays right after
/// the baseline is updated. Every text is escaped.
enum DriftPage {
    static func write(_ report: DriftReport, notebookPath: String, into folder: URL) throws {
        var figureSections: [String] = []
        var imageCount = 0
        for drift in report.drifts {
            guard let images = drift.images else { continue }
            var panels: [String] = []
            for (title, bytes) in [("committed", images.committed), ("new", images.new), ("diff", images.diff)] {
                guard let bytes else {
                    panels.append("<figure><figcaption>\(title)</figcaption><p class=\"none\">none</p></figure>")
                    continue
                }
                imageCount += 1
                let name = "images/\(imageCount)-\(title).png"
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
                try Data(bytes).write(to: folder.appendingPathComponent(name))
                panels.append("<figure><figcaption>\(title)</figcaption><a href=\"\(name)\"><img src=\"\(name)\" alt=\"\(title) figure\"></a></figure>")
            }
            figureSections.append("""
                <section><h2>\(drift.cell.htmlEscaped): \(drift.what.htmlEscaped)</h2><p>\(drift.amount.htmlEscaped)</p>
                <div class="panels">\(panels.joined())</div></section>
                """)
        }
        let rows = report.drifts.map { drift in
            "<tr>" + [drift.cell, drift.what, drift.committed, drift.new, drift.amount].map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>"
        }
        let summary = report.isClean
            ? "No drift: the committed report is what the notebook produces today."
            : "\(report.drifts.count) drift\(report.drifts.count == 1 ? "" : "s")."
        let tolerances = String(
            format: "Numbers within %.0e relative, figures with at most %.3f%% of pixels differing by more than %d/255 per channel; a cell's tolerance option replaces both.",
            report.tolerances.relative, report.tolerances.figureFraction * 100, CheckTolerances.channelTolerance)
        let html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>folio check: \(notebookPath.htmlEscaped)</title>
            <style>
            body { font-family: "DejaVu Sans", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; text-align: left; white-space: pre-wrap; }
            .panels { display: flex; gap: 1em; } figure { margin: 0; flex: 1; } img { max-width: 100%; border: 1px solid #ccc; }
            .none { color: #999; }
            </style></head>
            <body><h1>folio check: \(notebookPath.htmlEscaped)</h1>
            <p>\(summary.htmlEscaped) \(tolerances.htmlEscaped)</p>
            \(rows.isEmpty ? "" : "<table><tr><th>cell</th><th>what</th><th>committed</th><th>new</th><th>by</th></tr>\n\(rows.joined(separator: "\n"))</table>")
            \(figureSections.joined(separator: "\n"))
            </body></html>

            """
        try Data(html.utf8).write(to: folder.appendingPathComponent("index.html"))
    }
}
