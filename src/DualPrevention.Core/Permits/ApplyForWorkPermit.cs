using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 申请作业票: a draft permit, numbered per enterprise and Beijing day (ADR 0045), with its type's checklist (the
/// standard's items, then the enterprise's own), optionally linked to the permits of the same job's other types (§4.6).
/// </summary>
public static class ApplyForWorkPermit
{
    public sealed record Command(WorkPermitContent Content, IReadOnlyList<Guid>? LinkedPermitIds = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Content).NotNull().SetValidator(new WorkPermitContentValidator());
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <returns>The new permit's id and number.</returns>
        /// <exception cref="ValidationException">The content is incomplete or out of range.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, a person or linked permit is not the enterprise's, or a rule refuses the content.</exception>
        public async Task<(Guid Id, string Number)> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PermitPermissions.EnsureCanAct(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            var enterpriseId = actor.Scope.EnterpriseId!.Value;
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await EnsureContentAsync(db, command.Content, cancellationToken);
            var regionCode = await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var linked = await LinkedAsync(db, command.LinkedPermitIds ?? [], cancellationToken);
            var by = await PermitUnitOfWork.ActorAsync(db, actor, cancellationToken);
            var measures = await MeasuresAsync(db, command.Content.Details.Type, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await NextNumberAsync(db, enterpriseId, regionCode, command.Content.Details.Type, now, cancellationToken);
            var (permit, created) = WorkPermit.Draft(enterpriseId, regionCode, number, command.Content, measures, by, now);
            foreach (var other in linked)
            {
                permit.LinkWith(other);
            }

            db.Add(permit);
            db.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (permit.Id, permit.Number);
        }
    }

    /// <summary>
    /// Every person named is in the enterprise's registry, every certificate cited is that person's, and the work point
    /// is on one of the enterprise's scaled site plans.
    /// </summary>
    /// <exception cref="DomainRuleException">One is not.</exception>
    internal static async Task EnsureContentAsync(DualPreventionDbContext db, WorkPermitContent content, CancellationToken cancellationToken)
    {
        if (content.WorkPoint is { } point && !await db.Set<SitePlan>().AnyAsync(p => p.Id == point.SitePlanId && p.IsScaled, cancellationToken))
        {
            throw new DomainRuleException(CoreText.Get("Permit.WorkPoint.PlanNotFound"));
        }

        var ids = content.People.Select(p => p.PersonId).Distinct().ToList();
        var persons = await db.Set<Person>().Include(p => p.Certificates).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var unknown = content.People.Any(p =>
            persons.SingleOrDefault(x => x.Id == p.PersonId) is not { } person
            || (p.CertificateId is { } certificate && person.Certificates.All(c => c.Id != certificate)));
        if (unknown)
        {
            throw new DomainRuleException(CoreText.Get("Permit.PersonNotInRegistry"));
        }
    }

    /// <summary>The next number of the enterprise's permits of <paramref name="type"/> on the Beijing day of <paramref name="now"/>: one upsert, whose row lock orders concurrent applications.</summary>
    internal static async Task<string> NextNumberAsync(DualPreventionDbContext db, Guid enterpriseId, string regionCode, SpecialOperationType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = PermitNumbers.Prefix(type);
        var day = BusinessTime.LocalDate(now);
        var sequence = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO permit_number_counter (enterprise_id, prefix, day, region_code, last)
            VALUES ({enterpriseId}, {prefix}, {day}, {regionCode}, 1)
            ON CONFLICT (enterprise_id, prefix, day) DO UPDATE SET last = permit_number_counter.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(cancellationToken);
        return PermitNumbers.Format(type, day, sequence.Single());
    }

    /// <summary>The type's checklist: the standard's items of the latest version, then the enterprise's own.</summary>
    internal static async Task<IReadOnlyList<MeasureEntry>> MeasuresAsync(DualPreventionDbContext db, SpecialOperationType type, CancellationToken cancellationToken)
    {
        var standard = await db.Set<PermitMeasureTemplate>().Where(t => t.Type == type && t.Version == SeedPermitMeasureTemplates.Version2022)
            .OrderBy(t => t.Seq).Select(t => new MeasureEntry(t.Text, t.Clause)).ToListAsync(cancellationToken);
        var own = await db.Set<EnterpriseMeasureItem>().Where(i => i.Type == type)
            .OrderBy(i => i.Seq).Select(i => new MeasureEntry(i.Text, null)).ToListAsync(cancellationToken);
        return [.. standard, .. own];
    }

    private static async Task<List<WorkPermit>> LinkedAsync(DualPreventionDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var linked = await db.Set<WorkPermit>().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return linked.Count == ids.Distinct().Count()
            ? linked
            : throw new DomainRuleException(CoreText.Get("Permit.LinkInvalid"));
    }
}
