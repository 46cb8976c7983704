import Foundation

/// Tick positions by the extended Wilkinson algorithm (Talbot, Lin & Hanrahan,
/// "An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes", 2010).
///
/// Searches label sets `start·q·10^z, …` over nice step multipliers `Q`, skipping `j`, and
/// tick counts `k`, scoring simplicity, coverage and density against a target count `m`,
/// with the paper's pruning bounds so the search stops early.
enum ExtendedWilkinson {
    static let niceSteps: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// A labelling: first and last label and the step between them.
    struct Labeling: Equatable {
        let min: Double
        let max: Double
        let step: Double
        /// Tick values, computed from integer multiples to avoid accumulated error.
        var values: [Double] {
            let count = Int(((max - min) / step).rounded()) + 1
            return (0..<count).map { min + Double($0) * step }
        }
    }

    /// The best labelling of [dmin, dmax] with about `m` labels (dmin < dmax).
    ///
    /// Axes show only the labels inside their range. The paper's labelling may reach past
    /// the data; when that would leave fewer than half the wanted labels (or fewer than three) visible, the
    /// search is repeated over labellings that lie inside the range.
    static func labeling(dmin: Double, dmax: Double, m: Int) -> Labeling? {
        guard let free = search(dmin: dmin, dmax: dmax, m: m, inside: false) else { return nil }
        let slack = 1e-9 * (dmax - dmin)
        let visible = free.values.filter { $0 >= dmin - slack && $0 <= dmax + slack }.count
        if visible >= max(min(3, m), (m + 1) / 2) { return free }
        return search(dmin: dmin, dmax: dmax, m: m, inside: true) ?? free
    }

    private static func search(dmin: Double, dmax: Double, m: Int, inside: Bool) -> Labeling? {
        guard dmin.isFinite, dmax.isFinite, dmax > dmin, m >= 2 else { return nil }
        let slack = 1e-9 * (dmax - dmin)
        let w = weights
        var best = -Double.infinity
        var result: Labeling?
        let eps = 1e-10
        var j = 1.0
        outer: while j < 50 {
            for (qIndex, q) in niceSteps.enumerated() {
                let sm = simplicityMax(qIndex: qIndex, j: j)
                if w.simplicity * sm + w.coverage + w.density + w.legibility < best { break outer }
                var k = 2.0
                while k < 100 {
                    let dm = densityMax(k: k, m: Double(m))
                    if w.simplicity * sm + w.coverage + w.density * dm + w.legibility < best { break }
                    let delta = (dmax - dmin) / (k + 1) / j / q
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * q * pow(10, z)
                        let cm = coverageMax(dmin: dmin, dmax: dmax, span: step * (k - 1))
                        if w.simplicity * sm + w.coverage * cm + w.density * dm + w.legibility < best { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart <= maxStart {
                            var start = minStart
                            while start <= maxStart {
                                let lmin = start * (step / j)
                                let lmax = lmin + step * (k - 1)
                                let s = simplicity(qIndex: qIndex, j: j, lmin: lmin, lmax: lmax, step: step, eps: eps)
                                let c = coverage(dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                let g = density(k: k, m: Double(m), dmin: dmin, dmax: dmax, lmin: lmin, lmax: lmax)
                                let score = w.simplicity * s + w.coverage * c + w.density * g + w.legibility
                                if score > best, !inside || (lmin >= dmin - slack && lmax <= dmax + slack) {
                                    best = score
                                    result = Labeling(min: lmin, max: lmax, step: step)
                                }
                                start += 1
                            }
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        return result
    }

    private static func simplicity(qIndex: Int, j: Double, lmin: Double, lmax: Double, step: Double, eps: Double) -> Double {
        let n = Double(niceSteps.count)
        let remainder = lmin.truncatingRemainder(dividingBy: step)
        let hasZero = (abs(remainder) < eps * step || step - abs(remainder) < eps * step) && lmin <= 0 && lmax >= 0
        return 1 - Double(qIndex) / (n - 1) - j + (hasZero ? 1 : 0)
    }

    private static func simplicityMax(qIndex: Int, j: Double) -> Double {
        1 - Double(qIndex) / Double(niceSteps.count - 1) - j + 1
    }

    private static func coverage(dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    private static func coverageMax(dmin: Double, dmax: Double, span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    private static func density(k: Double, m: Double, dmin: Double, dmax: Double, lmin: Double, lmax: Double) -> Double {
        let r = (k - 1) / (lmax - lmin)
        let rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }

    private static func densityMax(k: Double, m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }
}
