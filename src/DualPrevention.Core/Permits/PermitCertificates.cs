namespace DualPrevention.Core.Permits;

/// <summary>
/// A person named on a permit with the certificate the permit cites, as held in Positioning's registry (a
/// <c>PersonCertificate</c>); <see cref="CertificateExpiresOn"/> is null when none is cited.
/// </summary>
public sealed record NamedPerson(Guid PersonId, string Name, PermitRole Role, string? CertificateNumber, DateOnly? CertificateExpiresOn);

/// <summary>The people rules: a guardian for every permit with a valid certificate (GD-1, GD-2), never a worker (GD-7), workers' certificates valid (§4.9).</summary>
public static class PermitCertificates
{
    /// <summary>Why the people named fail on <paramref name="today"/> (Beijing date); empty when they pass.</summary>
    public static IReadOnlyList<PermitRefusal> Check(IReadOnlyList<NamedPerson> people, DateOnly today)
    {
        var refusals = new List<PermitRefusal>();
        var guardians = people.Where(p => p.Role == PermitRole.Guardian).ToList();
        if (guardians.Count == 0)
        {
            refusals.Add(new("Permit.People.GuardianRequired"));
        }

        if (!people.Any(p => p.Role == PermitRole.WorkLeader))
        {
            refusals.Add(new("Permit.People.WorkLeaderRequired"));
        }

        if (!people.Any(p => p.Role == PermitRole.Worker))
        {
            refusals.Add(new("Permit.People.WorkerRequired"));
        }

        var workers = people.Where(p => p.Role == PermitRole.Worker).Select(p => p.PersonId).ToHashSet();
        refusals.AddRange(guardians.Where(g => workers.Contains(g.PersonId)).Select(g => new PermitRefusal("Permit.People.GuardianIsWorker", g.Name)));
        refusals.AddRange(guardians.Where(g => g.CertificateExpiresOn is null).Select(g => new PermitRefusal("Permit.People.GuardianCertificateMissing", g.Name)));
        refusals.AddRange(people
            .Where(p => p.CertificateExpiresOn is { } expires && expires < today)
            .Select(p => new PermitRefusal("Permit.People.CertificateExpired", p.Name, p.CertificateNumber, p.CertificateExpiresOn)));
        return refusals;
    }
}
