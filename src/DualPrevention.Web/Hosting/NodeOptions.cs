namespace DualPrevention.Web.Hosting;

/// <summary>
/// Which parts of the one image this process runs (configuration section <c>Node</c>): the web UI and API,
/// the Hangfire job server, or both. Several web nodes share logins through Data Protection keys in PostgreSQL.
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>Serve pages and the API.</summary>
    public bool Web { get; set; } = true;

    /// <summary>Run a Hangfire server that executes background jobs.</summary>
    public bool Jobs { get; set; } = true;
}
