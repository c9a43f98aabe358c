/// The built-in `org.varlink.service` interface.
public enum VarlinkService {
    public static let interfaceName = "org.varlink.service"

    /// IDL text of `org.varlink.service`, as served by `GetInterfaceDescription`.
    public static let interfaceDescription = """
        # The Varlink service interface. Every Varlink service implements it; it
        # describes the service and lists the interfaces the service provides.
        interface org.varlink.service

        # Returns information about the service implementation and the list of
        # interfaces it provides.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Returns the interface definition of one of the provided interfaces.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # No interface of that name is provided by this service.
        error InterfaceNotFound (interface: string)

        # The interface has no method of that name.
        error MethodNotFound (method: string)

        # The interface defines the method, but this service does not implement it.
        error MethodNotImplemented (method: string)

        # A parameter is missing, has the wrong type, or is not known.
        error InvalidParameter (parameter: string)

        # The caller is not allowed to call this method.
        error PermissionDenied ()

        # The method must be called with "more" set to true.
        error ExpectedMore ()

        """

    public enum GetInfo: VarlinkMethod {
        public static let name = "org.varlink.service.GetInfo"
        public typealias Parameters = Empty

        public struct Result: Codable, Sendable, Hashable {
            public var vendor: String
            public var product: String
            public var version: String
            public var url: String
            public var interfaces: [String]

            public init(vendor: String, product: String, version: String, url: String, interfaces: [String]) {
                self.vendor = vendor
                self.product = product
                self.version = version
                self.url = url
                self.interfaces = interfaces
            }
        }
    }

    public enum GetInterfaceDescription: VarlinkMethod {
        public static let name = "org.varlink.service.GetInterfaceDescription"

        public struct Parameters: Codable, Sendable, Hashable {
            public var interface: String
            public init(interface: String) { self.interface = interface }
        }

        public struct Result: Codable, Sendable, Hashable {
            public var description: String
            public init(description: String) { self.description = description }
        }
    }
}

/// Minimal inspection of Varlink IDL text (not a full parser).
public enum VarlinkIDL {
    /// The name after the `interface` keyword, if any.
    public static func interfaceName(in description: String) -> String? {
        for line in description.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "interface" {
                return String(words[1])
            }
        }
        return nil
    }

    /// Names of the methods declared with `method Name(`.
    public static func methodNames(in description: String) -> Set<String> {
        var names = Set<String>()
        for line in description.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix("method"), trimmed.dropFirst(6).first?.isWhitespace == true else { continue }
            let rest = trimmed.dropFirst(6).drop(while: { $0.isWhitespace })
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }
}
