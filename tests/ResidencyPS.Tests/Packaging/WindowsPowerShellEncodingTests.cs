using System.Management.Automation.Language;
using System.Text;
using System.Xml;
using ResidencyPS.Tests.Infrastructure;

namespace ResidencyPS.Tests.Packaging;

/// <summary>
/// Windows PowerShell 5.1 reads a file without a byte order mark as Windows-1252, not UTF-8. No Windows machine runs here, so
/// every text file the module ships is held to what stands in for it: ASCII or UTF-8 with a byte order mark, and every
/// PowerShell file, decoded the way 5.1 decodes it, parses with zero errors.
/// </summary>
public class WindowsPowerShellEncodingTests
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(TestPaths.RequireModule())!;

    static WindowsPowerShellEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    private static IEnumerable<string> Shipped(params string[] extensions) =>
        Directory.GetFiles(Path.GetDirectoryName(TestPaths.RequireModule())!, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Length == 0 ? !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)
                : extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetRelativePath(Path.GetDirectoryName(TestPaths.RequireModule())!, f))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static IEnumerable<object[]> ShippedTextFiles() => Shipped().Select(f => new object[] { f });

    public static IEnumerable<object[]> ShippedPowerShellFiles() => Shipped(".psd1", ".psm1", ".ps1", ".ps1xml").Select(f => new object[] { f });

    /// <summary>The text as Windows PowerShell 5.1 reads it: UTF-8 after a byte order mark, Windows-1252 without.</summary>
    private static string AsWindowsPowerShellReadsIt(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Bom) ? new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3) : Encoding.GetEncoding(1252).GetString(bytes);

    private static int ParseErrors(string script)
    {
        Parser.ParseInput(script, out _, out var errors);
        return errors.Length;
    }

    [Theory]
    [MemberData(nameof(ShippedTextFiles))]
    public void A_shipped_text_file_is_ASCII_or_UTF8_with_a_byte_order_mark(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(ModuleFolder, file));
        Assert.True(bytes.AsSpan().StartsWith(Bom) || bytes.All(b => b < 0x80), file + " holds non-ASCII text without a byte order mark");
    }

    [Fact]
    public void The_module_ships_its_manifest_alias_module_format_and_types_files()
    {
        Assert.Equal(new[] { "ResidencyPS.Aliases.psm1", "ResidencyPS.Format.ps1xml", "ResidencyPS.Types.ps1xml", "ResidencyPS.psd1" }, Shipped(".psd1", ".psm1", ".ps1", ".ps1xml"));
    }

    [Theory]
    [MemberData(nameof(ShippedPowerShellFiles))]
    public void A_shipped_PowerShell_file_parses_as_Windows_PowerShell_reads_it(string file)
    {
        var text = AsWindowsPowerShellReadsIt(File.ReadAllBytes(Path.Combine(ModuleFolder, file)));
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".psd1" or ".psm1" or ".ps1":
                Assert.Equal(0, ParseErrors(text));
                break;
            default:
                var xml = new XmlDocument();
                xml.LoadXml(text);
                foreach (XmlNode block in xml.SelectNodes("//ScriptBlock")!)
                {
                    Assert.True(ParseErrors(block.InnerText) == 0, file + ": " + block.InnerText);
                }

                // A script block that shows a non-ASCII character must show that character, not its Windows-1252 misreading.
                Assert.DoesNotContain("\u00e2\u20ac", text, StringComparison.Ordinal);
                Assert.Contains(xml.DocumentElement!.Name, new[] { "Types", "Configuration" });
                break;
        }
    }

    [Fact]
    public void The_check_sees_the_hazard_a_release_note_with_an_arrow_without_a_byte_order_mark()
    {
        // What the manifest was before it got a byte order mark: one arrow in the stamped release notes breaks it under 5.1.
        var manifest = "@{ ModuleVersion = '1.0.0'; PrivateData = @{ PSData = @{ ReleaseNotes = 'Import \u2192 answer' } } }";
        Assert.True(ParseErrors(AsWindowsPowerShellReadsIt(new UTF8Encoding(false).GetBytes(manifest))) > 0);
        Assert.Equal(0, ParseErrors(AsWindowsPowerShellReadsIt(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(manifest)).ToArray())));
    }

    [Fact]
    public void The_built_manifest_carries_a_byte_order_mark_so_any_release_note_is_safe()
    {
        Assert.True(File.ReadAllBytes(TestPaths.RequireModule()).AsSpan().StartsWith(Bom));
    }
}
