using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DualPrevention.Core.VideoAlarms;

namespace DualPrevention.Core.Tests.VideoAlarms;

/// <summary>The corpus of Corpus/video (its README says where each shape comes from): every message maps onto its category.</summary>
public partial class VideoAlarmCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "VideoAlarms", "Corpus", "video");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string> Expected()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Folder, "expected.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            data.Add(cells[0], cells[1], cells[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void A_corpus_message_maps_onto_its_category(string file, string codeSet, string category)
    {
        var path = Path.Combine(Folder, file);
        VideoAlarmCategory mapped;
        if (file.StartsWith("platform-", StringComparison.Ordinal))
        {
            var reading = VideoAlarmPayload.Parse(File.ReadAllBytes(path), Now);
            reading.Refusal.ShouldBeNull();
            (reading.Alarm!.CodeSet ?? "platform-or-zh").ShouldBe(codeSet is "platform" or "zh" ? "platform-or-zh" : codeSet);
            mapped = reading.Alarm.Category;
        }
        else
        {
            var code = codeSet == AlgorithmCodes.Hikvision
                ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("eventType").GetString()!
                : DahuaCode().Match(File.ReadAllText(path, Encoding.UTF8)).Groups[1].Value;
            AlgorithmCodes.TryMap(codeSet, code, out mapped).ShouldBeTrue(code);
        }

        mapped.ToString().ShouldBe(category);
    }

    [Fact]
    public void Every_corpus_file_is_listed() =>
        Directory.GetFiles(Folder).Select(Path.GetFileName)
            .Where(f => f is not ("README.md" or "expected.csv"))
            .Order()
            .ShouldBe(Expected().Select(row => (string)row[0]).Order());

    [GeneratedRegex(@"^Code=([A-Za-z]+);")]
    private static partial Regex DahuaCode();
}
