using System.Text.RegularExpressions;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Docs;

/// <summary>
/// The maps a newcomer reads first stay true: docs/ARCHITECTURE.md and the README's layout name every folder of the
/// module's source, and no table is broken by a paragraph written into it (its later rows then render as text).
/// </summary>
public sealed class LayoutDocTests
{
    private static readonly string Source = Path.Combine(TestPaths.RepoRoot, "src", "ResidencyPS");

    public static TheoryData<string> Documents() => new() { "docs/ARCHITECTURE.md", "README.md" };

    private static string[] Read(string document) => File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, document));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_table_row_belongs_to_a_table_with_a_header(string document)
    {
        var lines = Read(document);
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            fenced ^= lines[i].StartsWith("```", StringComparison.Ordinal);
            if (fenced || !lines[i].StartsWith('|'))
            {
                continue;
            }

            // Walk up the table: it must reach a header row followed by its separator (| --- |).
            var start = i;
            while (start > 0 && lines[start - 1].StartsWith('|'))
            {
                start--;
            }

            Assert.True(start + 1 < lines.Length && Regex.IsMatch(lines[start + 1], @"^\|(\s*:?-{3,}:?\s*\|)+\s*$"),
                $"{document} line {i + 1} is a table row outside any table (a paragraph above it broke the table): {lines[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_source_folder_is_named(string document)
    {
        var text = string.Join("\n", Read(document));
        foreach (var folder in Directory.GetDirectories(Source, "*", SearchOption.AllDirectories)
                     .Select(d => Path.GetRelativePath(Source, d).Replace('\\', '/'))
                     .Where(d => !Regex.IsMatch(d, "^(bin|obj)(/|$)")))
        {
            // ARCHITECTURE draws the tree (Engine/ then Loading/ beneath it); the README lists Engine/ (`Loading`, ...).
            var name = folder.Split('/')[^1];
            Assert.True(text.Contains(folder + "/", StringComparison.Ordinal) || text.Contains(name + "/", StringComparison.Ordinal)
                || text.Contains("`" + name + "`", StringComparison.Ordinal),
                $"{document} does not name src/ResidencyPS/{folder}");
        }
    }
}
