using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>
/// The demo database after a day of inspections: demo-qd1 and demo-qd2 each have one daily measure, its windows
/// of 2 and 3 November 2026, and the 未排查 record of the missed first one; demo-wf1 has nothing.
/// </summary>
public sealed class InspectedDemoDatabase : DemoDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var jobs = new InspectionJobs(this);
        jobs.At(2026, 11, 2, 8);
        foreach (var enterprise in new[] { Qd1, Qd2 })
        {
            var register = await HandBuiltRegister.ForAsync(this, enterprise);
            await register.AnalysisObject("R1", "罐区").Unit("1#罐").Event("泄漏", "火灾", l: 3, s: 3).Measure("液位检查").SaveAsync();
        }

        await jobs.GenerateAsync(Qd1, Qd2);
        jobs.At(2026, 11, 3, 0, 5);
        await jobs.CloseAsync();
    }
}
