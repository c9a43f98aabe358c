import ArgumentParser
import KinerjaRPC

/// Turns a failed call into what the administrator reads on stderr and the exit code.
/// The daemon's own words (`message`, import problems) are already in the office's
/// language (`language` in kinerja.toml); kinerjactl frames them in its own.
enum Failure {
    static func from(_ error: VarlinkClientError, socket: String) -> ExitCode {
        switch error {
        case .notReachable(_, let reason):
            Printer.err(Language.t(
                "kinerjactl: kinerjad tidak dapat dihubungi di \(socket) (\(reason)); apakah layanan berjalan? (systemctl status kinerjad)",
                "kinerjactl: kinerjad is not reachable at \(socket) (\(reason)); is the service running? (systemctl status kinerjad)"))
            return Exit.unreachable
        case .timeout:
            Printer.err(Language.t("kinerjactl: kinerjad tidak menjawab tepat waktu", "kinerjactl: kinerjad did not answer in time"))
            return Exit.unreachable
        case .protocolError(let message):
            Printer.err("kinerjactl: \(message)")
            return Exit.unreachable
        case .remote(let remote):
            return fromRemote(remote)
        }
    }

    static func fromRemote(_ error: VarlinkError) -> ExitCode {
        let p = error.parameters
        func text(_ key: String) -> String? { if case .string(let s)? = p[key] { return s }; return nil }
        switch error.name {
        case "org.varlink.service.PermissionDenied":
            Printer.err(Language.t(
                "kinerjactl: ditolak: perubahan hanya untuk root, pengguna kinerjad atau anggota grup admin (admin_group)",
                "kinerjactl: permission denied: changes need root, the kinerjad user or membership of the admin group (admin_group)"))
            return Exit.permissionDenied
        case KinerjaError.importRejected:
            Printer.err(Language.t("kinerjactl: impor ditolak, tidak ada yang disimpan:", "kinerjactl: import rejected, nothing was written:"))
            if case .array(let problems)? = p["problems"] {
                for problem in problems {
                    if case .object(let o) = problem, case .int(let line)? = o["line"], case .string(let message)? = o["message"] {
                        Printer.err("  \(Language.t("baris", "line")) \(line): \(message)")
                    }
                }
            }
            return Exit.refused
        case KinerjaError.noSuchPerson:
            Printer.err(Language.t("kinerjactl: tidak ada orang dengan id \(text("id") ?? "")", "kinerjactl: no person has id \(text("id") ?? "")"))
            return Exit.refused
        case KinerjaError.ambiguousPosition:
            var schools: [String] = []
            if case .array(let list)? = p["npsns"] { for case .string(let s) in list { schools.append(s) } }
            Printer.err(Language.t(
                "kinerjactl: \(text("id") ?? "") memimpin beberapa sekolah; pilih dengan --npsn (\(schools.joined(separator: ", ")))",
                "kinerjactl: \(text("id") ?? "") heads several schools; pick one with --npsn (\(schools.joined(separator: ", ")))"))
            return Exit.refused
        case KinerjaError.invalidInput:
            Printer.err("kinerjactl: \(text("field") ?? ""): \(text("message") ?? "")")
            return Exit.refused
        default:
            if let message = text("message") {
                Printer.err("kinerjactl: \(message)")
            } else if case .string(let parameter)? = p["parameter"] {
                Printer.err("kinerjactl: \(error.name): \(parameter)")
            } else {
                let details = p.keys.sorted().compactMap { key in p[key].map { "\(key)=\($0.stringValue ?? "\($0)")" } }
                Printer.err("kinerjactl: \(error.name)\(details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")")
            }
            return Exit.refused
        }
    }
}
