import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

/// Turns a failed call into what the administrator reads on stderr and the exit code
/// (``ExitStatus``). The daemon's own words (`message`, import problems) are already in the
/// office's language (`language` in kinerja.toml); kinerjactl frames them in its own.
enum Failure {
    static func from(_ error: VarlinkClientError, socket: String) -> ExitCode {
        switch error {
        case .notReachable(_, let english):
            let reason = Language.t(Vocabulary.connectReasons[english])
            Printer.err(Language.t(
                "kinerjactl: kinerjad tidak dapat dihubungi di \(socket) (\(reason)); apakah layanan berjalan? (systemctl status kinerjad)",
                "kinerjactl: kinerjad is not reachable at \(socket) (\(reason)); is the service running? (systemctl status kinerjad)"))
        case .accessDenied:
            let group = SocketAccess.owningGroup(of: socket) ?? "kinerja"
            let user = SocketAccess.userName() ?? "$USER"
            Printer.err(Language.t(
                "kinerjactl: tidak ada izin membuka soket kinerjad \(socket); tambahkan diri Anda ke grup \(group) (sudo usermod -aG \(group) \(user)), lalu keluar dan masuk lagi",
                "kinerjactl: no permission to open kinerjad's socket \(socket); add yourself to the group \(group) (sudo usermod -aG \(group) \(user)), then log out and in again"))
        case .timeout:
            Printer.err(Language.t("kinerjactl: kinerjad tidak menjawab tepat waktu", "kinerjactl: kinerjad did not answer in time"))
        case .protocolError(let message):
            Printer.err(Language.t("kinerjactl: jawaban kinerjad tidak terbaca: \(message)", "kinerjactl: kinerjad's answer cannot be read: \(message)"))
        case .remote(let remote):
            explain(remote)
        }
        return ExitCode(ExitStatus(error))
    }

    /// Says why the daemon refused.
    static func explain(_ error: VarlinkError) {
        let p = error.parameters
        func text(_ key: String) -> String? { if case .string(let s)? = p[key] { return s }; return nil }
        switch error.name {
        case VarlinkError.permissionDenied.name:
            Printer.err(Language.t(
                "kinerjactl: ditolak: perubahan hanya untuk root, pengguna kinerjad atau anggota grup admin (admin_group)",
                "kinerjactl: permission denied: changes need root, the kinerjad user or membership of the admin group (admin_group)"))
        case KinerjaError.importRejected:
            Printer.err(Language.t("kinerjactl: impor ditolak, tidak ada yang disimpan:", "kinerjactl: import rejected, nothing was written:"))
            if case .array(let problems)? = p["problems"] {
                for problem in problems {
                    if case .object(let o) = problem, case .int(let line)? = o["line"], case .string(let message)? = o["message"] {
                        Printer.err(ImportCommand.problemLine(line: Int(line), message: message))
                    }
                }
            }
        case KinerjaError.noSuchPerson:
            Printer.err(Language.t("kinerjactl: tidak ada orang dengan id \(text("id") ?? "")", "kinerjactl: no person has id \(text("id") ?? "")"))
        case KinerjaError.ambiguousPosition:
            var schools: [String] = []
            if case .array(let list)? = p["npsns"] { for case .string(let s) in list { schools.append(s) } }
            Printer.err(Language.t(
                "kinerjactl: \(text("id") ?? "") memimpin beberapa sekolah; pilih dengan --npsn (\(schools.joined(separator: ", ")))",
                "kinerjactl: \(text("id") ?? "") heads several schools; pick one with --npsn (\(schools.joined(separator: ", ")))"))
        case KinerjaError.invalidInput:
            Printer.err("kinerjactl: \(text("field") ?? ""): \(text("message") ?? "")")
        default:
            if let message = text("message") {
                Printer.err("kinerjactl: \(message)")
            } else if case .string(let parameter)? = p["parameter"] {
                Printer.err("kinerjactl: \(error.name): \(parameter)")
            } else {
                let details = p.keys.sorted().compactMap { key in p[key].map { "\(key)=\($0.stringValue ?? "\($0)")" } }
                Printer.err("kinerjactl: \(error.name)\(details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")")
            }
        }
    }
}
