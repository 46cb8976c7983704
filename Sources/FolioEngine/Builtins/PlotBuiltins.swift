import Foundation
import FolioMath
import FolioPlot

/// Figures in the style of Swift Charts / Vega-Lite: mark constructors (`line`, `band`,
/// `scatter`, `bars`, `heatmap`, `histogram`, `imageGrid`, `hline`, `vline`, `annotate`)
/// return `Mark` values; `plot(marks, …)` draws one panel, `panel(marks, …)` +
/// `figure(panels, …)` a grid of panels. Drawing is FolioPlot's (Cairo, DejaVu Sans, 2×
/// PNG); the cell's `width`/`height`/`alt` options size and describe the figure.
///
/// A mark is stored as a record of its arguments (so it can be cached and passed between
/// cells); `PlotAdapter.mark(from:)` is the one place that turns it into a FolioPlot mark.
extension BuiltinModule {
    static let plots = BuiltinModule(
        name: "plots",
        functions: [
            markBuiltin(
                "line",
                [
                    .labeled("x", .vector, default: .void), .labeled("y", .vector), optionalLabel,
                    optionalColor, .option("dash", LineDash.solid),
                    .labeled("markers", .bool, default: .bool(false)),
                ],
                doc: "A line through (x, y); without `x`, y is drawn against its index. `dash:` is `.solid`, `.dashed` or `.dotted`."),
            markBuiltin(
                "band",
                [.labeled("x", .vector), .labeled("lower", .vector), .labeled("upper", .vector), optionalLabel, optionalColor],
                doc: "A shaded band between `lower` and `upper` (e.g. mean ± 1 sd)."),
            markBuiltin(
                "scatter",
                [
                    .labeled("x", .vector), .labeled("y", .vector), optionalLabel, optionalColor,
                    .labeled("classes", .array(.int), default: .void), .labeled("classNames", .array(.string), default: .void),
                    .labeled("values", .vector, default: .void), .labeled("size", .double, default: .double(4)),
                ],
                doc: """
                    Points at (x, y). Colour them by category with `classes:` (an Int per point, named by \
                    `classNames:`) or by value with `values:` (viridis, with a colorbar).
                    """),
            markBuiltin(
                "bars",
                [.labeled("categories", .array(.string)), .labeled("values", .vector), optionalLabel, optionalColor],
                doc: "One bar per category. Several `bars` marks in one panel are drawn as groups."),
            markBuiltin(
                "heatmap",
                [
                    .positional("values", .matrix),
                    .option("colormap", ColormapName.viridis),
                    .labeled("range", .vector, default: .void), .labeled("colorbar", .string, default: .void),
                    .labeled("xLabels", .array(.string), default: .void), .labeled("yLabels", .array(.string), default: .void),
                    .labeled("contours", .vector, default: .array([])), .labeled("showValues", .bool, default: .bool(false)),
                ],
                doc: """
                    A matrix drawn as coloured cells (row i at y = i, so row 0 is at the bottom) with a colorbar. `range: [0, 1]` fixes \
                    the colour scale (so several panels compare, sharing one colorbar); `contours:` draws \
                    marching-squares level lines; `showValues: true` prints each cell's value.
                    """),
            markBuiltin(
                "histogram",
                [
                    .positional("values", .vector), .labeled("bins", .int, default: .int(30)),
                    .option("binning", HistogramMark.Binning.linear),
                    .labeled("range", .vector, default: .void), optionalLabel, optionalColor,
                ],
                doc: "A histogram; `binning: .log` uses logarithmically spaced bins (pair it with `xScale: .log`)."),
            markBuiltin(
                "imageGrid",
                [
                    .positional("images", .matrix), .labeled("width", .int), .labeled("height", .int),
                    .labeled("columns", .int, default: .void),
                    .option("colormap", ColormapName.gray),
                ],
                doc: "A montage of images, one per matrix row (e.g. 28×28 = 784 columns), row-major pixels."),
            markBuiltin(
                "hline", [.positional("y", .double), optionalLabel, optionalColor],
                doc: "A horizontal reference line at `y` (dashed)."),
            markBuiltin(
                "vline", [.positional("x", .double), optionalLabel, optionalColor],
                doc: "A vertical reference line at `x` (dashed)."),
            markBuiltin(
                "annotate", [.positional("text", .string), .labeled("x", .double), .labeled("y", .double)],
                doc: "A text annotation at data coordinates (x, y)."),
            Builtin(
                "panel", [.positional("marks", .array(.record("Mark")))] + axisParameters, returns: .record("Panel"),
                doc: "One panel of a multi-panel `figure`: its marks, title and axes."
            ) { call in
                .record(Record("Panel", call.argumentsByName.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
            },
            Builtin(
                "plot", [.positional("marks", .array(.record("Mark")))] + axisParameters, returns: .figure,
                doc: """
                    Draws the marks in one panel and adds the figure to the cell's outputs. `x:`/`y:` are axis \
                    labels (TeX-style `$\\nu$`, `$\\Sigma_z$` allowed), `xScale:`/`yScale:` `.linear` or `.log`, \
                    `xRange:`/`yRange:` fix the axis limits.
                    """
            ) { call in
                let panel = try PlotAdapter.panel(call.argumentsByName)
                return try PlotAdapter.draw(Figure(panels: [panel]), call: call)
            },
            Builtin(
                "figure",
                [
                    .positional("panels", .array(.record("Panel"))), .labeled("columns", .int, default: .void),
                    .labeled("title", .string, default: .void), .labeled("sharedX", .bool, default: .bool(false)),
                    .labeled("sharedY", .bool, default: .bool(false)),
                ],
                returns: .figure,
                doc: "Panels on a grid (row by row, `columns:` per row), optionally sharing axes, as one figure."
            ) { call in
                let panels = try call.array(0).map { value -> Panel in
                    guard case .record(let record) = value else { throw BuiltinError("'panels' must be made by panel(…)") }
                    return try PlotAdapter.panel(Dictionary(record.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
                }
                guard !panels.isEmpty else { throw BuiltinError("a figure needs at least one panel") }
                let columns = try PlotAdapter.optional(call[1]) { _ in try call.count(1, maximum: 12) }
                let title = try PlotAdapter.optional(call[2]) { _ in try call.string(2) }
                let figure = Figure(
                    title: title, panels: panels, columns: columns,
                    sharedX: try call.bool(3), sharedY: try call.bool(4))
                return try PlotAdapter.draw(figure, call: call)
            },
        ],
        enumerations: [
            LineDash.enumeration, ColormapName.enumeration, HistogramMark.Binning.enumeration, ScaleKind.enumeration,
            LegendPosition.enumeration,
        ])

    private static let optionalLabel = Builtin.Parameter.labeled("label", .string, default: .void)
    private static let optionalColor = Builtin.Parameter.labeled("color", .string, default: .void)

    private static let axisParameters: [Builtin.Parameter] = [
        .labeled("title", .string, default: .void), .labeled("x", .string, default: .void),
        .labeled("y", .string, default: .void),
        .option("xScale", ScaleKind.linear), .option("yScale", ScaleKind.linear),
        .labeled("xRange", .vector, default: .void), .labeled("yRange", .vector, default: .void),
        .option("legend", LegendPosition.best),
    ]

    /// A mark constructor: checks its arguments by building the FolioPlot mark, then returns
    /// them as a `Mark` record.
    private static func markBuiltin(_ kind: String, _ parameters: [Builtin.Parameter], doc: String) -> Builtin {
        Builtin(kind, parameters, returns: .record("Mark"), doc: doc) { call in
            let fields = [("kind", Value.string(kind))] + zip(parameters.map(\.name), call.arguments).map { ($0, $1) }
            let record = Record("Mark", fields)
            do {
                try PlotAdapter.mark(from: record).validate()
            } catch let error as PlotError {
                throw BuiltinError(error.description)
            }
            return .record(record)
        }
    }
}

/// Converts cell values into FolioPlot values and figures into outputs.
enum PlotAdapter {
    /// Renders `figure` at the cell's size (its `width`/`height` options win) into a figure output.
    static func draw(_ figure: Figure, call: BuiltinCall) throws -> Value {
        var sized = figure
        if let width = call.context.options.widthPoints { sized.widthPoints = width }
        if let height = call.context.options.heightPoints { sized.heightPoints = height }
        try call.reserve(sized.renderingBytes(scale: 2), for: "the figure (\(sized.widthPoints)×\(sized.heightPoints) points)")
        do {
            let png = try sized.renderPNG(scale: 2, stop: call.context.stop)
            // The `alt` option is applied when the report is written (it is not in the cache key).
            let alt = try sized.altText()
            return .figure(
                FigureOutput(pngData: Data(png), altText: alt, widthPoints: sized.widthPoints, heightPoints: sized.heightPoints))
        } catch let error as PlotError {
            throw BuiltinError(error.description)
        }
    }

    /// A panel from `panel`/`plot` arguments, by parameter name.
    static func panel(_ fields: [String: Value]) throws -> Panel {
        guard case .array(let markValues)? = fields["marks"] else { throw BuiltinError("'marks' must be an array of marks") }
        let marks = try markValues.map { value -> Mark in
            guard case .record(let record) = value, record.typeName == "Mark" else {
                throw BuiltinError("'marks' must be made by line(…), scatter(…), … (got \(value.typeName))")
            }
            return try mark(from: record)
        }
        return Panel(
            title: try string(fields["title"]),
            x: try axis(label: fields["x"], scale: fields["xScale"], range: fields["xRange"], name: "xRange"),
            y: try axis(label: fields["y"], scale: fields["yScale"], range: fields["yRange"], name: "yRange"),
            marks: groupingBars(marks),
            legend: try option(fields["legend"], default: LegendPosition.best))
    }

    /// Several `bars` marks over the same categories become one grouped bar mark, each
    /// keeping its label and colour as a series; other marks are kept in order.
    static func groupingBars(_ marks: [Mark]) -> [Mark] {
        var result: [Mark] = []
        for mark in marks {
            guard case .bars(let next) = mark,
                let index = result.firstIndex(where: { if case .bars(let bars) = $0 { bars.categories == next.categories } else { false } }),
                case .bars(var group) = result[index]
            else {
                result.append(mark)
                continue
            }
            group.series += next.series
            result[index] = .bars(group)
        }
        return result
    }

    /// The FolioPlot mark a `Mark` record describes.
    static func mark(from record: Record) throws -> Mark {
        let f = { (name: String) in record[name] ?? .void }
        let label = try string(f("label")), color = try self.color(f("color"))
        switch try string(f("kind")) {
        case "line":
            let y = try doubles(f("y"), "y")
            let x = try optional(f("x")) { try doubles($0, "x") } ?? y.indices.map(Double.init)
            return .line(LineMark(
                x: x, y: y, label: label, color: color, dash: try option(f("dash"), default: LineDash.solid),
                markers: f("markers").isTrue))
        case "band":
            return .band(BandMark(
                x: try doubles(f("x"), "x"), lower: try doubles(f("lower"), "lower"), upper: try doubles(f("upper"), "upper"),
                label: label, color: color))
        case "scatter":
            var coloring = ScatterMark.Coloring.uniform(color)
            if let classes = try optional(f("classes"), { try ints($0, "classes") }) {
                let names = try optional(f("classNames")) { try strings($0) } ?? Set(classes).sorted().map { "class \($0)" }
                coloring = .categories(classes: classes, names: names)
            } else if let values = try optional(f("values"), { try doubles($0, "values") }) {
                coloring = .values(values)
            }
            return .scatter(ScatterMark(
                x: try doubles(f("x"), "x"), y: try doubles(f("y"), "y"), label: label, coloring: coloring,
                sizePoints: try doubles(.array([f("size")]), "size")[0]))
        case "bars":
            return .bars(BarMark(
                categories: try strings(f("categories")), values: try doubles(f("values"), "values"), label: label, color: color))
        case "heatmap":
            guard case .matrix(let values) = f("values") else { throw BuiltinError("'values' must be a Matrix") }
            return .heatmap(HeatmapMark(
                values: values, colormap: try option(f("colormap"), default: ColormapName.viridis).colormap, colorRange: try range(f("range"), "range"),
                colorbarLabel: try string(f("colorbar")), xLabels: try optional(f("xLabels"), strings),
                yLabels: try optional(f("yLabels"), strings), contourLevels: try doubles(f("contours"), "contours"),
                showValues: f("showValues").isTrue))
        case "histogram":
            guard case .int(let bins) = f("bins"), (1...10_000).contains(bins) else {
                throw BuiltinError("'bins' must be between 1 and 10000")
            }
            return .histogram(HistogramMark(
                values: try doubles(f("values"), "values"), bins: bins,
                binning: try option(f("binning"), default: HistogramMark.Binning.linear),
                range: try range(f("range"), "range"), label: label, color: color))
        case "imageGrid":
            guard case .matrix(let images) = f("images") else { throw BuiltinError("'images' must be a Matrix") }
            guard case .int(let width) = f("width"), case .int(let height) = f("height"), width > 0, height > 0,
                width.multipliedReportingOverflow(by: height) == (images.columns, false)
            else {
                throw BuiltinError(
                    "each image row has \(images.columns) pixels, which is not width × height",
                    hint: "Fashion-MNIST images are width: 28, height: 28")
            }
            let columns = try optional(f("columns")) { value -> Int in
                guard case .int(let count) = value, count > 0 else { throw BuiltinError("'columns' must be positive") }
                return count
            }
            return .imageGrid(ImageGridMark(
                images: images.rowArrays, imageWidth: width, imageHeight: height, columns: columns,
                colormap: try option(f("colormap"), default: ColormapName.gray).colormap))
        case "hline":
            return .rule(RuleMark(y: try doubles(.array([f("y")]), "y")[0], label: label, color: color ?? Color(hex: 0x444444)))
        case "vline":
            return .rule(RuleMark(x: try doubles(.array([f("x")]), "x")[0], label: label, color: color ?? Color(hex: 0x444444)))
        case "annotate":
            return .text(TextMark(
                x: try doubles(.array([f("x")]), "x")[0], y: try doubles(.array([f("y")]), "y")[0],
                text: try string(f("text")) ?? ""))
        case let other:
            throw BuiltinError("unknown mark kind '\(other ?? "")'")
        }
    }

    /// `transform(value)` unless the value is absent (`.void`, an optional parameter left out).
    static func optional<T>(_ value: Value, _ transform: (Value) throws -> T) throws -> T? {
        if case .void = value { return nil }
        return try transform(value)
    }

    private static func axis(label: Value?, scale: Value?, range: Value?, name: String) throws -> Axis {
        Axis(
            try string(label), scale: try option(scale, default: ScaleKind.linear),
            range: try self.range(range ?? .void, name))
    }

    private static func range(_ value: Value, _ name: String) throws -> ClosedRange<Double>? {
        try optional(value) { value in
            let bounds = try doubles(value, name)
            guard bounds.count == 2, bounds[0].isFinite, bounds[1].isFinite, bounds[0] < bounds[1] else {
                throw BuiltinError("'\(name)' must be [lower, upper] with lower < upper")
            }
            return bounds[0]...bounds[1]
        }
    }

    /// `"#1f77b4"` or `"1f77b4"` as a colour; absent means the automatic (tab10) colour.
    private static func color(_ value: Value) throws -> Color? {
        try optional(value) { value in
            let text = try string(value) ?? ""
            let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
            guard hex.count == 6, let rgb = UInt32(hex, radix: 16) else {
                throw BuiltinError("color '\(text)' is not a hex colour", hint: "write it like \"#1f77b4\"")
            }
            return Color(hex: rgb)
        }
    }

    /// The option an argument names; an absent one is `defaultCase`.
    private static func option<Option: BuiltinOption>(_ value: Value?, default defaultCase: Option) throws -> Option {
        guard let value else { return defaultCase }
        return try optional(value) { try Option($0) } ?? defaultCase
    }

    private static func string(_ value: Value?) throws -> String? {
        switch value {
        case .string(let text)?: return text
        case .void?, nil: return nil
        case let other?: throw BuiltinError("expected a String, got \(other.typeName)")
        }
    }

    private static func strings(_ value: Value) throws -> [String] {
        guard case .array(let elements) = value else { throw BuiltinError("expected [String], got \(value.typeName)") }
        return try elements.map { element in
            guard case .string(let text) = element else { throw BuiltinError("expected [String], got \(element.typeName)") }
            return text
        }
    }

    private static func ints(_ value: Value, _ name: String) throws -> [Int] {
        guard case .array(let elements) = value else { throw BuiltinError("'\(name)' must be [Int]") }
        return try elements.map { element in
            guard case .int(let number) = element else { throw BuiltinError("'\(name)' must be [Int]") }
            return number
        }
    }

    private static func doubles(_ value: Value, _ name: String) throws -> [Double] {
        guard case .array(let elements) = value else { throw BuiltinError("'\(name)' must be numbers, got \(value.typeName)") }
        return try elements.map { element in
            switch element {
            case .double(let number): return number
            case .int(let number): return Double(number)
            default: throw BuiltinError("'\(name)' must be numbers, got \(element.typeName)")
            }
        }
    }
}

extension Value {
    fileprivate var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
