using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 气体分析: records a sample with its verdict (docs/domain/special-operations.md#6-gas-analysis); a failing one during the
/// work suspends it.
/// </summary>
public static class RecordGasTest
{
    public sealed record Command(Guid PermitId, GasTestEntry Entry);

    public sealed record Result(Guid GasTestId, bool Passed, IReadOnlyList<string> Failures, WorkPermitStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Entry).NotNull();
            RuleFor(c => c.Entry.SampledAt).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal()).When(c => c.Entry is not null);
            RuleFor(c => c.Entry.DetectorCalibrationDueOn).WithinWorld().When(c => c.Entry is not null);
            RuleFor(c => c.Entry.Point).NotEmpty().MaximumLength(PermitLimits.NameLength).When(c => c.Entry is not null);
            RuleFor(c => c.Entry.Analyst).NotEmpty().MaximumLength(PermitLimits.PersonNameLength).When(c => c.Entry is not null);
            RuleFor(c => c.Entry.DetectorId).NotEmpty().MaximumLength(50).When(c => c.Entry is not null);
            RuleFor(c => c.Entry.Sample).NotNull().When(c => c.Entry is not null);
            RuleFor(c => c.Entry.Sample.RepresentativeGas).NotEmpty().MaximumLength(50).When(c => c.Entry?.Sample is not null);
            RuleFor(c => c.Entry.Sample.LowerExplosiveLimit).GreaterThan(0m).LessThanOrEqualTo(100m).When(c => c.Entry?.Sample is not null);
            RuleFor(c => c.Entry.Sample.FlammableValue).InclusiveBetween(0m, 100m).When(c => c.Entry?.Sample is not null);
            RuleFor(c => c.Entry.Sample.Oxygen).InclusiveBetween(0m, 100m).When(c => c.Entry?.Sample is not null);
            RuleForEach(c => c.Entry.Sample.Toxic).ChildRules(t =>
            {
                t.RuleFor(x => x.Substance).NotEmpty().MaximumLength(50);
                t.RuleFor(x => x.ValueMgPerM3).InclusiveBetween(0m, 100000m);
                t.RuleFor(x => x.LimitMgPerM3).GreaterThan(0m).LessThanOrEqualTo(100000m);
            }).When(c => c.Entry?.Sample is not null);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A reading out of range or a field missing.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the detector is past calibration, or the permit's state refuses.</exception>
        public async Task<Result> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            GasTest? test = null;
            var permit = await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, (db, permit, by) =>
            {
                var (recorded, step) = permit.RecordGasTest(command.Entry, by, clock.GetUtcNow());
                test = recorded;
                return Task.FromResult(step);
            }, cancellationToken);
            return new Result(test!.Id, test.Passed, test.Failures, permit.Status);
        }
    }
}
