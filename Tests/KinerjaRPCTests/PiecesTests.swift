import KinerjaRPC
import Testing

@testable import KinerjaRPCServer

/// Issue 14: a long answer is a bounded reply or a stream of bounded pieces (`more`).
@Suite("Answers in pieces")
struct PiecesTests {
    enum Numbers: VarlinkBoundedMethod {
        static let name = "id.kinerja.Test.Numbers"
        static let bounds = ParameterBounds(["count": .integer(0...100_000)])
        struct Parameters: Codable, Sendable { var count: Int }
        struct Result: Codable, Sendable { var numbers: [Int] }
        static let joinPieces: (@Sendable (inout Result, Result) -> Void)? = { $0.numbers += $1.numbers }
    }

    static func router(maxReplyBytes: Int) -> VarlinkRouter {
        var router = TestInterface.makeRouter()
        router.maxReplyBytes = maxReplyBytes
        router.registerPieces(Numbers.self) { parameters, context in
            .list(Array(0..<parameters.count), for: context) { slice, _ in Numbers.Result(numbers: Array(slice)) }
        }
        return router
    }

    static func numbers(_ reply: VarlinkReply) -> [Int] {
        guard case .array(let items)? = reply.parameters["numbers"] else { return [] }
        return items.compactMap { if case .int(let n) = $0 { return Int(n) } else { return nil } }
    }

    @Test("with more: pieces of 1,000, each continuing but the last, together the whole list")
    func streamedWithMore() async throws {
        let router = Self.router(maxReplyBytes: 16 << 20)
        let replies = try await handle(router, #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":2500},"more":true}"#).replies
        #expect(replies.map { Self.numbers($0).count } == [1000, 1000, 500])
        #expect(replies.map(\.continues) == [true, true, false])
        #expect(replies.flatMap(Self.numbers) == Array(0..<2500))
        let empty = try await handle(router, #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":0},"more":true}"#).replies
        #expect(empty.count == 1 && Self.numbers(empty[0]).isEmpty && !empty[0].continues, "an empty list is one reply")
    }

    @Test("without more: one reply while it stays within the bound, ExpectedMore beyond it")
    func singleReplyBounded() async throws {
        let router = Self.router(maxReplyBytes: 10_000)
        let small = try await handle(router, #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":2000}}"#).replies
        #expect(small.count == 1 && Self.numbers(small[0]) == Array(0..<2000), "8,890 bytes fit in one reply")
        let large = try await handle(router, #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":3000}}"#)
        #expect(large.replies.map(\.error) == ["org.varlink.service.ExpectedMore"])
        #expect(large.outcome == .keepOpen)
    }

    /// A list handed over as it is read, 1,000 numbers at a time (`registerList`).
    static func listRouter(maxReplyBytes: Int) -> VarlinkRouter {
        var router = TestInterface.makeRouter()
        router.maxReplyBytes = maxReplyBytes
        router.registerList(Numbers.self, key: "numbers", of: Int.self) { parameters, _, emit in
            for start in stride(from: 0, to: parameters.count, by: 1000) { try await emit(Array(start..<min(start + 1000, parameters.count))) }
        }
        return router
    }

    @Test("a list read in pieces: with more, a reply per piece and an empty last one; without, one reply within the bound, ExpectedMore beyond it")
    func listedInPieces() async throws {
        let streamed = try await handle(Self.listRouter(maxReplyBytes: 10_000), #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":2500},"more":true}"#).replies
        #expect(streamed.map { Self.numbers($0).count } == [1000, 1000, 500, 0])
        #expect(streamed.map(\.continues) == [true, true, true, false])
        #expect(streamed.flatMap(Self.numbers) == Array(0..<2500))
        let small = try await handle(Self.listRouter(maxReplyBytes: 10_000), #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":2000}}"#).replies
        #expect(small.count == 1 && Self.numbers(small[0]) == Array(0..<2000) && !small[0].continues)
        let large = try await handle(Self.listRouter(maxReplyBytes: 10_000), #"{"method":"id.kinerja.Test.Numbers","parameters":{"count":3000}}"#)
        #expect(large.replies.map(\.error) == ["org.varlink.service.ExpectedMore"])
        #expect(large.outcome == .keepOpen)
    }

    @Test("a client reads a whole answer over the socket: joined from its pieces, where a single reply is refused")
    func clientJoinsPieces() async throws {
        for router in [Self.router(maxReplyBytes: 10_000), Self.listRouter(maxReplyBytes: 10_000)] {
            let (server, path) = try await startServer(router: router)
            let (whole, single) = try await onThread { () -> ([Int], VarlinkClientError?) in
                let client = try VarlinkClient(path: path)
                let whole = try client.callWhole(Numbers.self, .init(count: 3000)).numbers
                do {
                    _ = try client.call(Numbers.self, .init(count: 3000))
                    return (whole, nil)
                } catch let error as VarlinkClientError {
                    return (whole, error)
                }
            }
            #expect(whole == Array(0..<3000))
            #expect(single == .remote(.expectedMore), "the same call without more is refused")
            await server.shutdown()
        }
    }
}
