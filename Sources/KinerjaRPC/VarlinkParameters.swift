/// Conversion between a call's generic parameter object and typed `Parameters`, with the
/// validation Varlink requires.
public enum VarlinkParameters {
    /// A served method's parameters: checked against the method's bounds (an out-of-bound
    /// parameter → `InvalidParameter` naming it), then decoded as ``decode(_:from:)`` does.
    /// The one place every call's parameters pass on their way to a handler.
    public static func decode<M: VarlinkBoundedMethod>(
        parametersOf method: M.Type, from parameters: [String: JSONValue]
    ) throws(VarlinkError) -> M.Parameters {
        try M.bounds.check(parameters)
        return try decode(M.Parameters.self, from: parameters)
    }

    /// Decodes `P` from a parameter object.
    ///
    /// - Missing or mistyped fields → `InvalidParameter(parameter: <top-level field>)`.
    /// - Unknown fields: a field whose value is not `null` and that does not survive
    ///   decode → re-encode of `P` (also checked inside nested objects) → `InvalidParameter(parameter: <top-level field>)`.
    ///   Optional fields sent as `null` are accepted.
    public static func decode<P: Codable>(
        _ type: P.Type = P.self,
        from parameters: [String: JSONValue]
    ) throws(VarlinkError) -> P {
        // No parameters for a method that takes none (status, info): nothing to decode or check.
        if parameters.isEmpty, let empty = Empty() as? P { return empty }
        let value: P
        do {
            value = try JSONValue.object(parameters).decode(as: P.self)
        } catch let error as DecodingError {
            throw .invalidParameter(offendingField(of: error) ?? "parameters")
        } catch {
            throw .invalidParameter("parameters")
        }
        if let unknown = unknownFields(in: parameters, decodedAs: value).first {
            throw .invalidParameter(unknown)
        }
        return value
    }

    /// Top-level fields of `parameters` not represented in `value` once re-encoded (sorted by name).
    public static func unknownFields<P: Encodable>(in parameters: [String: JSONValue], decodedAs value: P) -> [String] {
        guard let reencoded = try? JSONValue(encoding: value) else {
            return []
        }
        guard case .object(let known) = reencoded else {
            // Not an object at all: nothing of the input can be said to be known.
            return parameters.filter { !$0.value.isNull }.keys.sorted()
        }
        return parameters
            .filter { key, incoming in
                guard !incoming.isNull else { return false }
                guard let counterpart = known[key] else { return true }
                return containsUnknownMembers(incoming, comparedTo: counterpart)
            }
            .keys.sorted()
    }

    /// `true` if some non-null member of an object inside `incoming` is absent in `reencoded`.
    private static func containsUnknownMembers(_ incoming: JSONValue, comparedTo reencoded: JSONValue) -> Bool {
        switch (incoming, reencoded) {
        case (.object(let objectIn), .object(let objectOut)):
            return objectIn.contains { key, member in
                guard !member.isNull else { return false }
                guard let counterpart = objectOut[key] else { return true }
                return containsUnknownMembers(member, comparedTo: counterpart)
            }
        case (.array(let arrayIn), .array(let arrayOut)) where arrayIn.count == arrayOut.count:
            return zip(arrayIn, arrayOut).contains { containsUnknownMembers($0, comparedTo: $1) }
        default:
            // Scalars, or a custom encoding that changed the shape: accept.
            return false
        }
    }

    /// The top-level field a `DecodingError` refers to, or `nil` if it concerns the whole value.
    public static func offendingField(of error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context):
            return context.codingPath.first?.stringValue ?? key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.first?.stringValue
        @unknown default:
            return nil
        }
    }

    /// Encodes a value that must be a JSON object (a `Parameters` or `Result`).
    public static func encodeObject<T: Encodable>(_ value: T) throws -> [String: JSONValue] {
        guard case .object(let object) = try JSONValue(encoding: value) else {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: [], debugDescription: "Varlink parameters must encode as a JSON object")
            )
        }
        return object
    }
}
