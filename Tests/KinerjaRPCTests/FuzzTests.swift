import Foundation
import KinerjaRPC
import KinerjaSampleData
@testable import KinerjaRPCServer
import NIOCore
import NIOEmbedded
import Testing

/// Seeded random input must never crash the splitter, the decoder, the router or a connection,
/// and whatever is written back must be well-formed replies.
@Suite("Fuzz", .timeLimit(.minutes(1)))
struct FuzzTests {
    static let validCalls = [
        #"{"method":"id.kinerja.Test.Ping","parameters":{"message":"abc","times":2}}"#,
        #"{"method":"id.kinerja.Test.Count","more":true,"parameters":{"upTo":3}}"#,
        #"{"method":"org.varlink.service.GetInfo","parameters":{}}"#,
        #"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"id.kinerja.Test"}}"#,
        #"{"method":"id.kinerja.Test.Remember","oneway":true,"parameters":{"value":"v"}}"#,
    ]

    static let tokens: [String] = [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\"method\"", "\"parameters\"", "\"more\"", "\"oneway\"",
        "\"upgrade\"", "\"id.kinerja.Test.Ping\"", "\"id.kinerja.Test.Count\"", "\"message\"", "\"upTo\"",
        "true", "false", "null", "0", "-1", "1e999", "3.5", "\"\\u0000\"", "\u{0}", " ", "\"é\"",
    ]

    static func randomInput(using generator: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            let count = Int.random(in: 0...300, using: &generator)
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        case 1:
            let count = Int.random(in: 0...80, using: &generator)
            return Array((0..<count).map { _ in tokens.randomElement(using: &generator)! }.joined().utf8)
        case 2:
            var bytes = Array(validCalls.randomElement(using: &generator)!.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.insert(contentsOf: Array(tokens.randomElement(using: &generator)!.utf8), at: index)
                }
            }
            return bytes + [0]
        default:
            return validCalls.shuffled(using: &generator).prefix(2).flatMap { frame($0) }
        }
    }

    @Test func splitterAndCallDecoderNeverCrash() throws {
        var generator = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<3000 {
            let input = Self.randomInput(using: &generator)
            var splitter = VarlinkFrameSplitter(maxFrameSize: 256)
            splitter.append(contentsOf: input)
            do {
                while let frame = try splitter.nextFrame() {
                    #expect(frame.count <= 256)
                    #expect(!frame.contains(0))
                    _ = try? VarlinkFraming.decodeCall(frame)
                }
            } catch VarlinkFramingError.frameTooLarge {
                // expected for long inputs without NUL
            }
            _ = try? VarlinkFraming.decodeCall(input)
            _ = try? JSONValue(parsing: input)
        }
    }

    @Test func routerNeverCrashesAndAlwaysAnswersWellFormed() async throws {
        let router = TestInterface.makeRouter()
        var generator = SplitMix64(seed: 1234)
        for _ in 0..<1500 {
            let input = Self.randomInput(using: &generator)
            let frameBytes = input.split(separator: 0, omittingEmptySubsequences: false).first ?? []
            let collector = ReplyCollector()
            _ = await router.handle(
                frame: ByteBuffer(bytes: frameBytes),
                peer: .unknown,
                logger: quietLogger,
                output: collector.output
            )
            for reply in collector.rawReplies {
                _ = try decodeReply(reply)
            }
        }
    }

    @Test func connectionsSurviveRandomByteStreams() async throws {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<150 {
            let channel = try await Self.connection(maxFrameSize: 512)
            var stream: [UInt8] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                stream += Self.randomInput(using: &generator)
            }
            var index = 0
            while index < stream.count {
                let end = min(stream.count, index + Int.random(in: 1...200, using: &generator))
                try await channel.writeInbound(ByteBuffer(bytes: stream[index..<end]))
                index = end
            }
            _ = try await Self.closeAndCollect(channel)
        }
    }

    // MARK: Truncated, huge, deeply nested

    static let invalidParameter = "org.varlink.service.InvalidParameter"

    /// Every strict prefix of a valid call: as a frame of its own, refused with one
    /// InvalidParameter reply; cut off by the end of the stream, dropped without a reply.
    @Test func truncatedCallsAreRefusedOrDropped() async throws {
        let router = TestInterface.makeRouter()
        for call in Self.validCalls {
            let bytes = Array(call.utf8)
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                #expect(throws: VarlinkError.self, "\(length) bytes of \(call)") { try VarlinkFraming.decodeCall(prefix) }
                let collector = ReplyCollector()
                _ = await router.handle(frame: ByteBuffer(bytes: prefix), peer: .unknown, logger: quietLogger, output: collector.output)
                #expect(try collector.replies.map(\.error) == [Self.invalidParameter], "\(length) bytes of \(call)")
            }
            for length in 1..<bytes.count {
                let channel = try await Self.connection(maxFrameSize: 512)
                try await channel.writeInbound(ByteBuffer(bytes: bytes[..<length]))
                #expect(try await Self.closeAndCollect(channel).isEmpty, "\(length) bytes of \(call), then the end")
            }
        }
    }

    /// Strings up to the frame limit come back whole, escapes expanded; a lone surrogate is
    /// refused; one byte over the limit is refused and the connection closed.
    @Test func hugeStringsAreAnsweredWholeOrRefused() async throws {
        let router = TestInterface.makeRouter()
        let limit = VarlinkFraming.defaultMaxFrameSize
        func ping(_ message: String) -> String { #"{"method":"id.kinerja.Test.Ping","parameters":{"message":"\#(message)"}}"# }
        let message = String(repeating: "a", count: limit - ping("").utf8.count)
        #expect(ping(message).utf8.count == limit)
        let whole = try await handle(router, ping(message)).replies
        #expect(whole.count == 1 && whole.first?.parameters["pong"] == .string(message), "a \(limit)-byte call is answered")

        let escaped = try await handle(router, ping(String(repeating: #"\u00e9\ud83d\ude00\n\""#, count: 40_000))).replies
        #expect(escaped.first?.parameters["pong"] == .string(String(repeating: "é😀\n\"", count: 40_000)))

        let surrogate = try await handle(router, ping(String(repeating: "x", count: 500_000) + #"\ud800"#)).replies
        #expect(surrogate.map(\.error) == [Self.invalidParameter], "\(surrogate.map(\.error))")

        let channel = try await Self.connection(maxFrameSize: limit)
        try await channel.writeInbound(ByteBuffer(bytes: Array(ping(message + "a").utf8) + [0]))
        #expect(try await Self.closeAndCollect(channel).map(\.error) == [Self.invalidParameter])
    }

    /// Nesting deeper than the limit is refused before JSON decoding (which recurses), however
    /// deep; brackets inside strings do not count.
    @Test func deepNestingIsRefusedBeforeDecoding() async throws {
        let router = TestInterface.makeRouter()
        let limit = VarlinkFraming.defaultMaxNestingDepth
        // The call object and its parameters are two levels; `extra` is an unknown parameter.
        func call(arrays: Int) -> String {
            #"{"method":"id.kinerja.Test.Ping","parameters":{"message":"x","extra":"#
                + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}}"
        }
        for arrays in [limit - 2, limit - 1, 1_000, 400_000] {
            let tooDeep = arrays + 2 > limit
            let decoded = Result { () throws(VarlinkError) in try VarlinkFraming.decodeCall(Array(call(arrays: arrays).utf8)) }
            if tooDeep {
                #expect(throws: VarlinkError.invalidParameter("message"), "\(arrays) arrays") { try decoded.get() }
            } else {
                #expect(throws: Never.self, "\(arrays) arrays") { try decoded.get() }
            }
            let replies = try await handle(router, call(arrays: arrays)).replies
            #expect(replies.map(\.error) == [Self.invalidParameter], "\(arrays) arrays")
            // Too deep: refused as a whole message; within the limit: the unknown parameter is named.
            #expect(replies.first?.parameters["parameter"] == .string(tooDeep ? "message" : "extra"), "\(arrays) arrays: \(replies)")
        }
        let brackets = String(repeating: "[{", count: 100_000)
        let echoed = try await handle(router, #"{"method":"id.kinerja.Test.Ping","parameters":{"message":"\#(brackets)"}}"#).replies
        #expect(echoed.first?.parameters["pong"] == .string(brackets))

        // JSONValue(parsing:) has its own depth limit (512, as JSONDecoder): it must fail, not overflow the stack.
        let deep = String(repeating: "[", count: 400_000) + String(repeating: "]", count: 400_000)
        #expect(throws: (any Error).self) { try JSONValue(parsing: deep) }
    }

    /// A connection as the server sets it up, on an in-memory channel.
    static func connection(maxFrameSize: Int) async throws -> NIOAsyncTestingChannel {
        let channel = try await NIOAsyncTestingChannel { channel in
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maxFrameSize: maxFrameSize)))
            try channel.pipeline.syncOperations.addHandler(
                VarlinkConnectionHandler(
                    router: TestInterface.makeRouter(),
                    peer: .unknown,
                    configuration: .init(idleTimeout: nil, maxQueuedCalls: 8, outputBudget: OutputBudget(limit: 256 << 20)),
                    logger: quietLogger
                )
            )
        }
        try await channel.connect(to: SocketAddress(unixDomainSocketPath: "/tmp/unused.sock")).get()
        return channel
    }

    /// Ends the client's side, waits for the server to close, and decodes every reply it
    /// wrote (throwing on a malformed one).
    static func closeAndCollect(_ channel: NIOAsyncTestingChannel) async throws -> [VarlinkReply] {
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        try await channel.closeFuture.get()
        var replies: [VarlinkReply] = []
        while let reply = try await channel.readOutbound(as: ByteBuffer.self) {
            replies.append(try decodeReply(reply))
        }
        return replies
    }
}
