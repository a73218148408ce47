using ResidencyPS.Engine.Text;

namespace ResidencyPS.Tests.Engine.Text;

/// <summary>Text from an inventory or a file made safe to print: every invisible character shown as an escape, and no input that makes it throw.</summary>
public sealed class InertTextTests
{
    // Built from code units in the test: xunit carries theory data as UTF-8, which turns half a pair into U+FFFD.
    [Theory]
    [InlineData("Fresh{0}desk", new[] { 0xD800 }, "Fresh\\uD800desk")]
    [InlineData("Fresh{0}", new[] { 0xD800 }, "Fresh\\uD800")]
    [InlineData("{0}Freshdesk", new[] { 0xDC00 }, "\\uDC00Freshdesk")]
    [InlineData("Fresh{0}{1}desk", new[] { 0xDC00, 0xD800 }, "Fresh\\uDC00\\uD800desk")]
    public void A_lone_surrogate_is_escaped_not_thrown_on(string pattern, int[] units, string shown)
    {
        // A string built in a script can hold half a surrogate pair; it once threw inside every error message naming it.
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, units.Select(u => (object)((char)u).ToString()).ToArray());
        Assert.Equal(shown, InertText.Escape(text));
        Assert.True(InertText.FirstInvisible(text) >= 0);
    }

    [Fact]
    public void A_whole_surrogate_pair_is_kept_and_an_invisible_one_is_escaped_as_one_code_point()
    {
        Assert.Equal("Fresh\U0001F600desk", InertText.Escape("Fresh\U0001F600desk"));
        Assert.Equal("tag\\U000E0041", InertText.Escape("tag\U000E0041"));
    }
}
