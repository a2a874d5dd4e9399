import Testing

@testable import kb_server

@Suite struct MetricsTests {
    @Test func rendersCountersWithEscapedLabels() {
        let counter = CounterFamily("kb_test_total", help: "A test.\nSecond line.", labels: ["route"])
        counter.increment(["/a\"b\\c\nd"])
        counter.increment(["/a\"b\\c\nd"], by: 2)
        var text = ""
        counter.render(into: &text)
        #expect(
            text == """
                # HELP kb_test_total A test.\\nSecond line.
                # TYPE kb_test_total counter
                kb_test_total{route="/a\\"b\\\\c\\nd"} 3

                """)
    }

    @Test func rendersCumulativeHistogramBuckets() throws {
        let histogram = HistogramFamily("kb_test_seconds", help: "Latency.", bounds: [0.1, 1])
        histogram.observe(0.05)
        histogram.observe(0.1)
        histogram.observe(0.5)
        histogram.observe(7)
        var text = ""
        histogram.render(into: &text)
        #expect(
            text == """
                # HELP kb_test_seconds Latency.
                # TYPE kb_test_seconds histogram
                kb_test_seconds_bucket{le="0.1"} 2
                kb_test_seconds_bucket{le="1"} 3
                kb_test_seconds_bucket{le="+Inf"} 4
                kb_test_seconds_sum 7.65
                kb_test_seconds_count 4

                """)
        try ExpositionFormat.check(text)
    }

    @Test(arguments: [(1.0, "1"), (0.25, "0.25"), (1e20, "1e+20"), (Double.infinity, "+Inf"), (-0.0, "0")])
    func formatsNumbers(value: Double, text: String) {
        #expect(MetricsText.number(value) == text)
    }
}

@Suite struct QueryParametersTests {
    @Test func decodesPairsInOrder() throws {
        let parameters = try QueryParameters("q=a+b%20c&tag=x&tag=y&empty=&flag&q=second")
        #expect(parameters.first("q") == "a b c")
        #expect(parameters.all("tag") == ["x", "y"])
        #expect(parameters.first("empty") == "")
        #expect(parameters.first("flag") == "")
        #expect(parameters.first("missing") == nil)
        #expect(try QueryParameters(nil).pairs.isEmpty)
    }

    @Test(arguments: ["%", "%2", "%G0", "a=%C3%28", "a=%ED%A0%80", "%C3=1", "a=%F0%9F%98"])
    func rejectsBadEncoding(query: String) {
        #expect(throws: APIError.invalidEncoding) { try QueryParameters(query) }
    }

    @Test func validatesIntegersAndBooleans() throws {
        let parameters = try QueryParameters("limit=7&big=1000000000&sign=-1&yes=true&no=0")
        #expect(try parameters.integer("limit", in: 1...10, default: 3) == 7)
        #expect(try parameters.integer("absent", in: 1...10, default: 3) == 3)
        #expect(throws: APIError.self) { try parameters.integer("big", in: 0...Int.max, default: 0) }
        #expect(throws: APIError.self) { try parameters.integer("sign", in: -5...5, default: 0) }
        #expect(try parameters.boolean("yes", default: false))
        #expect(try !parameters.boolean("no", default: true))
    }
}

@Suite struct PercentDecodingTests {
    @Test func keepsPlusInPaths() {
        #expect(PercentDecoding.decode("a+b%2Fc".utf8, plusIsSpace: false) == "a+b/c")
        #expect(PercentDecoding.decode("a+b".utf8, plusIsSpace: true) == "a b")
        #expect(PercentDecoding.decode("%E2%9C%93".utf8, plusIsSpace: true) == "✓")
    }
}
