namespace DualPrevention.Testing;

/// <summary>The demo database with the sample risk-control list imported into demo-qd1, as the run command seeds it.</summary>
public class SampleRegisterDatabase : DemoDatabase
{
    protected override bool WithSampleRiskRegister => true;
}
