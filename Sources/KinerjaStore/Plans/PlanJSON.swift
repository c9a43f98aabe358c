import KinerjaCore
import KinerjaJSON

/// A plan's stored JSON, written member by member: byte for byte what `JSONText.encode`
/// (Foundation's `JSONEncoder`, sorted keys) writes for it, which a test checks on random
/// plans with every field, in a fraction of the time. An import encodes the plan once for
/// each of its rows (the plan's state and its audit row), and `JSONEncoder`'s containers
/// were more than half of a progress import.
///
/// Keys are written in sorted order by hand: a field added to a Core type must be added
/// here too, which the test's comparison with `JSONEncoder` catches.
enum PlanJSON {
    static func encode(_ plan: Plan) -> String {
        var json = Writer()
        json.bytes.reserveCapacity(1024)
        json.plan(plan)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private struct Writer {
        var bytes: [UInt8] = []
        private var needsComma = false

        mutating func plan(_ plan: Plan) {
            object {
                $0.member("blocks") { $0.array(plan.blocks) { $0.block($1) } }
                $0.member("currentIndex") { $0.integer(plan.currentIndex) }
                if let date = plan.firstSubmittedOn { $0.member("firstSubmittedOn") { $0.string(date.description) } }
                $0.member("id") { $0.planID(plan.id) }
                $0.member("records") { $0.array(plan.records) { $0.record($1) } }
                $0.member("revisions") { $0.array(plan.revisions) { $0.revision($1) } }
            }
        }

        mutating func planID(_ id: PlanID) {
            object {
                $0.member("cycle") { $0.string(id.cycle.description) }
                $0.member("position") { json in
                    json.object {
                        if let npsn = id.position.npsn { $0.member("npsn") { $0.string(npsn.rawValue) } }
                        $0.member("personID") { $0.string(id.position.personID.rawValue) }
                        $0.member("role") { $0.string(id.position.role.rawValue) }
                    }
                }
            }
        }

        mutating func block(_ block: BlockPeriod) {
            object {
                $0.member("cause") { $0.string(block.cause.rawValue) }
                if let note = block.note { $0.member("note") { $0.string(note) } }
                $0.member("since") { $0.string(block.since.description) }
                if let until = block.until { $0.member("until") { $0.string(until.description) } }
            }
        }

        mutating func revision(_ revision: Revision) {
            object {
                $0.member("by") { $0.string(revision.by.rawValue) }
                $0.member("on") { $0.string(revision.on.description) }
                $0.member("reason") { $0.string(revision.reason) }
            }
        }

        mutating func record(_ record: StepRecord) {
            object {
                if let date = record.completedOn { $0.member("completedOn") { $0.string(date.description) } }
                if let details = record.details { $0.member("details") { $0.details(details) } }
                if let date = record.startedOn { $0.member("startedOn") { $0.string(date.description) } }
                $0.member("step") { $0.string(record.step.rawValue) }
            }
        }

        mutating func details(_ details: StepDetails) {
            object {
                if let text = details.catatan { $0.member("catatan") { $0.string(text) } }
                if let id = details.kompetensi { $0.member("kompetensi") { $0.string(id) } }
                if let ids = details.perilakuKerja { $0.member("perilakuKerja") { $0.array(ids) { $0.string($1) } } }
                if let id = details.praktikKinerja { $0.member("praktikKinerja") { $0.string(id) } }
                if let rating = details.rating { $0.member("rating") { $0.string(rating.rawValue) } }
                if let ratings = details.ratings {
                    $0.member("ratings") { json in
                        json.object {
                            for (aspect, rating) in ratings.sorted(by: { $0.key.rawValue.utf8.lexicographicallyPrecedes($1.key.rawValue.utf8) }) {
                                $0.member(aspect.rawValue) { $0.string(rating.rawValue) }
                            }
                        }
                    }
                }
                if let choices = details.rhk {
                    $0.member("rhk") { json in
                        json.array(choices) { json, choice in
                            json.object {
                                $0.member("id") { $0.string(choice.id) }
                                $0.member("jumlah") { $0.integer(choice.jumlah) }
                            }
                        }
                    }
                }
                if let schools = details.sekolah { $0.member("sekolah") { $0.array(schools) { $0.string($1.rawValue) } } }
                if let school = details.sekolahFokus { $0.member("sekolahFokus") { $0.string(school.rawValue) } }
            }
        }

        // MARK: JSON

        mutating func object(_ members: (inout Writer) -> Void) {
            bytes.append(UInt8(ascii: "{"))
            needsComma = false
            members(&self)
            bytes.append(UInt8(ascii: "}"))
            needsComma = true
        }

        mutating func array<Element>(_ elements: [Element], _ write: (inout Writer, Element) -> Void) {
            bytes.append(UInt8(ascii: "["))
            needsComma = false
            for element in elements {
                if needsComma { bytes.append(UInt8(ascii: ",")) }
                write(&self, element)
                needsComma = true
            }
            bytes.append(UInt8(ascii: "]"))
            needsComma = true
        }

        /// A member of the object being written; members must come in sorted key order.
        mutating func member(_ key: String, _ value: (inout Writer) -> Void) {
            if needsComma { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            value(&self)
            needsComma = true
        }

        mutating func string(_ value: String) {
            JSONString.append(value, to: &bytes)
            needsComma = true
        }

        mutating func integer(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
            needsComma = true
        }
    }
}
