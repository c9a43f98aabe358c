import Foundation
import KinerjaRPC
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

    static func randomInput(using generator: inout SeededGenerator) -> [UInt8] {
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
        var generator = SeededGenerator(seed: 0xC0FFEE)
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
        var generator = SeededGenerator(seed: 1234)
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
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<150 {
            let channel = try await NIOAsyncTestingChannel { channel in
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maxFrameSize: 512)))
                try channel.pipeline.syncOperations.addHandler(
                    VarlinkConnectionHandler(
                        router: TestInterface.makeRouter(),
                        peer: .unknown,
                        configuration: .init(idleTimeout: nil, maxQueuedCalls: 8),
                        logger: quietLogger
                    )
                )
            }
            try await channel.connect(to: SocketAddress(unixDomainSocketPath: "/tmp/unused.sock")).get()
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
            channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
            try await channel.closeFuture.get()
            while let reply = try await channel.readOutbound(as: ByteBuffer.self) {
                _ = try decodeReply(reply)
            }
        }
    }
}
