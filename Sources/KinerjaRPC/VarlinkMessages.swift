import FoundationEssentials

// MARK: - Method description

/// A typed description of one Varlink method, shared by client and server.
///
/// `Parameters` and `Result` must encode as JSON objects (keyed containers). Use ``Empty`` for
/// methods without input or output parameters. Optional properties map to optional Varlink fields.
public protocol VarlinkMethod: Sendable {
    associatedtype Parameters: Codable & Sendable
    associatedtype Result: Codable & Sendable
    /// Fully qualified method name, e.g. `"id.kinerja.Kinerja.GetStatus"`.
    static var name: String { get }
    /// For a method that answers in pieces when called with `more` (a long listing, whose
    /// single reply is refused above a bound), how a piece adds to the pieces before it;
    /// `nil` (the default) for a method with one reply. A client reading a whole answer
    /// (``VarlinkClient/callWhole(_:_:)``) joins with it, so every client joins alike.
    static var joinPieces: (@Sendable (inout Result, Result) -> Void)? { get }
}

extension VarlinkMethod {
    public static var joinPieces: (@Sendable (inout Result, Result) -> Void)? { nil }
    /// The interface part of ``name`` (everything before the last dot).
    public static var interfaceName: String { VarlinkCall.split(name).interface }
    /// The member part of ``name`` (everything after the last dot).
    public static var memberName: String { VarlinkCall.split(name).member }
}

/// Parameters or result of a method that has none. Encodes as `{}`.
public struct Empty: Codable, Sendable, Hashable {
    public init() {}
}

// MARK: - Call

/// A Varlink method call as sent on the wire:
/// `{"method": string, "parameters"?: object, "oneway"?: bool, "more"?: bool, "upgrade"?: bool}`.
///
/// Decoding (``VarlinkFraming/decodeCall(_:maxNestingDepth:)-(UnsafeRawBufferPointer,_)``)
/// treats absent, `null` and `{}` parameters alike and absent/`null` flags as `false`;
/// unknown top-level fields are ignored. Encoding always writes `parameters` and only the flags
/// that are `true`.
public struct VarlinkCall: Encodable, Sendable, Hashable {
    public var method: String
    public var parameters: [String: JSONValue]
    public var oneway: Bool
    public var more: Bool
    public var upgrade: Bool

    public init(
        method: String,
        parameters: [String: JSONValue] = [:],
        oneway: Bool = false,
        more: Bool = false,
        upgrade: Bool = false
    ) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
        self.upgrade = upgrade
    }

    enum CodingKeys: String, CodingKey {
        case method, parameters, oneway, more, upgrade
    }

    /// The call in a message's members. A field of the wrong type is refused with
    /// `InvalidParameter` naming it, the fields checked in declaration order.
    init(members: [String: JSONValue]) throws(VarlinkError) {
        guard case .string(let method)? = members[CodingKeys.method.stringValue] else {
            throw .invalidParameter(CodingKeys.method.stringValue)
        }
        guard let parameters = JSONValue.parametersObject(members[CodingKeys.parameters.stringValue]) else {
            throw .invalidParameter(CodingKeys.parameters.stringValue)
        }
        self.init(
            method: method,
            parameters: parameters,
            oneway: try Self.flag(.oneway, in: members),
            more: try Self.flag(.more, in: members),
            upgrade: try Self.flag(.upgrade, in: members)
        )
    }

    /// A flag: absent and `null` mean `false`.
    private static func flag(_ key: CodingKeys, in members: [String: JSONValue]) throws(VarlinkError) -> Bool {
        switch members[key.stringValue] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        case _?: throw .invalidParameter(key.stringValue)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method, forKey: .method)
        try container.encode(parameters, forKey: .parameters)
        if oneway { try container.encode(true, forKey: .oneway) }
        if more { try container.encode(true, forKey: .more) }
        if upgrade { try container.encode(true, forKey: .upgrade) }
    }

    /// `true` when more than one of `oneway`, `more`, `upgrade` is set (a protocol violation).
    public var hasConflictingFlags: Bool {
        [oneway, more, upgrade].filter { $0 }.count > 1
    }

    /// Interface part of ``method``.
    public var interfaceName: String { Self.split(method).interface }
    /// Member part of ``method``.
    public var memberName: String { Self.split(method).member }

    /// Splits `a.b.C` into (`a.b`, `C`). Without a dot, the interface is empty.
    public static func split(_ qualifiedName: String) -> (interface: String, member: String) {
        guard let dot = qualifiedName.lastIndex(of: ".") else { return ("", qualifiedName) }
        return (String(qualifiedName[..<dot]), String(qualifiedName[qualifiedName.index(after: dot)...]))
    }
}

// MARK: - Reply

/// A Varlink reply as sent on the wire: `{"parameters"?: object, "continues"?: bool, "error"?: string}`.
///
/// Decoding treats absent/`null` parameters as `{}` and ignores unknown fields. Encoding always
/// writes `parameters`, writes `continues` only when `true` and `error` only when set.
public struct VarlinkReply: Codable, Sendable, Hashable {
    public var parameters: [String: JSONValue]
    public var continues: Bool
    public var error: String?

    public init(parameters: [String: JSONValue] = [:], continues: Bool = false, error: String? = nil) {
        self.parameters = parameters
        self.continues = continues
        self.error = error
    }

    /// An error reply.
    public init(error: VarlinkError) {
        self.init(parameters: error.parameters, continues: false, error: error.name)
    }

    enum CodingKeys: String, CodingKey {
        case parameters, continues, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try JSONValue.parametersObject(in: container, forKey: .parameters)
        continues = try container.decodeIfPresent(Bool.self, forKey: .continues) ?? false
        error = try container.decodeIfPresent(String.self, forKey: .error)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        if continues { try container.encode(true, forKey: .continues) }
        if let error { try container.encode(error, forKey: .error) }
    }

    /// The error carried by this reply, if any.
    public var varlinkError: VarlinkError? {
        error.map { VarlinkError(name: $0, parameters: parameters) }
    }
}

// MARK: - Error

/// A Varlink error: a fully qualified name plus parameters.
public struct VarlinkError: Error, Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var parameters: [String: JSONValue]

    public init(name: String, parameters: [String: JSONValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// An error whose parameters are given by an `Encodable` value (must encode as an object).
    public init<P: Encodable>(name: String, encoding parameters: P) throws {
        guard case .object(let object) = try JSONValue(encoding: parameters) else {
            throw EncodingError.invalidValue(
                parameters,
                .init(codingPath: [], debugDescription: "error parameters must encode as an object")
            )
        }
        self.init(name: name, parameters: object)
    }

    /// Decodes the parameters as `P`.
    public func decodeParameters<P: Decodable>(as type: P.Type = P.self) throws -> P {
        try JSONValue.object(parameters).decode(as: P.self)
    }

    public var description: String {
        parameters.isEmpty ? name : "\(name) \(JSONValue.object(parameters).jsonString())"
    }

    public static let serviceInterface = "org.varlink.service"

    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.InterfaceNotFound", parameters: ["interface": .string(interface)])
    }

    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.MethodNotFound", parameters: ["method": .string(method)])
    }

    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.MethodNotImplemented", parameters: ["method": .string(method)])
    }

    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError(name: "org.varlink.service.InvalidParameter", parameters: ["parameter": .string(parameter)])
    }

    public static var permissionDenied: VarlinkError {
        VarlinkError(name: "org.varlink.service.PermissionDenied")
    }

    public static var expectedMore: VarlinkError {
        VarlinkError(name: "org.varlink.service.ExpectedMore")
    }
}

extension JSONValue {
    /// The `parameters` member of a call or reply: absent and `null` mean `{}` (the spec
    /// treats them alike); anything but an object is malformed (`nil`).
    static func parametersObject(_ member: JSONValue?) -> [String: JSONValue]? {
        switch member {
        case nil, .null?: [:]
        case .object(let object)?: object
        case _?: nil
        }
    }

    /// The same rule for a reply read with `JSONDecoder`.
    static func parametersObject<Key: CodingKey>(in container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [String: JSONValue] {
        guard let object = parametersObject(try container.decodeIfPresent(JSONValue.self, forKey: key)) else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: [key], debugDescription: "parameters must be an object"))
        }
        return object
    }
}
