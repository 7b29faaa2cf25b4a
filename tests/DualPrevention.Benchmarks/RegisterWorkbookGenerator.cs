using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;
using Text = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Writes a large risk-control list the way Excel saves one: shared strings, a title row above the header, object,
/// unit and event cells merged down over their measures, LS assessments whose stated R and level are right.
/// Shape: 10 measures per event, 10 events per unit, 25 units per object.
/// </summary>
internal static class RegisterWorkbookGenerator
{
    private const int MeasuresPerEvent = 10;
    private const int EventsPerUnit = 10;
    private const int UnitsPerObject = 25;

    private static readonly string[] ObjectKinds = ["液化烃球罐区", "甲醇罐区", "加氢反应装置", "芳烃抽提装置", "液氨罐区", "硫磺回收装置", "汽车装卸站", "公用工程"];
    private static readonly string[] UnitKinds = ["丙烯球罐", "内浮顶储罐", "反应器", "循环氢压缩机", "装车栈台", "换热器组", "机泵区", "火炬系统", "配电室", "空压站"];

    private static readonly string[] Events =
    [
        "超压导致安全阀起跳、物料泄漏引发火灾爆炸", "密封失效导致可燃气体泄漏积聚遇点火源爆炸", "液位超高导致冒罐溢流引发火灾",
        "温度失控飞温导致设备超压破裂", "脱水作业人员离开导致物料随水排出泄漏", "静电积聚放电引燃可燃蒸气",
        "检维修作业未办票或措施不落实导致中毒窒息", "管线腐蚀减薄破裂导致物料喷出灼烫", "电气设备故障或误操作导致触电",
        "高处作业防护缺失导致人员坠落",
    ];

    private static readonly (string Text, string Classify1, string Classify2, string Source, string Content, int Cycle, string Unit, string Level)[] Measures =
    [
        ("液位、压力、温度远传监测并设高高报警联锁", "工程技术", "工艺控制", "自动化监控", "DCS显示正常，高高报警联锁投用", 1, "天", "公司级"),
        ("安全阀定期校验并处于投用状态，根部阀全开铅封", "工程技术", "安全附件", "隐患排查", "安全阀在校验有效期内、根部阀全开并铅封", 1, "月", "车间级"),
        ("紧急切断阀可远程关闭，每季度做关闭试验", "工程技术", "安全仪表", "隐患排查", "紧急切断阀投用，关闭试验记录完整", 1, "季", "公司级"),
        ("外操每2小时巡检，检查法兰、阀门有无泄漏", "操作行为", "操作记录", "隐患排查", "巡检记录完整，法兰、阀门无泄漏", 2, "小时", "班组级"),
        ("可燃气体检测器按规范布置并定期标定", "工程技术", "安全仪表", "隐患排查", "检测器在标定有效期内，报警值设定正确", 1, "季", "车间级"),
        ("机泵振动、温度在线监测，每班巡检", "维护保养", "动设备", "隐患排查", "振动、轴承温度正常，无异常声响", 8, "小时", "班组级"),
        ("交接班时确认关键参数和报警状态", "操作行为", "交接班", "隐患排查", "交接班记录中参数、报警状态确认完整", 1, "天", "岗位级"),
        ("作业人员持证上岗", "操作行为", "人员资质", "隐患排查", "当班人员证书在有效期内", 1, "月", "车间级"),
        ("固定水喷淋、消防炮完好，每月联动试验", "应急措施", "消防设施", "隐患排查", "喷淋阀组、消防炮完好，试验记录完整", 1, "月", "公司级"),
        ("配置洗眼器、正压式空气呼吸器", "应急措施", "个体防护", "隐患排查", "洗眼器出水正常，呼吸器压力合格", 1, "周", "班组级"),
    ];

    /// <summary>A list of <paramref name="measures"/> measures (the last event may have fewer than ten).</summary>
    public static byte[] Generate(int measures)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(42);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var merges = new List<string>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, strings, 1, ["某石化有限公司安全风险分级管控清单"]);
                WriteRow(writer, strings, 2, RiskRegisterLayout.Columns.Take(22).Select(c => (object?)c.Header).ToArray());
                WriteMeasures(writer, strings, merges, random, measures);
                writer.WriteEndElement();
                writer.WriteStartElement(new MergeCells());
                foreach (var merge in merges)
                {
                    writer.WriteElement(new MergeCell { Reference = merge });
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var table = workbook.AddNewPart<SharedStringTablePart>();
            using (var writer = OpenXmlWriter.Create(table))
            {
                writer.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
                foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
                {
                    writer.WriteElement(new SharedStringItem(new Text(text)));
                }

                writer.WriteEndElement();
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "风险分级管控清单" }));
        }

        return stream.ToArray();
    }

    private static void WriteMeasures(OpenXmlWriter writer, Dictionary<string, int> strings, List<string> merges, Random random, int measures)
    {
        var row = 3;
        for (var written = 0; written < measures;)
        {
            var objectIndex = written / (MeasuresPerEvent * EventsPerUnit * UnitsPerObject);
            var objectName = $"{ObjectKinds[objectIndex % ObjectKinds.Length]}{objectIndex + 1}区";
            var code = objectIndex % 3 == 2 ? $"NONMHS-{objectIndex + 1:000}" : $"3702110{objectIndex + 1:00000}";
            var objectTop = row;
            for (var u = 0; u < UnitsPerObject && written < measures; u++)
            {
                var unitName = $"{u + 1}#{UnitKinds[u % UnitKinds.Length]}";
                var unitTop = row;
                for (var e = 0; e < EventsPerUnit && written < measures; e++)
                {
                    var (l, s) = (random.Next(1, 6), random.Next(1, 6));
                    var level = RiskRegisterLayout.LevelWords[RiskGrading.Classify(l * s, RiskBandTable.DefaultLs)];
                    var eventTop = row;
                    for (var m = 0; m < MeasuresPerEvent && written < measures; m++, written++, row++)
                    {
                        var measure = Measures[m];
                        var first = m == 0;
                        var topOfUnit = first && e == 0;
                        var topOfObject = topOfUnit && u == 0;
                        var taskType = written % 97 == 0 ? "技术负责人任务" : "日常任务";
                        WriteRow(writer, strings, row,
                        [
                            written + 1, topOfObject ? objectName : null, topOfObject ? code : null, topOfUnit ? unitName : null,
                            first ? Events[e] : null, first ? "火灾、其他爆炸" : null, first ? "LS" : null, first ? l : null, first ? s : null, first ? l * s : null, first ? level : null,
                            measure.Text, measure.Classify1, measure.Classify2, measure.Source, measure.Content, measure.Cycle, measure.Unit, measure.Level,
                            "储运车间", $"张工{(written % 40) + 1:00}", taskType,
                        ]);
                    }

                    Merge(merges, eventTop, row - 1, 4, 10);
                }

                Merge(merges, unitTop, row - 1, 3, 3);
            }

            Merge(merges, objectTop, row - 1, 1, 2);
        }
    }

    private static void Merge(List<string> merges, int top, int bottom, int firstColumn, int lastColumn)
    {
        for (var column = firstColumn; column <= lastColumn && bottom > top; column++)
        {
            var letter = CellReference.ColumnLetter(column);
            merges.Add($"{letter}{top}:{letter}{bottom}");
        }
    }

    private static void WriteRow(OpenXmlWriter writer, Dictionary<string, int> strings, int number, object?[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var c = 0; c < cells.Length; c++)
        {
            var reference = $"{CellReference.ColumnLetter(c)}{number}";
            switch (cells[c])
            {
                case string text:
                    if (!strings.TryGetValue(text, out var index))
                    {
                        index = strings.Count;
                        strings.Add(text, index);
                    }

                    writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                    break;
                case int value:
                    writer.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });
                    break;
                default:
                    break;
            }
        }

        writer.WriteEndElement();
    }
}
