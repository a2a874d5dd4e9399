import Foundation

/// The filler words of ticket subjects (`Data/ticket-filler-words.txt`, embedded in the
/// binary): greetings, politeness, urgency and generic problem words.
enum TicketFillerWords {
    /// The entries of the data file, in file order.
    static let entries: [String] = String(decoding: PackageResources.ticket_filler_words_txt, as: UTF8.self)
        .split(whereSeparator: \.isNewline)
        .map { String($0).trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}
