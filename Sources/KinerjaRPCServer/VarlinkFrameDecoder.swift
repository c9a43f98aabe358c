import KinerjaRPC
import NIOCore

/// One unit produced by ``VarlinkFrameDecoder``.
public enum VarlinkInboundFrame: Sendable, Hashable {
    /// One message, terminator removed. Not yet validated as UTF-8/JSON.
    case message(ByteBuffer)
    /// The peer sent a message longer than `limit` bytes. Nothing follows on this connection:
    /// the decoder discards all further input.
    case oversized(limit: Int)
}

/// Splits the inbound byte stream on NUL using ``VarlinkFraming/scan(_:from:maxFrameSize:)``
/// (the same logic as ``VarlinkFrameSplitter``). Never throws: an oversized message becomes
/// ``VarlinkInboundFrame/oversized(limit:)`` so that the connection handler can answer it in
/// order and close the connection.
public struct VarlinkFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = VarlinkInboundFrame

    public let maxFrameSize: Int
    private var scanned = 0
    private var discarding = false

    public init(maxFrameSize: Int = VarlinkFraming.defaultMaxFrameSize) {
        precondition(maxFrameSize > 0, "maxFrameSize must be positive")
        self.maxFrameSize = maxFrameSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if discarding {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        }
        let scanned = self.scanned
        let maxFrameSize = self.maxFrameSize
        let result = buffer.withUnsafeReadableBytes { bytes in
            VarlinkFraming.scan(bytes, from: scanned, maxFrameSize: maxFrameSize)
        }
        switch result {
        case .frame(let length):
            let frame = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            self.scanned = 0
            context.fireChannelRead(wrapInboundOut(.message(frame)))
            return .continue
        case .incomplete(let scannedBytes):
            self.scanned = scannedBytes
            return .needMoreData
        case .tooLarge:
            discarding = true
            self.scanned = 0
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            context.fireChannelRead(wrapInboundOut(.oversized(limit: maxFrameSize)))
            return .needMoreData
        }
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        let state = try decode(context: context, buffer: &buffer)
        if state == .needMoreData {
            // A trailing partial message cannot be completed any more: drop it.
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            scanned = 0
        }
        return state
    }
}
