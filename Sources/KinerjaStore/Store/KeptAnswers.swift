import Synchronization

/// Answers to one kind of read, kept until the store's next write. An office asks the same
/// questions (the overdue list, the report, the week's reminders) many times between two
/// imports, and reading and decoding the same rows again was about half of each answer.
///
/// Like the status figures, an answer is tied to ``SQLiteStore``'s write count: any write
/// of this process drops them all; another process's writes are not seen (kinerjad is the
/// store's only writer). Bounded: at most `maxQuestions` answers, and no answer of more
/// than `maxRows` elements, so a whole country's plans are read anew rather than held twice.
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
        if let kept = state.withLock({ $0.generation == generation ? $0.answers[question] : nil }) { return kept }
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
}
