import Foundation
import KBIndex

/// The filler words of ticket subjects (`Data/ticket-filler-words.txt`, embedded in the
/// binary): greetings, politeness, urgency and generic problem words.
enum TicketFillerWords {
    /// The entries of the data file, in file order.
    static let entries: [String] = DataFileLines.contentLines(
        of: String(decoding: PackageResources.ticket_filler_words_txt, as: UTF8.self)
    ).map { String($0.content) }
}
