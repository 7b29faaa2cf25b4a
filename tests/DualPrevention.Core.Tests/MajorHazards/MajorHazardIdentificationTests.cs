using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Tests.MajorHazards;

/// <summary>
/// GB 18218-2018 identification and grading on the worked examples of docs/domain/major-hazards.md#8-worked-examples,
/// in exact decimals, each named by its clause.
/// </summary>
public class MajorHazardIdentificationTests
{
    private static SubstanceQuantity Listed(string nameEn, decimal q, HazardClass? betaClass = null)
    {
        var row = ListedSubstances.All.Single(s => s.NameEn == nameEn);
        return new SubstanceQuantity(new SubstanceFacts(row.NameEn, row.Cas, row.ThresholdQuantity, row.HazardClasses, row.NamedBeta), q, betaClass);
    }

    [Fact]
    public void Example_8_1_mixed_storage_unit_is_a_major_hazard_of_level_3_with_S_5_4_and_R_13_2()
    {
        var result = MajorHazardStandard.Identify(
            [Listed("ammonia", 30m), Listed("methanol", 800m), Listed("liquefied petroleum gas (propane, butane and mixtures)", 40m)],
            population500m: 70);

        result.Lines.Select(l => (l.ThresholdQuantity, l.Ratio, l.Beta)).ShouldBe([(10m, 3.0m, 2m), (500m, 1.6m, 1m), (50m, 0.8m, 1.5m)]);
        result.Lines[0].BetaBasis.ShouldBe(BetaBasis.Table3);
        result.Lines[1].BetaClass.ShouldBe(HazardClass.W5_3);
        result.Lines[2].BetaClass.ShouldBe(HazardClass.W2);
        result.Alpha.ShouldBe(1.5m);
        result.SValue.ShouldBe(5.4m);
        result.IsMajorHazard.ShouldBeTrue();
        result.RValue.ShouldBe(13.2m);
        result.Level.ShouldBe(MajorHazardLevel.Level3);
        result.StandardVersion.ShouldBe("GB 18218-2018");
    }

    [Fact]
    public void Example_8_1_in_binary_floating_point_would_not_give_S_5_4_which_is_why_decimals_are_used()
    {
        (30d / 10d + 800d / 500d + 40d / 50d).ShouldNotBe(5.4d);
        MajorHazardStandard.Identify([Listed("ammonia", 30m), Listed("methanol", 800m), Listed("liquefied petroleum gas (propane, butane and mixtures)", 40m)], 70)
            .SValue.ShouldBe(5.4m);
    }

    [Fact]
    public void Example_8_2_chlorine_below_the_threshold_is_no_major_hazard_and_has_neither_R_nor_level()
    {
        var result = MajorHazardStandard.Identify([Listed("chlorine", 4m)], population500m: 100);

        result.SValue.ShouldBe(0.8m);
        result.IsMajorHazard.ShouldBeFalse();
        result.RValue.ShouldBeNull();
        result.Level.ShouldBeNull();
    }

    [Theory]
    [InlineData(30, 6, 48, MajorHazardLevel.Level3)]
    [InlineData(35, 7, 56, MajorHazardLevel.Level2)]
    public void Example_8_3_chlorine_either_side_of_level_2(decimal q, decimal s, decimal r, MajorHazardLevel level)
    {
        var result = MajorHazardStandard.Identify([Listed("chlorine", q)], population500m: 150);

        result.SValue.ShouldBe(s);
        result.Lines.Single().Beta.ShouldBe(4m);
        result.RValue.ShouldBe(r);
        result.Level.ShouldBe(level);
    }

    [Fact]
    public void Example_8_4_ethylene_oxide_at_R_100_is_level_1_because_R_100_is_inclusive()
    {
        var result = MajorHazardStandard.Identify([Listed("ethylene oxide", 250m)], population500m: 100);

        result.RValue.ShouldBe(100m);
        result.Level.ShouldBe(MajorHazardLevel.Level1);
    }

    [Fact]
    public void Example_8_4_benzene_at_S_1_is_a_major_hazard_because_S_1_is_inclusive_of_level_4_with_nobody_around()
    {
        var result = MajorHazardStandard.Identify([Listed("benzene", 50m)], population500m: 0);

        result.SValue.ShouldBe(1.0m);
        result.IsMajorHazard.ShouldBeTrue();
        result.Alpha.ShouldBe(0.5m);
        result.RValue.ShouldBe(0.5m);
        result.Level.ShouldBe(MajorHazardLevel.Level4);
    }

    [Fact]
    public void Example_8_4_benzene_at_49_9_t_is_no_major_hazard()
    {
        var result = MajorHazardStandard.Identify([Listed("benzene", 49.9m)], population500m: 0);

        result.SValue.ShouldBe(0.998m);
        result.IsMajorHazard.ShouldBeFalse();
        result.Level.ShouldBeNull();
    }

    /// <summary>Table 6 (docs/domain/major-hazards.md#65-levels): each lower bound belongs to its level; chlorine (β 4, Q 5) with α 1 makes R = 0.8·q.</summary>
    [Theory]
    [InlineData(62.5, 50, MajorHazardLevel.Level2)]
    [InlineData(62.4875, 49.99, MajorHazardLevel.Level3)]
    [InlineData(12.5, 10, MajorHazardLevel.Level3)]
    [InlineData(12.4875, 9.99, MajorHazardLevel.Level4)]
    [InlineData(125, 100, MajorHazardLevel.Level1)]
    [InlineData(124.9875, 99.99, MajorHazardLevel.Level2)]
    public void Table_6_boundaries_are_inclusive_from_below(decimal q, decimal r, MajorHazardLevel level)
    {
        var result = MajorHazardStandard.Identify([Listed("chlorine", q)], population500m: 10);

        result.RValue.ShouldBe(r);
        result.Level.ShouldBe(level);
    }

    /// <summary>Table 5 (docs/domain/major-hazards.md#64-alpha-for-the-people-around) at every edge.</summary>
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(29, 1.0)]
    [InlineData(30, 1.2)]
    [InlineData(49, 1.2)]
    [InlineData(50, 1.5)]
    [InlineData(99, 1.5)]
    [InlineData(100, 2.0)]
    public void Table_5_alpha_by_the_people_within_500_m(int population, decimal alpha)
    {
        MajorHazardStandard.AlphaFor(population).ShouldBe(alpha);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(MajorHazardStandard.MaximumPopulation + 1)]
    public void A_population_out_of_range_is_refused(int population)
    {
        Should.Throw<DomainRuleException>(() => MajorHazardStandard.AlphaFor(population));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_quantity_that_is_not_positive_is_refused(decimal q)
    {
        Should.Throw<DomainRuleException>(() => MajorHazardStandard.Identify([Listed("benzene", q)], 0));
    }

    [Fact]
    public void A_unit_without_substances_is_refused()
    {
        Should.Throw<DomainRuleException>(() => MajorHazardStandard.Identify([], 0));
    }

    /// <summary>§3.2 item 2 (docs/domain/major-hazards.md#3-threshold-quantity-q): a substance outside Table 1 of several classes takes the lowest Q.</summary>
    [Fact]
    public void A_substance_outside_Table_1_takes_the_lowest_Table_2_Q_of_its_classes()
    {
        var unlisted = new SubstanceFacts("toxic flammable gas X", null, null, [HazardClass.W2, HazardClass.J3], null);

        var line = MajorHazardStandard.Identify([new SubstanceQuantity(unlisted, 5m)], 0).Lines.Single();

        line.ThresholdQuantity.ShouldBe(10m);
        line.ThresholdQuantityBasis.ShouldBe(ThresholdQuantityBasis.Table2);
        line.ThresholdQuantityClass.ShouldBe(HazardClass.W2);
        line.Ratio.ShouldBe(0.5m);
    }

    /// <summary>docs/domain/major-hazards.md#7-implementation-notes: the largest β of the classes by default, the smallest or a named class when configured.</summary>
    [Fact]
    public void Beta_of_several_classes_is_the_largest_by_default_and_configurable()
    {
        var gas = new SubstanceFacts("toxic flammable gas X", null, null, [HazardClass.W2, HazardClass.J3], null);

        MajorHazardStandard.Identify([new SubstanceQuantity(gas, 10m)], 0).Lines.Single().Beta.ShouldBe(2m);
        MajorHazardStandard.Identify([new SubstanceQuantity(gas, 10m)], 0, BetaChoice.Smallest).Lines.Single().Beta.ShouldBe(1.5m);
        MajorHazardStandard.Identify([new SubstanceQuantity(gas, 10m, HazardClass.W2)], 0).Lines.Single().Beta.ShouldBe(1.5m);
        Should.Throw<DomainRuleException>(() => MajorHazardStandard.Identify([new SubstanceQuantity(gas, 10m, HazardClass.J1)], 0));
    }

    /// <summary>Table 1's oxygen difluoride is a toxic gas of J1 or J3: Q stays Table 1's 1 t, β the larger 4.</summary>
    [Fact]
    public void A_Table_1_substance_keeps_its_Table_1_Q_and_takes_the_largest_Table_4_beta_of_its_classes()
    {
        var line = MajorHazardStandard.Identify([Listed("oxygen difluoride", 1m)], 0).Lines.Single();

        line.ThresholdQuantity.ShouldBe(1m);
        line.ThresholdQuantityBasis.ShouldBe(ThresholdQuantityBasis.Table1);
        line.Beta.ShouldBe(4m);
        line.BetaClass.ShouldBe(HazardClass.J1);
    }

    /// <summary>§3.2 item 3: a mixture outside its pure substance's class takes its own class's Q and β, not Table 1's or Table 3's.</summary>
    [Fact]
    public void A_mixture_outside_its_pure_substances_class_takes_its_own_class()
    {
        var ammonia = ListedSubstances.All.Single(s => s.NameEn == "ammonia");
        var facts = new SubstanceFacts(ammonia.NameEn, ammonia.Cas, ammonia.ThresholdQuantity, ammonia.HazardClasses, ammonia.NamedBeta);

        var line = MajorHazardStandard.Identify([new SubstanceQuantity(facts, 100m, MixtureClasses: [HazardClass.J5])], 0).Lines.Single();

        line.ThresholdQuantity.ShouldBe(500m);
        line.Ratio.ShouldBe(0.2m);
        line.Beta.ShouldBe(1m);
        line.BetaBasis.ShouldBe(BetaBasis.Table4);
    }

    [Fact]
    public void A_substance_outside_Table_1_without_a_class_is_refused()
    {
        var unknown = new SubstanceFacts("unknown", null, null, [], null);

        Should.Throw<DomainRuleException>(() => MajorHazardStandard.Identify([new SubstanceQuantity(unknown, 1m)], 0));
    }
}
