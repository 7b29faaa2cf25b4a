namespace DualPrevention.Core.Demo;

/// <summary>A demo login as printed by the run command.</summary>
public sealed record DemoAccount(string UserName, string Role, string ScopeName);
