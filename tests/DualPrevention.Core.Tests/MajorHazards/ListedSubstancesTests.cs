using DualPrevention.Core.MajorHazards;

namespace DualPrevention.Core.Tests.MajorHazards;

/// <summary>Table 1 of GB 18218-2018 as shipped (docs/domain/major-hazards.md#9-the-threshold-table).</summary>
public class ListedSubstancesTests
{
    [Fact]
    public void Every_one_of_the_85_rows_of_Table_1_loads_in_order_with_a_positive_Q()
    {
        ListedSubstances.All.Count.ShouldBe(85);
        ListedSubstances.All.Select(s => s.Row).ShouldBe(Enumerable.Range(1, 85));
        ListedSubstances.All.ShouldAllBe(s => s.ThresholdQuantity > 0m && s.NameZh.Length > 0 && s.NameEn.Length > 0);
        ListedSubstances.All.Count(s => s.Cas is null).ShouldBe(3);
    }

    [Fact]
    public void The_rows_of_Table_3_take_their_named_beta_and_coal_gas_takes_carbon_monoxides()
    {
        ListedSubstances.All.Where(s => s.NamedBeta is not null).Select(s => s.Cas ?? s.NameEn)
            .ShouldBe(NamedToxicGases.CasNumbers.Where(cas => cas != NamedToxicGases.CarbonMonoxideCas).Append("coal gas / town gas (CO and CO-H2-CH4 mixtures)"), ignoreOrder: true);
        ListedSubstances.All.Single(s => s.Row == 13).NamedBeta.ShouldBe(2m);
        ListedSubstances.All.Single(s => s.Row == 6).ThresholdQuantity.ShouldBe(0.3m);
    }

    /// <summary>Every substance of Table 1 can be graded: a Table 3 β, or a class, or the enterprise names its class (docs/domain/major-hazards.md#7-implementation-notes).</summary>
    [Fact]
    public void The_hint_names_the_classes_before_any_condition()
    {
        ListedSubstances.All.Single(s => s.NameEn == "methanol").HazardClasses.ShouldBe([HazardClass.W5_3]);
        ListedSubstances.All.Single(s => s.NameEn == "lead azide").HazardClasses.ShouldBe([HazardClass.W1_1, HazardClass.W1_2, HazardClass.W1_3]);
        ListedSubstances.All.Single(s => s.NameEn == "oxygen difluoride").HazardClasses.ShouldBe([HazardClass.J1, HazardClass.J3]);
        ListedSubstances.All.Single(s => s.NameEn == "potassium (metal)").HazardClasses.ShouldBe([HazardClass.W11]);
        ListedSubstances.All.Single(s => s.NameEn == "acrolein").HazardClasses.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("W5.3", HazardClass.W5_3)]
    [InlineData("j1", HazardClass.J1)]
    [InlineData("W10", HazardClass.W10)]
    public void A_symbol_parses_to_its_class_and_back(string symbol, HazardClass hazardClass)
    {
        HazardClasses.Parse(symbol).ShouldBe(hazardClass);
        hazardClass.Symbol().ShouldBe(symbol.ToUpperInvariant());
    }

    [Theory]
    [InlineData("W12")]
    [InlineData("3")]
    [InlineData("")]
    public void An_unknown_symbol_is_no_class(string symbol)
    {
        HazardClasses.Parse(symbol).ShouldBeNull();
    }
}
