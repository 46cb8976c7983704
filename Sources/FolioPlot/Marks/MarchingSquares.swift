import FolioMath

/// Contour lines of a matrix sampled at integer grid points (x = column, y = row), from
/// the marching-squares algorithm with linear interpolation; saddle cells are resolved by
/// the average of their four corners. Segments are chained into polylines so that lines
/// are stroked with proper joins.
enum MarchingSquares {
    typealias Segment = (Point, Point)

    /// Contour polylines at `level`.
    static func lines(_ values: Matrix<Double>, level: Double) -> [[Point]] {
        let segments = self.segments(values, level: level)
        struct Key: Hashable {
            let x: Int64, y: Int64
            init(_ p: Point) { x = Int64((p.x * 1e6).rounded()); y = Int64((p.y * 1e6).rounded()) }
        }
        var byEndpoint: [Key: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEndpoint[Key(segment.0), default: []].append(index)
            byEndpoint[Key(segment.1), default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func extend(_ line: inout [Point]) {
            while let end = line.last,
                  let next = byEndpoint[Key(end)]?.first(where: { !used[$0] }) {
                used[next] = true
                let (a, b) = segments[next]
                line.append(Key(a) == Key(end) ? b : a)
            }
        }
        var lines: [[Point]] = []
        for index in segments.indices where !used[index] {
            used[index] = true
            var line = [segments[index].0, segments[index].1]
            extend(&line)
            line.reverse()
            extend(&line)
            lines.append(line)
        }
        return lines
    }

    static func segments(_ values: Matrix<Double>, level: Double) -> [Segment] {
        guard values.rows >= 2, values.columns >= 2 else { return [] }
        var segments: [Segment] = []
        for i in 0..<(values.rows - 1) {
            for j in 0..<(values.columns - 1) {
                // Corners counter-clockwise from bottom-left: (i, j), (i, j+1), (i+1, j+1), (i+1, j).
                let corners = [values[i, j], values[i, j + 1], values[i + 1, j + 1], values[i + 1, j]]
                let positions = [Point(x: Double(j), y: Double(i)), Point(x: Double(j + 1), y: Double(i)),
                                 Point(x: Double(j + 1), y: Double(i + 1)), Point(x: Double(j), y: Double(i + 1))]
                let above = corners.map { $0 > level }
                // A crossing on edge e (from corner e to corner e+1).
                func crossing(_ e: Int) -> Point {
                    let a = corners[e], b = corners[(e + 1) % 4]
                    let t = (level - a) / (b - a)
                    let p = positions[e], q = positions[(e + 1) % 4]
                    return Point(x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t)
                }
                let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
                switch crossed.count {
                case 2:
                    segments.append((crossing(crossed[0]), crossing(crossed[1])))
                case 4:
                    // Saddle: pair the edges so the segments separate the corners unlike the centre.
                    let centreAbove = corners.reduce(0, +) / 4 > level
                    if centreAbove == above[0] {
                        segments.append((crossing(0), crossing(1)))
                        segments.append((crossing(2), crossing(3)))
                    } else {
                        segments.append((crossing(3), crossing(0)))
                        segments.append((crossing(1), crossing(2)))
                    }
                default:
                    break
                }
            }
        }
        return segments
    }
}
