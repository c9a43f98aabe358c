/// The `id.kinerja.Kinerja` Varlink interface: its name and IDL text, shared by the
/// daemon (which serves it) and the CLI (which calls it), so both speak one definition.
public enum KinerjaInterface {
    public static let name = "id.kinerja.Kinerja"

    /// The IDL text, served by `GetInterfaceDescription` with its doc comments. Embedded
    /// in the binary at build time, so an installed daemon needs no resource bundle.
    public static let description = String(decoding: PackageResources.id_kinerja_Kinerja_varlink, as: UTF8.self)
}
