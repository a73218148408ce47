using ResidencyPS.Engine.Waivers;

namespace ResidencyPS.Tests.Engine.Waivers;

/// <summary>
/// Issue 22, point 4: a check warns before a waiver stops covering its results. Days are counted as expiry is, in UTC
/// days (the time zones themselves: WaiverExpiryTimeZoneTests); an expired waiver is not "expiring".
/// </summary>
public sealed class WaiverWarningTests
{
    private static Waiver Ending(int index, DateTime lastDay) =>
        new(index, "*", "Orders", null, "Reviewed.", null, lastDay, new HashSet<string>(), new HashSet<string>());

    private static readonly DateTime Today = new(2027, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Waiver[] Waivers = { Ending(0, Today.AddDays(-1)), Ending(1, Today), Ending(2, Today.AddDays(3)), Ending(3, Today.AddDays(30)) };

    [Theory]
    [InlineData(0, new[] { "1:0" })]
    [InlineData(3, new[] { "1:0", "2:3" })]
    [InlineData(29, new[] { "1:0", "2:3" })]
    [InlineData(30, new[] { "1:0", "2:3", "3:30" })]
    public void The_waivers_ending_within_the_days_asked_are_named_with_the_days_they_have_left(int days, string[] expected)
    {
        var set = new WaiverSet("w.json", Waivers, Today.AddHours(23.5));
        Assert.Equal(expected, set.ExpiringWithin(days).Select(w => w.Waiver.Index + ":" + w.DaysLeft));
        Assert.Equal(new[] { 0 }, set.Expired.Select(w => w.Index));
    }
}
