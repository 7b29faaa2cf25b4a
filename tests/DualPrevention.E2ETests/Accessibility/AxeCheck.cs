using System.Text.Json;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Accessibility;

/// <summary>
/// Runs axe-core (from npm, copied next to the tests by the project's InstallAxeCore target) on the page as it stands,
/// against WCAG 2 A and AA, and answers the serious and critical violations as "rule: target, target …" (a contrast failure with its colours and ratio).
/// Transitions and animations are switched off first, so colours are measured as they settle rather than half-way
/// through a fade (on a busy machine axe otherwise met a label or a button mid-transition, e.g. #7a7a7a on white).
/// </summary>
internal static class AxeCheck
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");

    private const string Run = """
        async () => {
          const Colours = n => {
            const d = n.any.find(c => c.data && c.data.fgColor)?.data;
            return d ? ` (${d.fgColor} on ${d.bgColor}, ${d.contrastRatio}:1)` : "";
          };
          const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
          return JSON.stringify(result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map(n => n.target.join(" ") + Colours(n)).join(" | ")}` +
              (v.nodes.length > 4 ? ` … ${v.nodes.length} in all` : "")));
        }
        """;

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        }

        if (!await page.EvaluateAsync<bool>("() => !!document.getElementById('axe-settled')"))
        {
            await page.AddStyleTagAsync(new PageAddStyleTagOptions
            {
                Content = "#axe-settled, *, *::before, *::after { transition: none !important; animation: none !important; }",
            });
            await page.EvaluateAsync("() => { const marker = document.createElement('meta'); marker.id = 'axe-settled'; document.head.appendChild(marker); }");
        }

        return JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(Run))!;
    }
}
