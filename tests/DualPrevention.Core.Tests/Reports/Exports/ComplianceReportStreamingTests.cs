using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;

namespace DualPrevention.Core.Tests.Reports.Exports;

public class ComplianceReportStreamingTests
{
    public static TheoryData<string> Formats => ["xlsx", "csv", "pdf"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Three_thousand_rows_leave_while_they_are_still_being_read_and_only_through_asynchronous_writes(string format)
    {
        var rows = ComplianceReportSample.Many(3000);
        var output = new AsyncWritesOnly();
        var writtenBeforeLastRow = -1L;

        async IAsyncEnumerable<ComplianceReportRow> ReadRows()
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == rows.Count - 1)
                {
                    writtenBeforeLastRow = output.Written;
                }

                await Task.Yield();
                yield return rows[i];
            }
        }

        await WriteAsync(format, output, ReadRows());

        // Most of the file has left before the last row is read: rows are not collected first.
        writtenBeforeLastRow.ShouldBeGreaterThan(output.Written / 2, $"{writtenBeforeLastRow:N0} of {output.Written:N0} bytes");
    }

    private static Task WriteAsync(string format, Stream output, IAsyncEnumerable<ComplianceReportRow> rows) => format switch
    {
        "xlsx" => ComplianceWorkbookWriter.WriteAsync(output, ComplianceReportSample.Header, rows, CancellationToken.None),
        "csv" => ComplianceCsvWriter.WriteAsync(output, ComplianceReportSample.Header, rows, CancellationToken.None),
        _ => CompliancePdfWriter.WriteAsync(output, ComplianceReportSample.Header, rows, CancellationToken.None),
    };

    /// <summary>Counts what arrives and refuses synchronous writes, like an ASP.NET Core response body.</summary>
    private sealed class AsyncWritesOnly : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous write.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => throw new InvalidOperationException("Synchronous flush.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
