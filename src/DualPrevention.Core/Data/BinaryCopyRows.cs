using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DualPrevention.Core.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"),
/// for <c>NpgsqlConnection.BeginRawBinaryCopyAsync</c>: for the hottest write of the platform (the track, ADR 0038),
/// where Npgsql's importer spent more on each value than the value is worth. Only the types the callers write; each row
/// starts with its field count and each value with its length (−1: null). The rows are built in a pooled buffer that
/// the caller sends whenever it is <see cref="Full"/> (<see cref="Take"/>) and at the end (<see cref="Complete"/>).
/// </summary>
internal sealed class BinaryCopyRows : IDisposable
{
    /// <summary>Sent once a chunk holds this much; a row is far shorter than the room left after it.</summary>
    private const int ChunkBytes = 60 * 1024;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes + (4 * 1024));
    private int _written;

    public BinaryCopyRows()
    {
        Signature.CopyTo(Span(Signature.Length));
        _written += Signature.Length;
        Int32(0);
        Int32(0);
    }

    /// <summary><c>PGCOPY\n\377\r\n\0</c>.</summary>
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    public bool Full => _written >= ChunkBytes;

    public void StartRow(short fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Span(2), fields);
        _written += 2;
    }

    public void Uuid(Guid value)
    {
        Int32(16);
        value.TryWriteBytes(Span(16), bigEndian: true, out _);
        _written += 16;
    }

    public void Uuid(Guid? value)
    {
        if (value is { } present)
        {
            Uuid(present);
        }
        else
        {
            Null();
        }
    }

    /// <summary>A <c>timestamptz</c>: microseconds since 2000-01-01 UTC, truncated as Npgsql truncates.</summary>
    public void TimestampTz(DateTimeOffset value)
    {
        Int32(8);
        BinaryPrimitives.WriteInt64BigEndian(Span(8), (value.UtcTicks - PostgresEpochTicks) / 10);
        _written += 8;
    }

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Int32(length);
        Encoding.UTF8.GetBytes(value, Span(length));
        _written += length;
    }

    public void Float8(double? value)
    {
        if (value is not { } present)
        {
            Null();
            return;
        }

        Int32(8);
        BinaryPrimitives.WriteDoubleBigEndian(Span(8), present);
        _written += 8;
    }

    public void Int4(int? value)
    {
        if (value is not { } present)
        {
            Null();
            return;
        }

        Int32(4);
        Int32(present);
    }

    public void Bool(bool value)
    {
        Int32(1);
        Span(1)[0] = value ? (byte)1 : (byte)0;
        _written += 1;
    }

    /// <summary>The bytes written since the last take, to send before writing more: they stay valid until the next write.</summary>
    public ReadOnlyMemory<byte> Take()
    {
        var chunk = _buffer.AsMemory(0, _written);
        _written = 0;
        return chunk;
    }

    /// <summary>The last chunk with the trailer: no row may be added after.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Span(2), -1);
        _written += 2;
        return Take();
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Null() => Int32(-1);

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), value);
        _written += 4;
    }

    /// <summary>Room for <paramref name="length"/> more bytes, growing the buffer for a value longer than the room left.</summary>
    private Span<byte> Span(int length)
    {
        if (_written + length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + length));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_written, length);
    }
}
