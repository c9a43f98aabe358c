import Foundation
import Testing
@testable import KinerjaStore

@Suite("JSON lists in position columns")
struct JSONTextListTests {
    @Test("The split without a decoder agrees with JSONDecoder on what it accepts", arguments: [
        #"[]"#, #"[""]"#, #"["198609262015051001"]"#, #"["20100001","20100002","20100003"]"#, #"["Sekolah / Dasar"]"#,
        #"["ü","ñ"]"#,
    ])
    func plainListsMatchTheDecoder(text: String) throws {
        let plain = try #require(JSONText.plainList(text))
        #expect(plain == (try JSONDecoder().decode([String].self, from: Data(text.utf8))))
        #expect(try JSONText.decodeList(text, table: "position", key: "k") == plain)
    }

    @Test("Escapes, spaces and broken text go to the decoder", arguments: [
        #"["a\"b"]"#, #"[ "a"]"#, #"["a", "b"]"#, #"["a",]"#, #"["a""#, #"["a"]x"#, #"[1]"#, #"[,"a"]"#, #"["#, "",
    ])
    func otherTextIsNotSplit(text: String) {
        #expect(JSONText.plainList(text) == nil)
    }

    @Test("An escaped id is still read, through the decoder")
    func escapedListIsDecoded() throws {
        #expect(try JSONText.decodeList(#"["a\"b","c"]"#, table: "position", key: "k") == [#"a"b"#, "c"])
    }

    @Test("Damaged text names the row")
    func damagedListNamesTheRow() {
        #expect(throws: StoreError.self) { try JSONText.decodeList(#"["a""#, table: "position", key: "p/kepala-sekolah/1") }
    }
}
