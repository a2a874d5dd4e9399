import Synchronization

// A small counter/histogram registry that renders the Prometheus text exposition format
// 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
//
// Why not swift-metrics and swift-prometheus: kb's dependency list is deliberately short
// (ArgumentParser, swift-log, Hummingbird), and the server needs only a few counters, one
// histogram family and gauges read at scrape time: about 150 lines, with no backend to
// bootstrap and nothing global, so tests can read a fresh registry per application.

/// A family of counters (`*_total`) keyed by label values.
final class CounterFamily: Sendable {
    /// The metric name.
    let name: String
    /// The `# HELP` text.
    let help: String
    /// The label names, in the order values are given.
    let labelNames: [String]
    private let values = Mutex<[[String]: Double]>([:])

    /// Creates a family.
    init(_ name: String, help: String, labels: [String] = []) {
        self.name = name
        self.help = help
        self.labelNames = labels
    }

    /// Adds `amount` to the counter with `labels` (one value per label name).
    func increment(_ labels: [String] = [], by amount: Double = 1) {
        precondition(labels.count == labelNames.count, "\(name) takes \(labelNames.count) labels")
        values.withLock { $0[labels, default: 0] += amount }
    }

    /// The current value of the counter with `labels`.
    func value(_ labels: [String] = []) -> Double {
        values.withLock { $0[labels] ?? 0 }
    }

    /// Appends the family in the exposition format.
    func render(into text: inout String) {
        MetricsText.header(name, help: help, type: "counter", into: &text)
        let snapshot = values.withLock { $0 }
        for (labels, value) in snapshot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            text += name + MetricsText.labels(labelNames, labels) + " " + MetricsText.number(value) + "\n"
        }
    }
}

/// A family of histograms (cumulative buckets, sum, count) keyed by label values.
final class HistogramFamily: Sendable {
    /// The observations of one label set.
    struct Series: Sendable {
        /// Observations at most each bound, not cumulative (rendering accumulates).
        var bucketCounts: [UInt64]
        /// The sum of the observations.
        var sum: Double = 0
        /// The number of observations.
        var count: UInt64 = 0
    }

    /// The metric name.
    let name: String
    /// The `# HELP` text.
    let help: String
    /// The label names.
    let labelNames: [String]
    /// The upper bounds of the buckets, ascending (`+Inf` is implicit).
    let bounds: [Double]
    private let series = Mutex<[[String]: Series]>([:])

    /// Creates a family with bucket upper bounds `bounds`.
    init(_ name: String, help: String, labels: [String] = [], bounds: [Double]) {
        precondition(bounds == bounds.sorted(), "bucket bounds must ascend")
        self.name = name
        self.help = help
        self.labelNames = labels
        self.bounds = bounds
    }

    /// Records `value` in the histogram with `labels`.
    func observe(_ value: Double, _ labels: [String] = []) {
        precondition(labels.count == labelNames.count, "\(name) takes \(labelNames.count) labels")
        let bucket = bounds.firstIndex { value <= $0 } ?? bounds.count
        series.withLock { all in
            var entry = all[labels] ?? Series(bucketCounts: Array(repeating: 0, count: bounds.count + 1))
            entry.bucketCounts[bucket] += 1
            entry.sum += value
            entry.count += 1
            all[labels] = entry
        }
    }

    /// The number of observations with `labels`.
    func count(_ labels: [String] = []) -> UInt64 {
        series.withLock { $0[labels]?.count ?? 0 }
    }

    /// Appends the family in the exposition format.
    func render(into text: inout String) {
        MetricsText.header(name, help: help, type: "histogram", into: &text)
        let snapshot = series.withLock { $0 }
        for (labels, entry) in snapshot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var cumulative: UInt64 = 0
            for (index, count) in entry.bucketCounts.enumerated() {
                cumulative += count
                let bound = index < bounds.count ? MetricsText.number(bounds[index]) : "+Inf"
                text += name + "_bucket" + MetricsText.labels(labelNames + ["le"], labels + [bound]) + " "
                text += String(cumulative) + "\n"
            }
            let plain = MetricsText.labels(labelNames, labels)
            text += name + "_sum" + plain + " " + MetricsText.number(entry.sum) + "\n"
            text += name + "_count" + plain + " " + String(entry.count) + "\n"
        }
    }
}

/// Formatting rules of the text exposition format.
enum MetricsText {
    /// The content type of `GET /metrics`.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// `# HELP` and `# TYPE` lines.
    static func header(_ name: String, help: String, type: String, into text: inout String) {
        let escapedHelp = help.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
        text += "# HELP \(name) \(escapedHelp)\n# TYPE \(name) \(type)\n"
    }

    /// A gauge: header and one unlabelled sample.
    static func gauge(_ name: String, help: String, value: Double, into text: inout String) {
        header(name, help: help, type: "gauge", into: &text)
        text += name + " " + number(value) + "\n"
    }

    /// `{name="value",...}` with values escaped, or "" without labels.
    static func labels(_ names: [String], _ values: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let pairs = zip(names, values).map { name, value in
            let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                .replacing("\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// A sample value: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
