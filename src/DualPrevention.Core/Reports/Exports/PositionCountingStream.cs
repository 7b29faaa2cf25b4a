namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Answers <see cref="Position"/> with the bytes written so far on a stream that cannot seek. SkiaSharp's PDF
/// writer asks for it from native code to place its cross-reference offsets, where an exception ends the process.
/// </summary>
internal sealed class PositionCountingStream(Stream inner) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
