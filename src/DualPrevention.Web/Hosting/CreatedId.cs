namespace DualPrevention.Web.Hosting;

/// <summary>The answer of a 201 Created (or 202 Accepted): the id of what was made, also in the Location header.</summary>
public sealed record CreatedId(Guid Id);
