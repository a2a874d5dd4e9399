/// The secret of the admin routes, compared in constant time.
struct AdminToken: Sendable {
    private let bytes: [UInt8]

    /// The token `secret` (non-empty).
    init?(_ secret: String?) {
        guard let secret, !secret.isEmpty else { return nil }
        bytes = Array(secret.utf8)
    }

    /// Whether `authorization` (an `Authorization` header value) is `Bearer <token>`.
    ///
    /// The comparison reads every byte of the longer of the two tokens whatever they hold, so
    /// its duration does not reveal how much of a guess was right.
    func authorizes(_ authorization: String?) -> Bool {
        guard let authorization else { return false }
        let scheme = "bearer "
        guard authorization.utf8.count > scheme.utf8.count,
            authorization.utf8.prefix(scheme.utf8.count).map({ $0 | 0x20 }).elementsEqual(scheme.utf8)
        else { return false }
        let presented = Array(authorization.utf8.dropFirst(scheme.utf8.count))
        var difference = UInt(bitPattern: presented.count ^ bytes.count)
        let length = max(presented.count, bytes.count)
        for index in 0..<length {
            let left = index < presented.count ? presented[index] : 0
            let right = index < bytes.count ? bytes[index] : 0
            difference |= UInt(left ^ right)
        }
        return difference == 0
    }
}
