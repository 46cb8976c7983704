import Foundation
import FolioEngine

/// Writes a render's folder: `index.html`, `manifest.json`, `figures/*.png` and, when the
/// page has math, KaTeX under `assets/katex/` (or, self-contained, one `index.html` with
/// everything inlined).
public enum ReportWriter {
    /// What happened to the output folder.
    public enum Outcome: Equatable, Sendable {
        case written(URL)
        /// The render failed and `allowErrors` was off: the previous folder was kept.
        case keptPrevious(URL)
    }

    /// How to write the report.
    public struct Options: Sendable {
        public var templates: TemplateSet
        public var provenance: Provenance
        public var katex: KaTeXAssets
        /// One HTML file with CSS, KaTeX (JS, CSS, fonts) and figures inlined.
        public var selfContained: Bool

        public init(templates: TemplateSet, provenance: Provenance, katex: KaTeXAssets, selfContained: Bool = false) {
            self.templates = templates
            self.provenance = provenance
            self.katex = katex
            self.selfContained = selfContained
        }
    }

    /// What a render writes into `output/<name>/`; anything else there (an exported
    /// `.ipynb`, the user's own files) is kept when the folder is replaced.
    static let ownedNames: Set<String> = ["index.html", "manifest.json", "figures", "assets"]

    /// `folio clean`: repairs report folders a killed render left without their report and
    /// removes the temporaries of interrupted swaps (`.NAME.tmp-*`, `.NAME.old-*`) in
    /// `outputDirectory`; returns what was removed.
    public static func removeLeftovers(in outputDirectory: URL) throws -> [URL] {
        try AtomicFolder.removeLeftovers(in: outputDirectory)
    }

    /// Writes `output/<name>/` for `result` under `outputDirectory`. Everything is written to
    /// a temporary folder first and then swapped in, so readers never see a half-written
    /// report; a failed render replaces nothing unless `allowErrors`. Files of the old
    /// folder that a render does not write are carried over.
    public static func write(_ result: RunResult, to outputDirectory: URL, allowErrors: Bool, options: Options) throws -> Outcome {
        let target = outputDirectory.appendingPathComponent(result.notebook.name)
        guard result.succeeded || allowErrors else { return .keptPrevious(target) }
        try AtomicFolder.replace(target, owned: ownedNames) { temporary in
            let manager = FileManager.default
            let presentation = Presentation(result)
            let (manifest, figures) = Manifest.build(result, presentation: presentation, provenance: options.provenance)
            let resources: Report.Resources
            if options.selfContained {
                resources = .selfContained(katex: options.katex)
            } else {
                resources = .linked
                try manager.createDirectory(at: temporary.appendingPathComponent("figures"), withIntermediateDirectories: true)
                for figure in figures {
                    try figure.data.write(to: temporary.appendingPathComponent(figure.relativePath))
                }
            }
            try manifest.encoded().write(to: temporary.appendingPathComponent("manifest.json"))
            let page = try Report.page(
                for: result, presentation: presentation, provenance: options.provenance, templates: options.templates,
                resources: resources)
            try Data(page.html.utf8).write(to: temporary.appendingPathComponent("index.html"))
            if page.usesMath && !options.selfContained {
                try options.katex.copy(to: temporary.appendingPathComponent("assets/katex"))
            }
        }
        return .written(target)
    }
}
