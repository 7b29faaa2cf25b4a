namespace DualPrevention.Core.Permits;

/// <summary>
/// A person named on a permit with the certificate the permit cites, as held in Positioning's registry (a
/// <c>PersonCertificate</c>); <see cref="CertificateExpiresOn"/> is null when none is cited.
/// </summary>
public sealed record NamedPerson(Guid PersonId, string Name, PermitRole Role, string? CertificateNumber, DateOnly? CertificateExpiresOn, string? CertificateName = null);

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

    /// <summary>
    /// The workers' special-operation certificate for the trade (§4.9; docs/domain/special-operations.md#10-attachments-and-measure-checklists):
    /// hot work by welding or cutting (电焊, 气焊, 气割, 切割) needs each worker to cite a certificate of 焊接与热切割作业 valid to
    /// the last planned day (<paramref name="lastDay"/>, Beijing date), not only on the first.
    /// </summary>
    public static IReadOnlyList<PermitRefusal> CheckTrade(PermitDetails details, IReadOnlyList<NamedPerson> people, DateOnly lastDay)
    {
        if (details is not HotWorkDetails { Method: var method } || !IsWeldingOrCutting(method))
        {
            return [];
        }

        return [.. people.Where(p => p.Role == PermitRole.Worker).Select(p =>
            p.CertificateName is not { } name || !name.Contains(WeldingTrade, StringComparison.Ordinal) || p.CertificateExpiresOn is null
                ? new PermitRefusal("Permit.People.TradeCertificateRequired", p.Name, method)
                : p.CertificateExpiresOn < lastDay ? new PermitRefusal("Permit.People.TradeCertificateLapses", p.Name, p.CertificateNumber, p.CertificateExpiresOn) : null)
            .OfType<PermitRefusal>()];
    }

    /// <summary>The mark of the welding and thermal-cutting licence (特种作业操作证（焊接与热切割作业）) in a certificate's name.</summary>
    private const string WeldingTrade = "焊";

    private static bool IsWeldingOrCutting(string method) => method.Contains('焊', StringComparison.Ordinal) || method.Contains('割', StringComparison.Ordinal);
}
