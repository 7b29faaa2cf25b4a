using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualPrevention.Simulator;

/// <summary>
/// The platform's public API as the simulator uses it, signed in as an enterprise administrator with a bearer token
/// (<c>POST /api/v1/auth/token</c>). Any answer other than success stops the simulator with the answer's text.
/// </summary>
public sealed class PlatformApi(HttpClient http)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record PlanRow(Guid Id, string Name, int ImageWidth, int ImageHeight, double MetresPerPixel, int Zones);

    public sealed record Plan(Guid Id, string Name, int ImageWidth, int ImageHeight, bool IsScaled, double OriginPixelX, double OriginPixelY, double MetresPerPixel, ZoneLayer Zones);

    public sealed record ZoneLayer(IReadOnlyList<ZoneFeature> Features);

    public sealed record ZoneFeature(Guid Id, ZoneGeometry Geometry, ZoneProperties Properties);

    public sealed record ZoneGeometry(IReadOnlyList<IReadOnlyList<double[]>> Coordinates);

    public sealed record ZoneProperties(string Name, string MapColor, string RiskColor, string AllowedPersonTypes);

    public sealed record Tag(Guid Id, string Serial, Guid? HolderId, string? HolderName, string? HolderType);

    public sealed record Credential(Guid Id, string Username, string Secret, string Topic);

    public sealed record MajorHazard(Guid Id, string HazardCode, string Name);

    public sealed record Point(Guid Id, string Code);

    /// <summary>A monitoring point as the API takes it (docs/monitoring-ingest.md#points); the kind by its name.</summary>
    public sealed record PointDetails(
        string Code, string Name, string Kind, string Unit, double RangeLow, double RangeHigh, double? LowLow, double? Low, double? High, double? HighHigh,
        int DebounceSeconds, int IntervalSeconds);

    private sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);

    private sealed record Token(string AccessToken);

    private sealed record Created(Guid Id);

    /// <exception cref="SimulatorException">The sign-in was refused.</exception>
    public async Task SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var token = await SendAsync<Token>(HttpMethod.Post, "api/v1/auth/token", new { userName, password }, cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    /// <summary>The enterprise's first scaled site plan with its zones.</summary>
    /// <exception cref="SimulatorException">The enterprise has no scaled plan.</exception>
    public async Task<Plan> FirstScaledPlanAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await SendAsync<List<PlanRow>>(HttpMethod.Get, "api/v1/site-plans", null, cancellationToken))
        {
            var plan = await SendAsync<Plan>(HttpMethod.Get, $"api/v1/site-plans/{row.Id}", null, cancellationToken);
            if (plan.IsScaled)
            {
                return plan;
            }
        }

        throw new SimulatorException("The enterprise has no site plan with a scale: upload one and set its scale on /positioning/site-plans first.");
    }

    /// <summary>Every tag of the enterprise with its holder, read page by page.</summary>
    public async Task<List<Tag>> TagsAsync(CancellationToken cancellationToken)
    {
        var tags = new List<Tag>();
        for (var page = 1; ; page++)
        {
            var found = await SendAsync<Page<Tag>>(HttpMethod.Get, $"api/v1/positioning/tags?sort=Name&page={page}&pageSize=100", null, cancellationToken);
            tags.AddRange(found.Items);
            if (found.Items.Count == 0 || tags.Count >= found.TotalCount)
            {
                return tags;
            }
        }
    }

    /// <summary>Registers a simulated employee, a badge with <paramref name="serial"/> and binds the one to the other.</summary>
    public async Task<Tag> AddWalkerAsync(string serial, string personName, CancellationToken cancellationToken)
    {
        var person = await SendAsync<Created>(HttpMethod.Post, "api/v1/positioning/persons", new { name = personName, type = "Employee", company = (string?)null, training = "Trained" }, cancellationToken);
        var tag = await SendAsync<Created>(HttpMethod.Post, "api/v1/positioning/tags", new { serial, kind = "Badge" }, cancellationToken);
        await SendAsync<Created>(HttpMethod.Post, "api/v1/positioning/bindings", new { tagId = tag.Id, personId = person.Id, validUntil = (DateTimeOffset?)null }, cancellationToken);
        return new Tag(tag.Id, serial, person.Id, personName, "Employee");
    }

    /// <summary>The enterprise's first major hazard source (the highest level first), or null when it has none.</summary>
    public async Task<MajorHazard?> FirstMajorHazardAsync(CancellationToken cancellationToken) =>
        (await SendAsync<Page<MajorHazard>>(HttpMethod.Get, "api/v1/major-hazards?page=1&pageSize=1", null, cancellationToken)).Items is [var first, ..] ? first : null;

    /// <summary>The monitoring points of a major hazard source.</summary>
    public Task<List<Point>> MonitoringPointsAsync(Guid majorHazardId, CancellationToken cancellationToken) =>
        SendAsync<List<Point>>(HttpMethod.Get, $"api/v1/major-hazards/{majorHazardId}/monitoring-points", null, cancellationToken);

    /// <summary>Adds a monitoring point to a major hazard source.</summary>
    public Task AddMonitoringPointAsync(Guid majorHazardId, PointDetails point, CancellationToken cancellationToken) =>
        SendAsync<Created>(HttpMethod.Post, $"api/v1/major-hazards/{majorHazardId}/monitoring-points", point, cancellationToken);

    /// <summary>A device credential of its own (the secret is shown this once), named so an administrator can revoke it.</summary>
    public Task<Credential> IssueCredentialAsync(string name, CancellationToken cancellationToken) =>
        SendAsync<Credential>(HttpMethod.Post, "api/v1/positioning/device-credentials", new { name }, cancellationToken);

    /// <summary>Revokes the credential (the broker disconnects it), so a stopped simulator leaves no live credential behind.</summary>
    public Task RevokeCredentialAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, $"api/v1/positioning/device-credentials/{id}/revoke", null, cancellationToken, expectBody: false);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool expectBody = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new SimulatorException($"{method} /{path} answered {(int)response.StatusCode} {response.StatusCode}: {text}");
        }

        if (!expectBody)
        {
            return default!;
        }

        return response.StatusCode == HttpStatusCode.NoContent
            ? throw new SimulatorException($"{method} /{path} answered without a body.")
            : (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }
}

/// <summary>What stops the simulator, in words for the person who started it.</summary>
public sealed class SimulatorException(string message) : Exception(message);
