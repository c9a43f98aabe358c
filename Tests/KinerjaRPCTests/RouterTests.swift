import Foundation
import KinerjaRPC
@testable import KinerjaRPCServer
import NIOCore
import NIOEmbedded
import Synchronization
import Testing

@Suite("Router", .timeLimit(.minutes(1)))
struct RouterTests {
    let router = TestInterface.makeRouter()

    private func single(_ json: String) async throws -> VarlinkReply {
        let (replies, outcome) = try await handle(router, json)
        #expect(outcome == .keepOpen)
        try #require(replies.count == 1)
        return replies[0]
    }

    @Test func typedCallSucceeds() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"ab","times":2}}"#)
        #expect(reply == VarlinkReply(parameters: ["pong": "abab"]))
    }

    @Test func referenceClientCallShapeIsAccepted() async throws {
        let reply = try await single(#"{"method": "id.kinerja.Test.Ping", "more": false, "parameters": {"message": "x", "times": null}}"#)
        #expect(reply.parameters == ["pong": "x"])
        #expect(reply.error == nil && !reply.continues)
    }

    @Test func unknownMethodOfKnownInterface() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Nope"}"#)
        #expect(reply.varlinkError == .methodNotFound("id.kinerja.Test.Nope"))
    }

    @Test func declaredButUnimplementedMethod() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Unimplemented","parameters":{}}"#)
        #expect(reply.varlinkError == .methodNotImplemented("id.kinerja.Test.Unimplemented"))
    }

    @Test func unknownInterface() async throws {
        let reply = try await single(#"{"method":"com.example.Other.Ping"}"#)
        #expect(reply.varlinkError == .interfaceNotFound("com.example.Other"))
        let service = try await single(#"{"method":"org.varlink.service.Nope"}"#)
        #expect(service.varlinkError == .methodNotFound("org.varlink.service.Nope"))
        let bare = try await single(#"{"method":"Ping"}"#)
        #expect(bare.varlinkError == .invalidParameter("method"))
    }

    @Test func unknownParameterField() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"x","colour":"red"}}"#)
        #expect(reply.varlinkError == .invalidParameter("colour"))
        let info = try await single(#"{"method":"org.varlink.service.GetInfo","parameters":{"verbose":true}}"#)
        #expect(info.varlinkError == .invalidParameter("verbose"))
    }

    @Test func missingAndMistypedParameters() async throws {
        let missing = try await single(#"{"method":"id.kinerja.Test.Ping"}"#)
        #expect(missing.varlinkError == .invalidParameter("message"))
        let mistyped = try await single(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"x","times":"2"}}"#)
        #expect(mistyped.varlinkError == .invalidParameter("times"))
        let description = try await single(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":1}}"#)
        #expect(description.varlinkError == .invalidParameter("interface"))
    }

    @Test func onewayGivesNoReplyButRunsTheMethod() async throws {
        let memory = TestInterface.Memory()
        let router = TestInterface.makeRouter(memory: memory)
        let ok = try await handle(router, #"{"method":"id.kinerja.Test.Remember","oneway":true,"parameters":{"value":"v1"}}"#)
        #expect(ok.replies.isEmpty && ok.outcome == .keepOpen)
        #expect(memory.snapshot == ["v1"])
        // Not even errors are answered.
        for json in [
            #"{"method":"id.kinerja.Test.Fail","oneway":true,"parameters":{"name":"n"}}"#,
            #"{"method":"id.kinerja.Test.Nope","oneway":true}"#,
            #"{"method":"nope.Nope","oneway":true}"#,
            #"{"method":"id.kinerja.Test.Remember","oneway":true,"parameters":{"bad":1}}"#,
            #"{"method":"id.kinerja.Test.Count","oneway":true,"parameters":{"upTo":3}}"#,
            #"{"method":"id.kinerja.Test.Boom","oneway":true}"#,
        ] {
            let result = try await handle(router, json)
            #expect(result.replies.isEmpty, "\(json)")
            #expect(result.outcome == .keepOpen)
        }
    }

    @Test func streamingRepliesContinueUntilTheLast() async throws {
        let (replies, outcome) = try await handle(router, #"{"method":"id.kinerja.Test.Count","more":true,"parameters":{"upTo":4}}"#)
        #expect(outcome == .keepOpen)
        #expect(replies == [
            VarlinkReply(parameters: ["value": 1], continues: true),
            VarlinkReply(parameters: ["value": 2], continues: true),
            VarlinkReply(parameters: ["value": 3], continues: true),
            VarlinkReply(parameters: ["value": 4]),
        ])
    }

    @Test func plainMethodCalledWithMoreRepliesOnce() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Ping","more":true,"parameters":{"message":"m"}}"#)
        #expect(reply == VarlinkReply(parameters: ["pong": "m"]))
    }

    @Test func streamingMethodWithoutMoreIsExpectedMore() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Count","parameters":{"upTo":4}}"#)
        #expect(reply.varlinkError == .expectedMore)
        #expect(reply.error == "org.varlink.service.ExpectedMore")
        #expect(!reply.continues)
    }

    @Test func getInfo() async throws {
        let reply = try await single(#"{"method":"org.varlink.service.GetInfo"}"#)
        let info = try JSONValue.object(reply.parameters).decode(as: VarlinkService.GetInfo.Result.self)
        #expect(info == .init(
            vendor: "Kinerja",
            product: "kinerja-test",
            version: "1.2.3",
            url: "https://example.invalid/kinerja",
            interfaces: ["org.varlink.service", "id.kinerja.Test"]
        ))
    }

    @Test func getInterfaceDescription() async throws {
        let own = try await single(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"id.kinerja.Test"}}"#)
        #expect(own.parameters["description"]?.stringValue == TestInterface.description)
        let service = try await single(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"org.varlink.service"}}"#)
        let text = try #require(service.parameters["description"]?.stringValue)
        #expect(text.contains("interface org.varlink.service"))
        #expect(text.contains("error ExpectedMore ()"))
        #expect(text.contains("error PermissionDenied ()"))
        let missing = try await single(#"{"method":"org.varlink.service.GetInterfaceDescription","parameters":{"interface":"x.Y"}}"#)
        #expect(missing.varlinkError == .interfaceNotFound("x.Y"))
    }

    @Test func handlerErrorsMapToReplies() async throws {
        let fail = try await single(#"{"method":"id.kinerja.Test.Fail","parameters":{"name":"n1"}}"#)
        #expect(fail.varlinkError == VarlinkError(name: "id.kinerja.Test.NotFound", parameters: ["name": "n1"]))
        let boom = try await single(#"{"method":"id.kinerja.Test.Boom"}"#)
        #expect(boom.varlinkError == VarlinkError(name: "id.kinerja.Test.InternalError"))

        let custom = TestInterface.makeRouter(errorMapper: { error, context in
            VarlinkError(name: "id.kinerja.Test.Mapped", parameters: ["method": .string(context.method), "type": .string("\(type(of: error))")])
        })
        let mapped = try await handle(custom, #"{"method":"id.kinerja.Test.Boom"}"#)
        #expect(mapped.replies.first?.varlinkError == VarlinkError(
            name: "id.kinerja.Test.Mapped",
            parameters: ["method": "id.kinerja.Test.Boom", "type": "Unexpected"]
        ))
    }

    @Test func upgradeIsRefused() async throws {
        let reply = try await single(#"{"method":"id.kinerja.Test.Ping","upgrade":true,"parameters":{"message":"x"}}"#)
        #expect(reply.varlinkError == .invalidParameter("upgrade"))
    }

    @Test func protocolViolationsAnswerThenClose() async throws {
        for json in ["not json", "[1]", #"{"parameters":{}}"#, #"{"method":"a.B","more":true,"oneway":true}"#, String(repeating: "{", count: 100_000)] {
            let (replies, outcome) = try await handle(router, json)
            #expect(outcome == .closeConnection, "\(json.prefix(40))")
            #expect(replies.count == 1)
            #expect(replies.first?.error == "org.varlink.service.InvalidParameter")
        }
    }

    /// A repeating answer reuses the reply of an equal result and never sends a stale one.
    @Test func repeatingAnswersFollowTheResult() throws {
        var router = TestInterface.makeRouter()
        let pong = Mutex("a")
        router.register(
            TestInterface.Ping.self,
            answerNowRepeating: { _, _ in .init(pong: pong.withLock { $0 }) },
            otherwise: { _, _ in .init(pong: "task") })
        func reply() throws -> VarlinkReply? {
            let frame = ByteBuffer(string: #"{"method":"id.kinerja.Test.Ping","parameters":{"message":"x"}}"#)
            guard case .answered(let bytes?, _) = router.answerNow(frame: frame, peer: .unknown, logger: quietLogger) else {
                throw TestFailure("no immediate reply")
            }
            return try decodeReply(ByteBuffer(bytes: bytes))
        }
        #expect(try reply() == VarlinkReply(parameters: ["pong": "a"]))
        #expect(try reply() == VarlinkReply(parameters: ["pong": "a"]))
        pong.withLock { $0 = "b" }
        #expect(try reply() == VarlinkReply(parameters: ["pong": "b"]))
        pong.withLock { $0 = "a" }
        #expect(try reply() == VarlinkReply(parameters: ["pong": "a"]))
    }

    /// What the server answers without a task, and what it leaves to one: the same replies
    /// and outcomes as `handle`, decided on the spot.
    @Test func immediateAnswersAndWhatNeedsATask() async throws {
        var router = TestInterface.makeRouter()
        router.register(
            TestInterface.Ping.self,
            answerNow: { p, _ in p.message == "later" ? nil : .init(pong: "now \(p.message)") },
            otherwise: { p, _ in .init(pong: "task \(p.message)") })
        func answer(_ json: String) -> VarlinkRouter.ImmediateOutcome {
            router.answerNow(frame: ByteBuffer(string: json), peer: .unknown, logger: quietLogger)
        }
        func reply(_ json: String) throws -> (VarlinkReply?, VarlinkCallOutcome) {
            guard case .answered(let bytes, let outcome) = answer(json) else { throw TestFailure("\(json) needed a task") }
            return (try bytes.map { try decodeReply(ByteBuffer(bytes: $0)) }, outcome)
        }

        let now = try reply(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"a"}}"#)
        #expect(now.0 == VarlinkReply(parameters: ["pong": "now a"]) && now.1 == .keepOpen)
        let info = try reply(#"{"method":"org.varlink.service.GetInfo"}"#)
        #expect(info.0?.parameters["product"] == "kinerja-test")
        let silent = try reply(#"{"method":"id.kinerja.Test.Ping","oneway":true,"parameters":{"message":"a"}}"#)
        #expect(silent.0 == nil && silent.1 == .keepOpen)
        let unknown = try reply(#"{"method":"id.kinerja.Test.Nope"}"#)
        #expect(unknown.0?.varlinkError == .methodNotFound("id.kinerja.Test.Nope") && unknown.1 == .keepOpen)
        let refused = try reply(#"{"method":"id.kinerja.Test.Fail","parameters":{"name":"x"}}"#)
        #expect(refused.0?.error == "id.kinerja.Test.NotFound" && refused.1 == .keepOpen)
        let broken = try reply("{not json}")
        #expect(broken.0?.varlinkError == .invalidParameter("message") && broken.1 == .closeConnection)
        let conflicting = try reply(#"{"method":"id.kinerja.Test.Ping","oneway":true,"more":true,"parameters":{"message":"a"}}"#)
        #expect(conflicting.0?.varlinkError == .invalidParameter("more") && conflicting.1 == .closeConnection)

        guard case .needsTask(let later) = answer(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"later"}}"#) else {
            Issue.record("no immediate answer should leave the call to a task")
            return
        }
        let collector = ReplyCollector()
        #expect(await router.handle(call: later, peer: .unknown, logger: quietLogger, output: collector.output) == .keepOpen)
        #expect(try collector.replies == [VarlinkReply(parameters: ["pong": "task later"])])
        guard case .needsTask = answer(#"{"method":"id.kinerja.Test.Slow","parameters":{"milliseconds":1,"tag":"t"}}"#) else {
            Issue.record("an async handler should run in a task")
            return
        }
    }

    @Test func streamWriterStopsWhenCancelled() async throws {
        var router = VarlinkRouter(vendor: "v", product: "p", version: "1", url: "u")
        router.registerStream(TestInterface.Count.self) { _, _, writer in
            var value = 0
            while true {
                value += 1
                try await writer.send(.init(value: value))
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let collector = ReplyCollector()
        let router2 = router
        let task = Task {
            await router2.handle(
                frame: ByteBuffer(string: #"{"method":"id.kinerja.Test.Count","more":true,"parameters":{"upTo":0}}"#),
                peer: .unknown,
                logger: quietLogger,
                output: collector.output
            )
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        #expect(await task.value == .closeConnection)
        let replies = try collector.replies
        #expect(!replies.isEmpty)
        #expect(replies.allSatisfy { $0.continues })
    }
}

/// The connection handler with the full pipeline on an `NIOAsyncTestingChannel`.
@Suite("Connection handler", .timeLimit(.minutes(1)))
struct ConnectionHandlerTests {
    private func makeChannel(
        router: VarlinkRouter = TestInterface.makeRouter(),
        idleTimeout: TimeAmount? = nil,
        maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize
    ) async throws -> NIOAsyncTestingChannel {
        let channel = try await NIOAsyncTestingChannel { channel in
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(VarlinkFrameDecoder(maxFrameSize: maxFrameSize)))
            try channel.pipeline.syncOperations.addHandler(
                VarlinkConnectionHandler(
                    router: router,
                    peer: .unknown,
                    configuration: .init(idleTimeout: idleTimeout, maxQueuedCalls: 16, outputBudget: OutputBudget(limit: 256 << 20)),
                    logger: quietLogger
                )
            )
        }
        try await channel.connect(to: SocketAddress(unixDomainSocketPath: "/tmp/unused.sock")).get()
        return channel
    }

    private func nextReply(_ channel: NIOAsyncTestingChannel) async throws -> VarlinkReply {
        try decodeReply(try await channel.waitForOutboundWrite(as: ByteBuffer.self))
    }

    @Test func pipelinedCallsAreAnsweredInOrder() async throws {
        let channel = try await makeChannel()
        var bytes: [UInt8] = []
        bytes += frame(#"{"method":"id.kinerja.Test.Slow","parameters":{"milliseconds":80,"tag":"first"}}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"second"}}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Remember","oneway":true,"parameters":{"value":"silent"}}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Slow","parameters":{"milliseconds":30,"tag":"third"}}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Count","more":true,"parameters":{"upTo":2}}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Nope"}"#)
        bytes += frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"last"}}"#)
        try await channel.writeInbound(ByteBuffer(bytes: bytes))

        var replies: [VarlinkReply] = []
        for _ in 0..<7 {
            replies.append(try await nextReply(channel))
        }
        #expect(replies == [
            VarlinkReply(parameters: ["tag": "first"]),
            VarlinkReply(parameters: ["pong": "second"]),
            VarlinkReply(parameters: ["tag": "third"]),
            VarlinkReply(parameters: ["value": 1], continues: true),
            VarlinkReply(parameters: ["value": 2]),
            VarlinkReply(error: .methodNotFound("id.kinerja.Test.Nope")),
            VarlinkReply(parameters: ["pong": "last"]),
        ])
        #expect(channel.isActive)
        _ = try await channel.finish(acceptAlreadyClosed: true)
    }

    @Test func oversizedMessageGetsErrorReplyThenClose() async throws {
        let channel = try await makeChannel(maxFrameSize: 64)
        let call = frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"ok"}}"#)
        try await channel.writeInbound(ByteBuffer(bytes: call + [UInt8](repeating: UInt8(ascii: " "), count: 100)))
        #expect(try await nextReply(channel) == VarlinkReply(parameters: ["pong": "ok"]))
        #expect(try await nextReply(channel).varlinkError == .invalidParameter("message"))
        try await channel.closeFuture.get()
    }

    @Test(arguments: [
        [0xFF, 0xFE, 0x00],
        Array("{not json}".utf8) + [0],
        Array("[]".utf8) + [0],
        Array(String(repeating: "[", count: 100_000).utf8) + [0],
    ] as [[UInt8]])
    func garbledMessageGetsErrorReplyThenClose(bytes: [UInt8]) async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(ByteBuffer(bytes: bytes + frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"never"}}"#)))
        #expect(try await nextReply(channel).varlinkError == .invalidParameter("message"))
        try await channel.closeFuture.get()
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil)
    }

    @Test func idleConnectionIsClosed() async throws {
        let channel = try await makeChannel(idleTimeout: .seconds(10))
        await channel.testingEventLoop.advanceTime(by: .seconds(5))
        // A partial message does not count as activity.
        try await channel.writeInbound(ByteBuffer(string: #"{"method":"#))
        await channel.testingEventLoop.advanceTime(by: .seconds(4))
        #expect(channel.isActive)
        await channel.testingEventLoop.advanceTime(by: .seconds(2))
        try await channel.closeFuture.get()
    }

    @Test func completeMessagesResetTheIdleTimer() async throws {
        let channel = try await makeChannel(idleTimeout: .seconds(10))
        for _ in 0..<3 {
            await channel.testingEventLoop.advanceTime(by: .seconds(8))
            try await channel.writeInbound(ByteBuffer(bytes: frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"x"}}"#)))
            _ = try await nextReply(channel)
        }
        #expect(channel.isActive)
        // The timer is re-armed on the event loop once the last call's task has finished, which
        // may happen just after its reply was written: keep advancing until it fires.
        for _ in 0..<200 where channel.isActive {
            await channel.testingEventLoop.advanceTime(by: .seconds(11))
            try await Task.sleep(for: .milliseconds(10))
        }
        try await channel.closeFuture.get()
    }

    @Test func halfClosedInputIsAnsweredThenClosed() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(ByteBuffer(bytes: frame(#"{"method":"id.kinerja.Test.Slow","parameters":{"milliseconds":20,"tag":"t"}}"#)))
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(try await nextReply(channel) == VarlinkReply(parameters: ["tag": "t"]))
        try await channel.closeFuture.get()
    }

    @Test func drainLetsTheRunningCallFinish() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(ByteBuffer(bytes:
            frame(#"{"method":"id.kinerja.Test.Slow","parameters":{"milliseconds":50,"tag":"a"}}"#)
            + frame(#"{"method":"id.kinerja.Test.Ping","parameters":{"message":"dropped"}}"#)))
        channel.pipeline.fireUserInboundEventTriggered(VarlinkConnectionHandler.DrainRequest())
        #expect(try await nextReply(channel) == VarlinkReply(parameters: ["tag": "a"]))
        try await channel.closeFuture.get()
        #expect(try await channel.readOutbound(as: ByteBuffer.self) == nil)
    }
}
