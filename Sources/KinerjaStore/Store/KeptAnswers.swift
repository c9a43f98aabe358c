import Synchronization

/// Answers to one kind of read, kept until a write changes what they read. An office asks
/// the same questions (the overdue list, the report, the week's reminders) many times
/// between two imports, and reading and decoding the same rows again was about half of
/// each answer.
///
/// An answer is tied to a generation the store moves at every write of the tables it
/// reads (see `WriteEffects`): a newer generation drops the kept answers, unless the
/// write's effect was patched into them (`advance(to:patch:)`). Another process's writes
/// are not seen (kinerjad is the store's only writer). Bounded: at most `maxQuestions`
/// answers, and no answer of more than `maxRows` elements, so a whole country's plans are
/// read anew rather than held twice.
final class KeptAnswers<Question: Hashable & Sendable, Answer: Collection & Sendable>: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var answers: [Question: Answer] = [:]
    }

    let maxQuestions: Int
    let maxRows: Int
    private let state = Mutex(State())

    init(maxQuestions: Int = 16, maxRows: Int = 20_000) {
        self.maxQuestions = maxQuestions
        self.maxRows = maxRows
    }

    /// The kept answer to `question` if it was read at `generation`, else `read()`'s, kept.
    /// `generation` must be taken before reading, so that a write committed meanwhile makes
    /// the answer stale rather than kept as current.
    func answer(to question: Question, generation: UInt64, read: () throws -> Answer) rethrows -> Answer {
        if let kept = kept(question, generation: generation) { return kept }
        let answer = try read()
        guard answer.count <= maxRows else { return answer }
        state.withLock { state in
            if generation > state.generation {
                state = State(generation: generation)
            }
            guard generation == state.generation else { return }
            if state.answers.count >= maxQuestions { state.answers.removeAll() }
            state.answers[question] = answer
        }
        return answer
    }

    /// The answer to `question` kept at `generation`, without reading it when there is none.
    func kept(_ question: Question, generation: UInt64) -> Answer? {
        state.withLock { $0.generation == generation ? $0.answers[question] : nil }
    }

    /// Moves the kept answers to `generation`, the one right after a committed write, by
    /// applying that write to each with `patch` (which returns false for an answer it
    /// cannot patch, dropping it). Answers of an older generation are dropped, as are all
    /// when there is no patch. `patch` must be idempotent: an answer read after the commit
    /// but kept under the previous generation is patched too. Call it before publishing
    /// `generation` to readers, so that they find the patched answers.
    func advance(to generation: UInt64, patch: ((Question, inout Answer) -> Bool)?) {
        state.withLock { state in
            guard generation > state.generation else { return }
            guard let patch, state.generation == generation - 1 else {
                state = State(generation: generation)
                return
            }
            var answers: [Question: Answer] = [:]
            for (question, var answer) in state.answers where patch(question, &answer) && answer.count <= maxRows {
                answers[question] = answer
            }
            state = State(generation: generation, answers: answers)
        }
    }
}
