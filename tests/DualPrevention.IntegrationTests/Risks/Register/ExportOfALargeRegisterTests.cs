using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class ExportOfALargeRegisterTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private const int Events = 1_000;
    private const int MeasuresPerEvent = 50;

    [Fact]
    public async Task Fifty_thousand_measures_stream_into_the_workbook_row_by_row()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        register.AnalysisObject("BIG-1", "大型联合装置");
        for (var unit = 0; unit < 10; unit++)
        {
            register.Unit($"单元{unit:D2}");
            for (var e = 0; e < Events / 10; e++)
            {
                register.Event($"事件{unit:D2}-{e:D3}", "火灾", l: 1 + (e % 5), s: 1 + (unit % 5));
            }
        }

        await register.SaveAsync();
        await InsertMeasuresAsync();
        var path = Path.Combine(Path.GetTempPath(), $"dp-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using var services = database.CreateServices();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForEnterprise(database.Qd1);
            var export = await scope.ServiceProvider.GetRequiredService<ExportRiskRegister.Handler>().HandleAsync(new ExportRiskRegister.Query(database.Qd1), CancellationToken.None);
            await using (var file = File.Create(path))
            {
                await export.WriteToAsync(new ForwardOnlyStream(file), CancellationToken.None);
            }

            CountRows(path).ShouldBe(2 + (Events * MeasuresPerEvent));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Set-based, on the owner connection: 50 measures under every event of BIG-1.</summary>
    private async Task InsertMeasuresAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var eventIds = await db.RiskEvents.Where(e => e.EnterpriseId == database.Qd1 && e.Name.StartsWith("事件")).Select(e => e.Id).ToListAsync();
        eventIds.Count.ShouldBe(Events);
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO control_measure (id, event_id, description, classify1, classify2, data_source, inspection_content, cycle_value, cycle_unit,
                work_day_type, task_type, control_level, responsible_department, responsible_person, enterprise_id, region_code, is_deleted, created_at, updated_at)
            SELECT gen_random_uuid(), e.id, '措施' || lpad(n::text, 3, '0') || '：检查设备完好、仪表显示正常、现场无泄漏', 1, '1-1', 2, '巡检记录完整', 1, 2,
                0, 0, 3, '生产部', '张工', e.enterprise_id, e.region_code, false, now(), now()
            FROM risk_event e CROSS JOIN generate_series(1, @per_event) n
            WHERE e.id = ANY(@events)
            """,
            connection);
        insert.Parameters.AddWithValue("per_event", MeasuresPerEvent);
        insert.Parameters.AddWithValue("events", eventIds.ToArray());
        (await insert.ExecuteNonQueryAsync()).ShouldBe(Events * MeasuresPerEvent);
    }

    private static int CountRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        var rows = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Like an ASP.NET Core response body: asynchronous writes only, no seeking, no reading back.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
    }
}
