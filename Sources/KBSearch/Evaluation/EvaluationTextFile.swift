import Foundation

/// Reads the text of an evaluation input file (qrels, run, query file) as UTF-8, the encoding
/// the reference script reads it in, turning every failure into an ``EvaluationInputError``.
enum EvaluationTextFile {
    /// The UTF-8 text of the file at `url`; errors name the file `name`.
    static func read(_ url: URL, name: String) throws(EvaluationInputError) -> String {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EvaluationInputError(file: name, kind: .fileNotFound)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EvaluationInputError(file: name, kind: .unreadableFile(reason: "\(error)"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw EvaluationInputError(file: name, kind: .notUTF8)
        }
        return text
    }
}
