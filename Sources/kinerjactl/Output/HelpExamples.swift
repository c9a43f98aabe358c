/// The examples of a help text: a heading in kinerjactl's language, then each command on its
/// own lines as it is typed, the same in both languages. Every one runs on the example district
/// (config/examples, on its day): the end-to-end tests run them.
enum HelpExamples {
    static func list(_ commands: String...) -> String {
        Language.t("Contoh:", commands.count == 1 ? "Example:" : "Examples:") + "\n"
            + commands.map { "  kinerjactl " + $0 }.joined(separator: "\n")
    }

    /// Where a command's examples are: with the commands they follow.
    static func see(_ command: String) -> String {
        Language.t("Contohnya ada di kinerjactl \(command) --help.", "Examples are in kinerjactl \(command) --help.")
    }
}
