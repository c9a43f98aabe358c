import KinerjaCore
import Testing
@testable import kinerjad

/// kinerja.toml: defaults, relative paths, and an error that names the key for every mistake.
@Suite struct DaemonConfigTests {
    @Test func leftOutKeysGetDefaultsAndPathsRelativeToTheFile() throws {
        let config = try DaemonConfig.parse("timezone = \"Asia/Jakarta\"", file: "/etc/kinerja/kinerja.toml")
        #expect(config.timezone == "Asia/Jakarta")
        #expect(config.language == .indonesian)
        #expect(config.rulesDirectory == "/etc/kinerja/rules")
        #expect(config.hooksDirectory == "/etc/kinerja/hooks.d")
        #expect(config.socket == "/run/kinerja/kinerja.sock")
        #expect(config.reminders.leadDays == [14, 7, 1])
        #expect(config.reminders.workingDays == [1, 2, 3, 4, 5])
        #expect(config.lifecycle.graceDays == 14 && config.reminders.afterDeadlineNonWorkingDay == .after)
        #expect(config.hooks.timeoutSeconds == 30)
    }

    @Test func valuesAreRead() throws {
        let config = try DaemonConfig.parse("""
            timezone = "Asia/Makassar"
            language = "en"
            rules_directory = "../rules"
            [rpc]
            idle_timeout_seconds = 5
            [reminders]
            fire_time = "06:30"
            lead_days = [10, 3]
            working_days = ["mon", "tue", "wed", "thu", "fri", "sat"]
            non_working_day = "after"
            non_working_day_after_deadline = "skip"
            close_cycle_after_days = 30
            holidays = ["2026-12-25"]
            """, file: "/srv/kinerja/etc/kinerja.toml")
        #expect(config.timezone == "Asia/Makassar")
        #expect(config.rulesDirectory == "/srv/kinerja/rules")
        #expect(config.idleTimeoutSeconds == 5)
        #expect(config.reminders.fireHour == 6 && config.reminders.fireMinute == 30)
        #expect(config.reminders.leadDays == [10, 3])
        #expect(config.reminders.workingDays.contains(6))
        #expect(config.reminders.nonWorkingDay == .after)
        #expect(config.reminders.afterDeadlineNonWorkingDay == .skip)
        #expect(config.lifecycle.closingDay(of: CycleID("2026-2")!) == LocalDate("2027-01-31"))
        #expect(config.reminders.holidays.map(\.description) == ["2026-12-25"])
    }

    @Test(arguments: [
        ("timezone = \"Asia/Bandung\"", "timezone 'Asia/Bandung' is not an IANA zone"),
        ("timzone = \"Asia/Jakarta\"", "unknown key 'timzone'"),
        ("language = \"jv\"", "language 'jv' is unknown"),
        ("[reminders]\nfire_time = \"7am\"", "[reminders] fire_time '7am' is not a time of day"),
        ("[reminders]\nlead_days = [0]", "[reminders] lead_days must hold whole numbers from 1 to 180"),
        ("[reminders]\nholidays = [\"25-12-2026\"]", "holidays: '25-12-2026' is not a date"),
        ("[reminders]\nworking_days = [\"senin\"]", "working_days: 'senin' is not a day"),
        ("[hooks]\ntimeout = 5", "[hooks] unknown key 'timeout'"),
        ("[reminders]\nnon_working_day_after_deadline = \"before\"", "never moves before it"),
        ("[reminders]\nclose_cycle_after_days = 120", "close_cycle_after_days must be a whole number from 0 to 90"),
        ("[rpc\n", "line 1"),
        ("", "the file sets nothing"),
        ("# kinerja.toml\n\n   \n# timezone = \"Asia/Jakarta\"\n", "the file sets nothing"),
        ("[reminders]\n[hooks]\n", "the file sets nothing"),
        ("[store]\nurl = \"mysql://kinerja@/kinerja\"", "[store] url 'mysql://kinerja@/kinerja' is not a PostgreSQL url"),
        ("[store]\nurl = \"postgresql://kinerja@/kinerja\"", "is not a PostgreSQL url"),
        ("[store]\npath = \"/tmp/x\"", "[store] unknown key 'path'"),
    ])
    func mistakesAreNamed(text: String, expected: String) {
        do {
            _ = try DaemonConfig.parse(text, file: "/etc/kinerja/kinerja.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix("/etc/kinerja/kinerja.toml: "))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("[store] url: absent or empty, SQLite in the state directory; a PostgreSQL url by socket or by host")
    func storeURL() throws {
        #expect(try DaemonConfig.parse("timezone = \"Asia/Jakarta\"", file: "/etc/kinerja/kinerja.toml").storeURL == nil)
        #expect(try DaemonConfig.parse("[store]\nurl = \"\"", file: "/etc/kinerja/kinerja.toml").storeURL == nil)
        let socket = try #require(try DaemonConfig.parse(
            "[store]\nurl = \"postgresql://kinerja@/kinerja?host=/run/postgresql\"", file: "/etc/kinerja/kinerja.toml").storeURL)
        #expect(socket.user == "kinerja" && socket.database == "kinerja" && socket.socketDirectory == "/run/postgresql" && socket.host == nil)
        let tcp = try #require(try DaemonConfig.parse(
            "[store]\nurl = \"postgresql://kinerja:rahasia@db.example:6543/kantor\"", file: "/etc/kinerja/kinerja.toml").storeURL)
        #expect(tcp.host == "db.example" && tcp.port == 6543 && tcp.database == "kantor" && tcp.password == "rahasia")
        #expect(tcp.description == "postgresql://kinerja@db.example:6543/kantor", "no password where it is shown")
    }

    @Test func overridesWin() throws {
        let config = try DaemonConfig.parse("socket = \"/run/x.sock\"", file: "/etc/kinerja/kinerja.toml")
        let applied = ConfigOverrides(socket: "/tmp/k.sock", stateDirectory: "/tmp/state").apply(to: config)
        #expect(applied.socket == "/tmp/k.sock")
        #expect(applied.stateDirectory == "/tmp/state")
        #expect(ConfigOverrides(socket: "rel/k.sock").apply(to: config).socket.hasPrefix("/"))
    }
}
