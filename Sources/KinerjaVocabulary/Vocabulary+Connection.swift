/// The words of a failed connection to the daemon.
extension Vocabulary {
    /// Why connecting failed (VarlinkClientError.notReachable's reason): the C library's
    /// message in the C locale, which a Swift program keeps, or the client's own words.
    public static let connectReasons: Vocabulary = [
        "No such file or directory": Bilingual("soket tidak ada", "No such file or directory"),
        "Connection refused": Bilingual("tidak ada yang mendengarkan di soket", "Connection refused"),
        "Socket operation on non-socket": Bilingual("bukan soket", "Socket operation on non-socket"),
        "Not a directory": Bilingual("jalurnya melewati sesuatu yang bukan direktori", "Not a directory"),
        "timed out connecting": Bilingual("waktu menghubungi habis", "timed out connecting"),
        "invalid socket path": Bilingual("jalur soket tidak sah", "invalid socket path"),
    ]
}
