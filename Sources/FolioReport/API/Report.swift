import Foundation
import FolioEngine
import FolioNotebook

/// Folio's HTML report: the executed notebook as a page with a title block, table of
/// contents, Markdown prose with KaTeX math, highlighted code, numbered figures and tables,
/// cross-references, error cards and a provenance footer.
public enum Report {
    /// How the page refers to its figures and to KaTeX.
    public enum Resources: Sendable {
        /// Figures as files beside the page (named by `FigureFileNaming`), KaTeX under
        /// `assets/katex/` (copied there by `KaTeXAssets.copy`).
        case linked
        /// Everything inlined: figures as data URIs, KaTeX's JS, CSS and fonts embedded.
        case selfContained(katex: KaTeXAssets)
    }

    /// A rendered page and whether it needs KaTeX (it has math).
    public struct Page: Sendable {
        public let html: String
        public let usesMath: Bool
    }

    /// The page for `result`.
    public static func page(
        for result: RunResult, provenance: Provenance, templates: TemplateSet, resources: Resources
    ) throws -> Page {
        try page(for: result, presentation: Presentation(result), provenance: provenance, templates: templates, resources: resources)
    }

    /// The page for `result` as `presentation` shows it (the writer shares it with the manifest).
    static func page(
        for result: RunResult, presentation: Presentation, provenance: Provenance, templates: TemplateSet, resources: Resources
    ) throws -> Page {
        let context = try PageContext(
            result: result, presentation: presentation, provenance: provenance, resources: resources,
            stylesheet: templates.stylesheet)
        return Page(html: templates.render(context.dictionary), usesMath: context.usesMath)
    }
}
