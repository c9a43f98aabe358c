import Foundation
import KinerjaRPC
import KinerjaSampleData
@testable import KinerjaRPCServer
import NIOCore
import NIOEmbedded
import Testing

@Suite("Framing", .timeLimit(.minutes(1)))
struct FramingTests {
    // MARK: Pure splitter

    @Test func splitterHandlesArbitraryChunkBoundaries() throws {
        let messages = [#"{"method":"a.B"}"#, #"{"method":"c.D","parameters":{"x":"\u0000"}}"#, "{}", #"{"x":[1,2,3]}"#]
        let stream = messages.flatMap { frame($0) }
        var generator = SplitMix64(seed: 42)
        for _ in 0..<200 {
            var splitter = VarlinkFrameSplitter()
            var received: [String] = []
            var index = 0
            while index < stream.count {
                let length = Int.random(in: 1...7, using: &generator)
                let end = min(stream.count, index + length)
                splitter.append(contentsOf: stream[index..<end])
                index = end
                while let frame = try splitter.nextFrame() {
                    received.append(String(decoding: frame, as: UTF8.self))
                }
            }
            #expect(received == messages)
            #expect(splitter.bufferedByteCount == 0)
        }
    }

    @Test func splitterAcceptsExactlyTheMaximumAndRejectsMore() throws {
        let limit = VarlinkFraming.defaultMaxFrameSize
        var exact = VarlinkFrameSplitter()
        exact.append(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: limit) + [0])
        #expect(try exact.nextFrame()?.count == limit)

        var over = VarlinkFrameSplitter()
        over.append(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: limit + 1) + [0])
        #expect(throws: VarlinkFramingError.frameTooLarge(limit: limit)) { try over.nextFrame() }

        // Rejected as soon as the limit is passed, before any terminator arrives.
        var early = VarlinkFrameSplitter(maxFrameSize: 10)
        early.append(contentsOf: [UInt8](repeating: 1, count: 10))
        #expect(try early.nextFrame() == nil)
        early.append(contentsOf: [1])
        #expect(throws: VarlinkFramingError.frameTooLarge(limit: 10)) { try early.nextFrame() }
    }

    @Test func scanResumesFromScannedOffset() {
        let bytes: [UInt8] = [1, 2, 3, 0, 5]
        bytes.withUnsafeBytes { raw in
            #expect(VarlinkFraming.scan(UnsafeRawBufferPointer(rebasing: raw[0..<3]), maxFrameSize: 100) == .incomplete(scanned: 3))
            #expect(VarlinkFraming.scan(raw, from: 3, maxFrameSize: 100) == .frame(length: 3))
            #expect(VarlinkFraming.scan(raw, maxFrameSize: 2) == .tooLarge)
            #expect(VarlinkFraming.scan(raw, maxFrameSize: 3) == .frame(length: 3))
        }
    }

    @Test func encodedMessagesEndWithOneNul() throws {
        let bytes = try VarlinkFraming.encode(VarlinkCall(method: "a.B", parameters: ["s": "x\u{0}y"]))
        #expect(bytes.last == 0)
        #expect(bytes.dropLast().contains(0) == false)
        let call = try VarlinkFraming.decodeCall(Array(bytes.dropLast()))
        #expect(call.parameters["s"] == "x\u{0}y")
    }

    // MARK: Call decoding

    @Test func decodeCallAcceptsReferenceClientShapes() throws {
        let python = try VarlinkFraming.decodeCall(Array(#"{"method": "a.B", "more": false, "parameters": {}}"#.utf8))
        #expect(python == VarlinkCall(method: "a.B"))
        let nullParameters = try VarlinkFraming.decodeCall(Array(#"{"method":"a.B","parameters":null,"oneway":null,"extra":1}"#.utf8))
        #expect(nullParameters == VarlinkCall(method: "a.B"))
        let stream = try VarlinkFraming.decodeCall(Array(#"{"method":"a.B","more":true,"parameters":{"x":1}}"#.utf8))
        #expect(stream.more && stream.parameters == ["x": 1])
    }

    @Test(arguments: [
        ([0xFF, 0xFE], "message"),
        (Array(#"{"method":"a.B""#.utf8), "message"),
        (Array("[1,2]".utf8), "message"),
        (Array("\"text\"".utf8), "message"),
        (Array("".utf8), "message"),
        (Array(String(repeating: "[", count: 100_000).utf8), "message"),
        (Array(#"{"method":"a.B","parameters":{"a":"#.utf8) + Array(String(repeating: "{\"a\":", count: 70).utf8) + Array("1" .utf8) + Array(String(repeating: "}", count: 72).utf8), "message"),
        (Array(#"{"parameters":{}}"#.utf8), "method"),
        (Array(#"{"method":5}"#.utf8), "method"),
        (Array(#"{"method":"a.B","parameters":[1]}"#.utf8), "parameters"),
        (Array(#"{"method":"a.B","more":"yes"}"#.utf8), "more"),
        (Array(#"{"method":"a.B","more":true,"oneway":true}"#.utf8), "more"),
        (Array(#"{"method":"a.B","oneway":true,"upgrade":true}"#.utf8), "upgrade"),
        ([UInt8](#"{"method":"a.B","parameters":{"s":""#.utf8) + [0xC3, 0x28] + [UInt8](#""}}"#.utf8), "parameters"),
    ] as [([UInt8], String)])
    func decodeCallRejectsProtocolViolations(bytes: [UInt8], field: String) {
        #expect(throws: VarlinkError.invalidParameter(field)) { try VarlinkFraming.decodeCall(bytes) }
    }

    // MARK: NIO decoder on EmbeddedChannel

    private func makeChannel(maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maxFrameSize: maxFrameSize)))
        return channel
    }

    private func readFrames(_ channel: EmbeddedChannel) throws -> [VarlinkInboundFrame] {
        var frames: [VarlinkInboundFrame] = []
        while let frame = try channel.readInbound(as: VarlinkInboundFrame.self) {
            frames.append(frame)
        }
        return frames
    }

    private func messageStrings(_ frames: [VarlinkInboundFrame]) -> [String] {
        frames.compactMap {
            if case .message(let buffer) = $0 { return String(buffer: buffer) }
            return nil
        }
    }

    @Test func decoderSplitsAcrossChunkBoundaries() throws {
        let messages = [#"{"method":"a.B"}"#, "{}", String(repeating: "x", count: 5000), #"{"é":"ü"}"#]
        let stream = messages.flatMap { frame($0) }
        var generator = SplitMix64(seed: 7)
        for round in 0..<50 {
            let channel = try makeChannel()
            var received: [VarlinkInboundFrame] = []
            var index = 0
            while index < stream.count {
                let length = round == 0 ? 1 : Int.random(in: 1...900, using: &generator)
                let end = min(stream.count, index + length)
                try channel.writeInbound(ByteBuffer(bytes: stream[index..<end]))
                received += try readFrames(channel)
                index = end
            }
            #expect(messageStrings(received) == messages)
            _ = try channel.finish()
        }
    }

    @Test func decoderEmitsSeveralFramesFromOneBuffer() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: frame("{}") + frame("{\"a\":1}") + frame("[]") + Array("{\"partial\"".utf8)))
        #expect(messageStrings(try readFrames(channel)) == ["{}", "{\"a\":1}", "[]"])
        // A partial message at EOF is dropped.
        _ = try channel.finish()
    }

    @Test func decoderAcceptsExactlyOneMebibyte() throws {
        let channel = try makeChannel()
        let payload = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        try channel.writeInbound(ByteBuffer(bytes: payload + [0]))
        let frames = try readFrames(channel)
        #expect(frames.count == 1)
        if case .message(let buffer)? = frames.first {
            #expect(buffer.readableBytes == 1 << 20)
        } else {
            Issue.record("expected a message")
        }
        _ = try channel.finish()
    }

    @Test func decoderReportsOversizedFrameAndDiscardsTheRest() throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: frame("{}")))
        // 1 MiB + 1 without terminator, arriving in pieces: reported once the limit is passed.
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
        for _ in 0..<4 {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
        }
        let beforeLimit = try readFrames(channel)
        #expect(messageStrings(beforeLimit) == ["{}"])
        #expect(beforeLimit.count == 1)
        try channel.writeInbound(ByteBuffer(bytes: [UInt8(ascii: "a")]))
        #expect(try readFrames(channel) == [.oversized(limit: 1 << 20)])
        // Everything after it is discarded, including complete messages.
        try channel.writeInbound(ByteBuffer(bytes: frame("{}") + frame("{}")))
        #expect(try readFrames(channel).isEmpty)
        _ = try channel.finish()
    }

    @Test func decoderHandlesOversizedFrameWithTerminatorInSameBuffer() throws {
        let channel = try makeChannel(maxFrameSize: 16)
        try channel.writeInbound(ByteBuffer(bytes: frame(String(repeating: "b", count: 16)) + frame(String(repeating: "c", count: 17)) + frame("{}")))
        let frames = try readFrames(channel)
        #expect(messageStrings(frames) == [String(repeating: "b", count: 16)])
        #expect(frames.last == .oversized(limit: 16))
        _ = try channel.finish()
    }
}

@Suite("JSON and parameters", .timeLimit(.minutes(1)))
struct ParameterTests {
    struct Sample: Codable, Sendable, Equatable {
        struct Inner: Codable, Sendable, Equatable {
            var a: Int
            var b: String?
        }
        var name: String
        var count: Int?
        var inner: Inner?
        var list: [Inner]?
        var free: JSONValue?
    }

    @Test func jsonValueRoundTrip() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", true, nil], "b": ["c": -9_000_000_000]]
        let decoded = try JSONValue(parsing: value.jsonString())
        #expect(decoded == value)
        #expect(decoded["a"]?[1]?.doubleValue == 2.5)
        #expect(decoded["b"]?["c"]?.intValue == -9_000_000_000)
        #expect(decoded["a"]?[0]?.doubleValue == 1)
        #expect(decoded["missing"] == nil)
        #expect(try JSONValue(encoding: Sample(name: "n")).objectValue?["name"] == "n")
        #expect(try JSONValue.object(["name": "z"]).decode(as: Sample.self) == Sample(name: "z"))
    }

    @Test func decodesKnownFieldsAndAcceptsNullOptionals() throws {
        let parameters: [String: JSONValue] = [
            "name": "x", "count": nil, "inner": ["a": 1, "b": nil], "list": [["a": 2]], "free": ["anything": [1]],
        ]
        let sample = try VarlinkParameters.decode(Sample.self, from: parameters)
        #expect(sample == Sample(name: "x", inner: .init(a: 1), list: [.init(a: 2)], free: ["anything": [1]]))
    }

    @Test(arguments: [
        (["name": "x", "bogus": 1], "bogus"),
        (["name": "x", "inner": ["a": 1, "nested": true]], "inner"),
        (["name": "x", "list": [["a": 1], ["a": 2, "z": 0]]], "list"),
        (["count": 1], "name"),
        (["name": 5], "name"),
        (["name": "x", "count": "many"], "count"),
        (["name": "x", "inner": ["a": "one"]], "inner"),
        (["name": "x", "list": [["a": 1], 3]], "list"),
    ] as [([String: JSONValue], String)])
    func rejectsUnknownMissingAndMistypedFields(parameters: [String: JSONValue], field: String) {
        #expect(throws: VarlinkError.invalidParameter(field)) {
            try VarlinkParameters.decode(Sample.self, from: parameters)
        }
    }

    @Test func emptyParametersRejectAnyField() throws {
        _ = try VarlinkParameters.decode(Empty.self, from: [:])
        _ = try VarlinkParameters.decode(Empty.self, from: ["ignored": nil])
        #expect(throws: VarlinkError.invalidParameter("x")) { try VarlinkParameters.decode(Empty.self, from: ["x": 1]) }
    }

    @Test func idlInspection() {
        #expect(VarlinkIDL.interfaceName(in: TestInterface.description) == "id.kinerja.Test")
        #expect(VarlinkIDL.interfaceName(in: VarlinkService.interfaceDescription) == "org.varlink.service")
        #expect(VarlinkIDL.methodNames(in: TestInterface.description) == ["Ping", "Count", "Slow", "Fail", "Boom", "Unimplemented", "Remember"])
    }
}
