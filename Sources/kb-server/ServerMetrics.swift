import Foundation

/// What `GET /metrics` reports: requests and latency per route, rejected requests, index
/// reloads and refused reloads, and the index served (size, documents, age).
final class ServerMetrics: Sendable {
    /// Requests answered, by route template, method and status.
    let requests = CounterFamily(
        "kb_http_requests_total", help: "HTTP requests answered, by route, method and status.",
        labels: ["route", "method", "status"])
    /// Latency by route template.
    let latency = HistogramFamily(
        "kb_http_request_duration_seconds", help: "Time from request to response head, by route.",
        labels: ["route"],
        bounds: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])
    /// Requests refused before reaching a route, by reason.
    let rejected = CounterFamily(
        "kb_http_requests_rejected_total",
        help: "Requests refused by the limits (concurrency, size, slow body, malformed HTTP).",
        labels: ["reason"])
    /// Indexes loaded after the first, by trigger.
    let reloads = CounterFamily(
        "kb_index_reloads_total", help: "Index reloads that swapped in a new index, by trigger.", labels: ["trigger"])
    /// Refused reloads (the new file was broken and the old index kept serving), by trigger.
    let reloadFailures = CounterFamily(
        "kb_index_reload_failures_total",
        help: "Index reloads refused because the new file could not be opened or verified, by trigger.",
        labels: ["trigger"])

    /// Creates empty metrics.
    init() {}

    /// The exposition of every metric, with the index gauges read from `snapshot`.
    func exposition(index snapshot: IndexSnapshot, now: Date = Date()) -> String {
        var text = ""
        requests.render(into: &text)
        latency.render(into: &text)
        rejected.render(into: &text)
        reloads.render(into: &text)
        reloadFailures.render(into: &text)
        let reader = snapshot.reader
        MetricsText.gauge(
            "kb_index_size_bytes", help: "Size of the index file served.", value: Double(reader.fileSize), into: &text)
        MetricsText.gauge(
            "kb_index_documents", help: "Documents in the index served.", value: Double(reader.documentCount),
            into: &text)
        MetricsText.gauge(
            "kb_index_build_timestamp_seconds", help: "When the index served was written (Unix time).",
            value: reader.buildDate.timeIntervalSince1970.rounded(), into: &text)
        MetricsText.gauge(
            "kb_index_age_seconds", help: "Seconds since the index served was written.",
            value: max(0, now.timeIntervalSince(reader.buildDate)).rounded(), into: &text)
        MetricsText.gauge(
            "kb_index_loaded_timestamp_seconds", help: "When this server loaded the index served (Unix time).",
            value: snapshot.loadedAt.timeIntervalSince1970.rounded(), into: &text)
        return text
    }
}
